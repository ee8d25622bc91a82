/**
 * Redaction: turning a payload into a log line, redacted JSON or a copy that is safe to forward,
 * with every {@code @Sensitive} value masked. Generated {@code XRedactor} classes implement
 * {@link dev.hookguard.runtime.redact.Redactor} on top of {@link dev.hookguard.runtime.redact.RedactionWriter},
 * {@link dev.hookguard.runtime.redact.Masks} and a {@link dev.hookguard.runtime.redact.RedactionContext}.
 */
package dev.hookguard.runtime.redact;
