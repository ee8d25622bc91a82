package dev.hookguard.runtime.signature;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders shared by the signature tests. */
final class TestRequests {

  private TestRequests() {}

  /** Headers from alternating names and values; a name given twice gets two values. */
  static Map<String, List<String>> headers(String... namesAndValues) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.merge(
          namesAndValues[i],
          List.of(namesAndValues[i + 1]),
          (a, b) -> {
            java.util.ArrayList<String> both = new java.util.ArrayList<>(a);
            both.addAll(b);
            return List.copyOf(both);
          });
    }
    return headers;
  }

  /** Headers as a sender would attach them, from {@link WebhookSignature#sign}. */
  static Map<String, List<String>> headers(Map<String, String> signed) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    signed.forEach((name, value) -> headers.put(name, List.of(value)));
    return headers;
  }

  /** A copy of {@code headers} with {@code name} (matched exactly) set to {@code value}. */
  static Map<String, List<String>> with(Map<String, List<String>> headers, String name, String value) {
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    copy.put(name, List.of(value));
    return copy;
  }

  /** A copy of {@code headers} without {@code name} (matched exactly). */
  static Map<String, List<String>> without(Map<String, List<String>> headers, String name) {
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    copy.remove(name);
    return copy;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Clock fixedAt(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  /**
   * The reason {@code signature} refuses the request; fails the test if it verifies or throws
   * anything other than {@link WebhookVerificationException}.
   */
  static WebhookVerificationException.Reason rejection(
      WebhookSignature signature, Map<String, List<String>> headers, byte[] body) {
    try {
      signature.verify(headers, body);
    } catch (WebhookVerificationException e) {
      return e.reason();
    } catch (RuntimeException e) {
      throw new AssertionError("threw " + e.getClass().getName() + " instead of a rejection", e);
    }
    throw new AssertionError("the request verified");
  }

  /** The exception {@code signature} refuses the request with. */
  static WebhookVerificationException rejectionException(
      WebhookSignature signature, Map<String, List<String>> headers, byte[] body) {
    try {
      signature.verify(headers, body);
    } catch (WebhookVerificationException e) {
      return e;
    }
    throw new AssertionError("the request verified");
  }
}
