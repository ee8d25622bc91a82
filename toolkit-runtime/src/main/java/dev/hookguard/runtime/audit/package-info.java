/**
 * Audit: a record of who looked at which sensitive data, when, and why, and of what the receivers
 * answered. The store writes an {@link dev.hookguard.runtime.audit.AuditEvent} through an {@link
 * dev.hookguard.runtime.audit.AuditSink} for every reveal, granted or refused. Events carry names
 * (payload type, record id, field paths, accessor, purpose), never values.
 *
 * <p>{@link dev.hookguard.runtime.audit.AuditTrail}, a {@code HookGuard}'s {@code audit()}, keeps
 * them as an append-only hash chain in the store database that anyone can {@linkplain
 * dev.hookguard.runtime.audit.AuditTrail#verify() verify}, against an exported {@link
 * dev.hookguard.runtime.audit.AuditCheckpoint} too.
 */
package dev.hookguard.runtime.audit;
