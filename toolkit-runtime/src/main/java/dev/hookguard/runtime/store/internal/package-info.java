/**
 * Internals of the store, not exported: connections and dialects, schema migrations, record
 * sealing and the JDBC implementation of {@code PayloadTable} and {@code KeyManager}.
 */
package dev.hookguard.runtime.store.internal;
