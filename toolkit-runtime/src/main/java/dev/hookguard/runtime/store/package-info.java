/**
 * Encrypted storage of payloads. A {@link dev.hookguard.runtime.store.PayloadTable}, obtained
 * from {@code HookGuard.table(StoreSchema)}, keeps records of one payload type: each top-level
 * field as JSON text, sealed according to its {@link dev.hookguard.runtime.store.Protection},
 * bound to its place by associated data, and the whole record covered by a MAC. Generated
 * {@code XStore} classes are written on top of this API.
 *
 * <p>Every failure is typed: {@link dev.hookguard.runtime.store.DuplicateRecordException},
 * {@link dev.hookguard.runtime.store.TamperedRecordException},
 * {@link dev.hookguard.runtime.store.AccessDeniedException}, and
 * {@link dev.hookguard.runtime.store.StoreException} for the rest. No message ever holds a
 * field value.
 */
package dev.hookguard.runtime.store;
