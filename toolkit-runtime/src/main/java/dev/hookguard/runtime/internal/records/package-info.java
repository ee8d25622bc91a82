/**
 * The sealed record format, not exported: how a record's fields are canonicalised, encrypted,
 * MAC'd and packed into rows, and the SQL that reads and writes those rows. Used by the store,
 * retention sweeps and key re-encryption.
 */
package dev.hookguard.runtime.internal.records;
