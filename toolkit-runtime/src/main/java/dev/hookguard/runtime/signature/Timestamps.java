package dev.hookguard.runtime.signature;

import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Parsing and freshness checks of Unix-seconds timestamps taken from headers. */
final class Timestamps {

  /** Twelve digits reach the year 33658; anything longer is not a timestamp a sender means. */
  private static final int MAX_DIGITS = 12;

  private Timestamps() {}

  /**
   * Parses a plain, unsigned decimal number of seconds since the epoch: no sign, no fraction, no
   * spaces, no leading zero, at most twelve digits.
   */
  static long parseSeconds(String text, String what) throws WebhookVerificationException {
    if (text.isEmpty() || text.length() > MAX_DIGITS) {
      throw new WebhookVerificationException(
          Reason.TIMESTAMP_MALFORMED,
          what + " must be 1 to " + MAX_DIGITS + " decimal digits of seconds since the epoch");
    }
    if (text.length() > 1 && text.charAt(0) == '0') {
      // A leading zero would let two header values stand for one signed number.
      throw new WebhookVerificationException(
          Reason.TIMESTAMP_MALFORMED, what + " must not have leading zeros");
    }
    long seconds = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new WebhookVerificationException(
            Reason.TIMESTAMP_MALFORMED,
            what + " must be a non-negative whole number of seconds since the epoch");
      }
      seconds = seconds * 10 + (c - '0');
    }
    return seconds;
  }

  /**
   * Checks that {@code epochSeconds} is within {@code tolerance} of {@code clock}'s current
   * instant; exactly at the limit is accepted.
   */
  static void checkFresh(long epochSeconds, Clock clock, Duration tolerance)
      throws WebhookVerificationException {
    Instant signedAt = Instant.ofEpochSecond(epochSeconds);
    Instant now = clock.instant();
    if (signedAt.plus(tolerance).isBefore(now)) {
      throw new WebhookVerificationException(
          Reason.TIMESTAMP_TOO_OLD, "the signed timestamp is older than the tolerance of " + tolerance);
    }
    if (signedAt.minus(tolerance).isAfter(now)) {
      throw new WebhookVerificationException(
          Reason.TIMESTAMP_TOO_NEW,
          "the signed timestamp is further in the future than the tolerance of " + tolerance);
    }
  }

  static long toSigningSeconds(Instant timestamp) {
    if (timestamp.getEpochSecond() < 0) {
      throw new IllegalArgumentException("a signing timestamp must not be before the epoch");
    }
    return timestamp.getEpochSecond();
  }
}
