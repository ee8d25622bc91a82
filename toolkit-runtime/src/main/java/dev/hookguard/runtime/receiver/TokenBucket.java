package dev.hookguard.runtime.receiver;

/**
 * A token bucket measured in nanoseconds of refill time rather than fractional tokens, so no
 * rounding accumulates: the bucket is full when {@code debtNanos} is zero and empty when it equals
 * {@code capacity * nanosPerToken}. Not thread-safe; {@link RateLimiter} guards it.
 */
final class TokenBucket {

  private final long nanosPerToken;
  private final long fullNanos;
  /** How much refill time the bucket is short of full, as of {@link #updatedAt}. */
  private long debtNanos;
  private long updatedAt;

  TokenBucket(RateLimit limit, long now) {
    this.nanosPerToken = limit.nanosPerToken();
    this.fullNanos = saturatedMultiply(limit.capacity(), nanosPerToken);
    this.updatedAt = now;
  }

  /** Refills up to {@code now}; a clock that steps back refills nothing. */
  void refill(long now) {
    if (now > updatedAt) {
      long elapsed = now - updatedAt;
      debtNanos = elapsed >= debtNanos ? 0 : debtNanos - elapsed;
      updatedAt = now;
    }
  }

  /** Whether a whole token is available (after {@link #refill}). */
  boolean hasToken() {
    return fullNanos - debtNanos >= nanosPerToken;
  }

  /** Takes one token; call only when {@link #hasToken()}. */
  void take() {
    debtNanos += nanosPerToken;
  }

  /** Nanoseconds until a whole token is available; zero if one is. */
  long nanosUntilToken() {
    return Math.max(0, nanosPerToken - (fullNanos - debtNanos));
  }

  private static long saturatedMultiply(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return (hi == 0 && lo >= 0) ? lo : Long.MAX_VALUE;
  }
}
