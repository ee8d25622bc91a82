/**
 * Encrypted storage of payloads, as generated {@code XStore} classes use it: who reads ({@link
 * dev.hookguard.runtime.store.Accessor}, checked against each field's categories on every
 * reveal) and what can go wrong.
 *
 * <p>Every failure is typed: {@link dev.hookguard.runtime.store.DuplicateRecordException},
 * {@link dev.hookguard.runtime.store.TamperedRecordException},
 * {@link dev.hookguard.runtime.store.AccessDeniedException}, and
 * {@link dev.hookguard.runtime.store.StoreException} for the rest. No message ever holds a
 * field value.
 */
package dev.hookguard.runtime.store;
