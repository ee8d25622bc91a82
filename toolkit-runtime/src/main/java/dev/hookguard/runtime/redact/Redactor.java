package dev.hookguard.runtime.redact;

/**
 * Makes a payload of type {@code T} safe to log or forward. The HookGuard processor generates one
 * implementation per {@code @WebhookPayload} type, and per nested type with sensitive properties,
 * {@code TRedactor}, from the type's {@code @Sensitive} annotations; every method masks every
 * sensitive value the same way.
 *
 * <pre>{@code
 * CustomerRedactor redactor = CustomerRedactor.create();
 * log.info("received {}", redactor.toLogString(customer));
 * forward(redactor.toRedactedJson(customer));
 * }</pre>
 *
 * @param <T> the payload type
 */
public interface Redactor<T> {

  /**
   * One compact line for a log: every non-sensitive value as it is (strings quoted and escaped,
   * so a value cannot forge a line or a field), every sensitive value masked, {@code OMIT} fields
   * left out. {@code null} gives {@code "null"}.
   */
  String toLogString(T value);

  /**
   * The payload as valid JSON with its JSON property names, sensitive values masked (as strings),
   * {@code OMIT} fields left out. {@code null} gives {@code "null"}.
   */
  String toRedactedJson(T value);

  /**
   * A copy that is safe to forward: sensitive {@code String} values masked, other sensitive
   * values {@code null} (a primitive's zero), {@code OMIT} values {@code null}; nested payloads
   * redacted the same way, and nested values with nothing sensitive in them kept as they are.
   * {@code null} gives {@code null}.
   */
  T redact(T value);
}
