package dev.hookguard.runtime.receiver;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the receiver answers: a status, a few headers ({@code Content-Type}, and {@code
 * Retry-After} or {@code Allow} where they apply) and a one-line plain-text body naming the
 * outcome and reason, such as {@code REJECTED SIGNATURE_MISMATCH}. The body is built only from
 * enum names: it never echoes a header, an address or any part of the payload.
 *
 * @param status the HTTP status code
 * @param headers response header names to values, in order; unmodifiable
 * @param body the body text
 */
public record WebhookResponse(int status, Map<String, String> headers, String body) {

  /** Checks the status range and copies the headers. */
  public WebhookResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    Objects.requireNonNull(body, "body");
  }

  /** Whether the status is 2xx: the webhook was accepted. */
  public boolean accepted() {
    return status >= 200 && status < 300;
  }

  /** The body as UTF-8 bytes. */
  public byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }
}
