package dev.hookguard.runtime.receiver;

import java.time.Duration;
import java.util.Objects;

/**
 * The shape of one token bucket: it holds at most {@code capacity} tokens (the largest burst),
 * starts full, and regains {@code permits} tokens every {@code period}, continuously (one token
 * every {@code period / permits}). Each request takes one token; a request that finds less than
 * one is refused.
 *
 * <pre>{@code
 * RateLimit.of(600, Duration.ofMinutes(1))       // 10 per second on average, bursts of 600
 * RateLimit.of(600, Duration.ofMinutes(1), 50)   // the same rate, bursts of at most 50
 * }</pre>
 *
 * @param permits how many tokens are regained per period
 * @param period the period over which {@code permits} tokens are regained
 * @param capacity the most tokens the bucket holds
 */
public record RateLimit(long permits, Duration period, long capacity) {

  /** Checks that every value is positive. */
  public RateLimit {
    Objects.requireNonNull(period, "period");
    if (permits <= 0) {
      throw new IllegalArgumentException("permits must be positive, not " + permits);
    }
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("the period must be positive, not " + period);
    }
    if (capacity <= 0) {
      throw new IllegalArgumentException("the capacity must be positive, not " + capacity);
    }
  }

  /** {@code permits} per {@code period}, with bursts of up to {@code permits}. */
  public static RateLimit of(long permits, Duration period) {
    return new RateLimit(permits, period, permits);
  }

  /** {@code permits} per {@code period}, with bursts of up to {@code capacity}. */
  public static RateLimit of(long permits, Duration period, long capacity) {
    return new RateLimit(permits, period, capacity);
  }

  /** The time it takes to regain one token, in nanoseconds (at least one). */
  long nanosPerToken() {
    long nanos = period.toNanos() / permits;
    return Math.max(1, nanos);
  }
}
