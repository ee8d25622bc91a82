/**
 * Audit: a record of who looked at which sensitive data, when, and why. The store writes an
 * {@link dev.hookguard.runtime.audit.AuditEvent} through an {@link dev.hookguard.runtime.audit.AuditSink}
 * for every reveal, granted or refused. Events carry names (payload type, record id, field
 * paths, accessor, purpose), never values.
 */
package dev.hookguard.runtime.audit;
