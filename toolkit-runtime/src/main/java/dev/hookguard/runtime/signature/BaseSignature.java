package dev.hookguard.runtime.signature;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What every scheme shares: a clock, a tolerance, message-id reading and a safe toString. */
abstract class BaseSignature implements WebhookSignature {

  static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
  static final Duration MAX_TOLERANCE = Duration.ofDays(365);
  /** Longest message id accepted from a header; longer ones are not ids a provider issues. */
  static final int MAX_MESSAGE_ID_LENGTH = 256;

  final Clock clock;
  final Duration tolerance;

  BaseSignature(Clock clock, Duration tolerance) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.tolerance = checkTolerance(tolerance);
  }

  private static Duration checkTolerance(Duration tolerance) {
    Objects.requireNonNull(tolerance, "tolerance");
    if (tolerance.isNegative()) {
      throw new IllegalArgumentException("tolerance must not be negative");
    }
    if (tolerance.compareTo(MAX_TOLERANCE) > 0) {
      throw new IllegalArgumentException("tolerance must not exceed " + MAX_TOLERANCE);
    }
    return tolerance;
  }

  /** A copy with another clock and tolerance, sharing the (immutable) keys. */
  abstract BaseSignature copy(Clock clock, Duration tolerance);

  /** Whether the scheme signs a timestamp (and so checks the tolerance). */
  boolean signsTimestamp() {
    return true;
  }

  @Override
  public final Optional<Duration> tolerance() {
    return signsTimestamp() ? Optional.of(tolerance) : Optional.empty();
  }

  /** Number of configured secrets or keys, for {@code toString()}. */
  abstract int keyCount();

  @Override
  public final WebhookSignature withClock(Clock clock) {
    return copy(Objects.requireNonNull(clock, "clock"), tolerance);
  }

  @Override
  public final WebhookSignature withTolerance(Duration tolerance) {
    return copy(clock, checkTolerance(tolerance));
  }

  /** Reads a message id header leniently: absent or unusable gives empty, never an exception. */
  static Optional<String> messageIdHeader(Map<String, List<String>> headers, String name) {
    Objects.requireNonNull(headers, "headers");
    return HeaderReader.lenient(headers, name).filter(id -> id.length() <= MAX_MESSAGE_ID_LENGTH);
  }

  /** Checks a message id a caller asks to sign: non-empty printable ASCII without spaces. */
  static String checkSigningId(String messageId) {
    Objects.requireNonNull(messageId, "messageId");
    if (messageId.isEmpty() || messageId.length() > MAX_MESSAGE_ID_LENGTH) {
      throw new IllegalArgumentException(
          "a message id must be 1 to " + MAX_MESSAGE_ID_LENGTH + " characters");
    }
    for (int i = 0; i < messageId.length(); i++) {
      char c = messageId.charAt(i);
      if (c <= 0x20 || c > 0x7e) {
        throw new IllegalArgumentException(
            "a message id must be printable US-ASCII without spaces");
      }
    }
    return messageId;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static void requireBody(byte[] body) {
    Objects.requireNonNull(body, "body");
  }

  @Override
  public final String toString() {
    return "WebhookSignature[scheme="
        + scheme()
        + ", secrets="
        + keyCount()
        + ", tolerance="
        + tolerance
        + "]";
  }
}
