package dev.hookguard.runtime.signature;

import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link ReplayGuard} bounded in memory: ids are kept as fixed-size digests, in arrival order,
 * each until its window ends; expired ones are dropped as new ones arrive, and a hard cap on
 * live entries refuses new ids (fails closed) rather than forget live ones.
 */
final class InMemoryReplayGuard implements ReplayGuard {

  private final Duration window;
  private final int maxEntries;
  private final Clock clock;
  /** Digest of the id to the instant it may be seen again; insertion order is expiry order. */
  private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

  InMemoryReplayGuard(Duration window, int maxEntries, Clock clock) {
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the replay window must be positive");
    }
    if (maxEntries <= 0) {
      throw new IllegalArgumentException("maxEntries must be positive");
    }
    this.window = window;
    this.maxEntries = maxEntries;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void checkAndRecord(String messageId) throws WebhookVerificationException {
    Objects.requireNonNull(messageId, "messageId");
    String key = digest(messageId);
    Instant now = clock.instant();
    synchronized (seen) {
      expire(now);
      Instant until = seen.get(key);
      if (until != null && now.isBefore(until)) {
        throw new WebhookVerificationException(
            Reason.REPLAYED, "the message id was already accepted within the last " + window);
      }
      if (seen.size() >= maxEntries) {
        throw new WebhookVerificationException(
            Reason.REPLAY_GUARD_FULL,
            "the replay guard holds " + maxEntries + " unexpired ids and cannot record another");
      }
      seen.remove(key);
      seen.put(key, now.plus(window));
    }
  }

  @Override
  public void forget(String messageId) {
    Objects.requireNonNull(messageId, "messageId");
    String key = digest(messageId);
    synchronized (seen) {
      seen.remove(key);
    }
  }

  /**
   * Drops entries whose window has ended. Entries are in insertion order; a clock that steps
   * back can leave a later entry ahead of an earlier one, which only delays its removal.
   */
  private void expire(Instant now) {
    Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator();
    while (it.hasNext()) {
      if (now.isBefore(it.next().getValue())) {
        return;
      }
      it.remove();
    }
  }

  /** Number of unexpired ids held, for tests. */
  int size() {
    synchronized (seen) {
      expire(clock.instant());
      return seen.size();
    }
  }

  /**
   * Fixed-size keys, the SHA-256 of the id's UTF-8 bytes: memory per entry does not depend on
   * what a sender puts in an id.
   */
  private static String digest(String messageId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  @Override
  public java.util.Optional<Duration> window() {
    return java.util.Optional.of(window);
  }

  @Override
  public String toString() {
    return "InMemoryReplayGuard[window=" + window + ", maxEntries=" + maxEntries + "]";
  }
}
