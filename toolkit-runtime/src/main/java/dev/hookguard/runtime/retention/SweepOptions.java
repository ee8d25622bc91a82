package dev.hookguard.runtime.retention;

import java.util.Objects;

/**
 * How a {@link Retention#sweep(SweepOptions)} runs.
 *
 * @param batchSize records per transaction (bounds lock time and transaction size)
 * @param listener told after each batch; {@link SweepProgress.Listener#NONE} by default
 */
public record SweepOptions(int batchSize, SweepProgress.Listener listener) {

  /** Records per transaction unless told otherwise. */
  public static final int DEFAULT_BATCH_SIZE = 500;

  /** Checks the components. */
  public SweepOptions {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be positive");
    }
    Objects.requireNonNull(listener, "listener");
  }

  /** {@value #DEFAULT_BATCH_SIZE} records per batch, no listener. */
  public static SweepOptions defaults() {
    return new SweepOptions(DEFAULT_BATCH_SIZE, SweepProgress.Listener.NONE);
  }

  /** These options with {@code batchSize} records per batch. */
  public SweepOptions withBatchSize(int batchSize) {
    return new SweepOptions(batchSize, listener);
  }

  /** These options reporting to {@code listener}. */
  public SweepOptions withListener(SweepProgress.Listener listener) {
    return new SweepOptions(batchSize, listener);
  }
}
