/**
 * Retention's implementation, not exported: sweeps (crypto-shredding by day key, then deleting
 * expired records and fields in batches) and the retention report, over the store's tables.
 */
package dev.hookguard.runtime.retention.internal;
