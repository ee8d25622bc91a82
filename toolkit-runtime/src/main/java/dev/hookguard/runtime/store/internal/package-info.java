/**
 * The store's implementation, not exported: the JDBC {@code PayloadTable} (put, read, reveal with
 * its access check and audit event, lookups by deterministic token) and receipts (a delivery's
 * record, receipt tag and audit entry in one transaction, with group commit).
 */
package dev.hookguard.runtime.store.internal;
