/**
 * Redaction: turning a payload into a log line, redacted JSON or a copy that is safe to forward,
 * with every {@code @Sensitive} value masked. Generated {@code XRedactor} classes implement
 * {@link dev.hookguard.runtime.redact.Redactor}; a {@link
 * dev.hookguard.runtime.redact.RedactionContext} holds the pseudonym key for {@code Mask.HASH}.
 */
package dev.hookguard.runtime.redact;
