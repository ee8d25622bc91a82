/**
 * The audit trail's implementation: the hash chain's canonical encoding and its table in the store
 * database. Not exported; users reach it through {@link dev.hookguard.runtime.audit.AuditTrail}.
 */
package dev.hookguard.runtime.audit.internal;
