package dev.hookguard.runtime.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link OutboxRelay} works.
 *
 * @param batchSize rows claimed and published at a time
 * @param pollInterval how long a started relay waits after finding nothing due
 * @param maxAttempts refusals by the broker after which a row becomes a dead letter ({@link
 *     Outbox#deadLettered()}) instead of being retried
 * @param initialBackoff the wait before a refused row is retried, doubled with each further
 *     refusal; also how long a started relay waits after a failed publication, doubled likewise
 * @param maxBackoff the longest such wait
 */
public record RelayOptions(
    int batchSize,
    Duration pollInterval,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff) {

  /** Checks the components. */
  public RelayOptions {
    if (batchSize <= 0 || batchSize > 10_000) {
      throw new IllegalArgumentException("batchSize must be between 1 and 10000");
    }
    if (maxAttempts <= 0) {
      throw new IllegalArgumentException("maxAttempts must be positive");
    }
    positive(pollInterval, "pollInterval");
    positive(initialBackoff, "initialBackoff");
    positive(maxBackoff, "maxBackoff");
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
    }
  }

  private static void positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  /**
   * 100 rows a batch, polled every 200 ms, dead-lettered after 10 refusals, retried after 1 s
   * doubling up to 5 min.
   */
  public static RelayOptions defaults() {
    return new RelayOptions(100, Duration.ofMillis(200), 10, Duration.ofSeconds(1),
        Duration.ofMinutes(5));
  }

  /** These options with {@code batchSize} rows a batch. */
  public RelayOptions withBatchSize(int batchSize) {
    return new RelayOptions(batchSize, pollInterval, maxAttempts, initialBackoff, maxBackoff);
  }

  /** These options polling every {@code pollInterval} when idle. */
  public RelayOptions withPollInterval(Duration pollInterval) {
    return new RelayOptions(batchSize, pollInterval, maxAttempts, initialBackoff, maxBackoff);
  }

  /** These options dead-lettering after {@code maxAttempts} refusals. */
  public RelayOptions withMaxAttempts(int maxAttempts) {
    return new RelayOptions(batchSize, pollInterval, maxAttempts, initialBackoff, maxBackoff);
  }

  /** These options backing off from {@code initial} up to {@code max}. */
  public RelayOptions withBackoff(Duration initial, Duration max) {
    return new RelayOptions(batchSize, pollInterval, maxAttempts, initial, max);
  }

  /** The wait before the retry that follows {@code refusals} refusals. */
  public Duration backoffAfter(int refusals) {
    Duration wait = initialBackoff;
    for (int i = 1; i < refusals && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
