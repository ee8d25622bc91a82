/**
 * Redaction: turning a payload into a log line, redacted JSON or a copy that is safe to forward,
 * with every {@code @Sensitive} value masked. Generated {@code XRedactor} classes implement
 * {@link dev.hookguard.runtime.redact.Redactor} with {@link dev.hookguard.runtime.redact.Masks},
 * {@link dev.hookguard.runtime.redact.Copies} and a
 * {@link dev.hookguard.runtime.redact.RedactionContext}, writing through
 * {@link dev.hookguard.runtime.json.PayloadWriter}.
 */
package dev.hookguard.runtime.redact;
