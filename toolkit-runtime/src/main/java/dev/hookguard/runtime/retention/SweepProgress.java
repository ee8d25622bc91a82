package dev.hookguard.runtime.retention;

import java.util.Objects;

/**
 * Where a running sweep is, after a batch has committed.
 *
 * @param phase what it is doing
 * @param dayKeysDestroyed day keys destroyed so far by this sweep
 * @param recordsDeleted records deleted so far by this sweep
 * @param fieldsDeleted fields deleted so far (from records that live on)
 * @param batches batches committed so far
 */
public record SweepProgress(
    Phase phase, int dayKeysDestroyed, long recordsDeleted, long fieldsDeleted, long batches) {

  /** The steps of a sweep, in order. */
  public enum Phase {
    /** Passed day keys destroyed. */
    DAY_KEYS,
    /** Expired records being deleted. */
    RECORDS,
    /** Expired fields of live records being deleted. */
    FIELDS
  }

  /** Checks the components. */
  public SweepProgress {
    Objects.requireNonNull(phase, "phase");
  }

  /** Told of progress after each committed batch, on the sweeping thread. */
  @FunctionalInterface
  public interface Listener {

    /** A listener that does nothing. */
    Listener NONE = progress -> {};

    /**
     * Called after a batch commits. Throwing stops the sweep (the batches so far are kept; the
     * next sweep continues).
     */
    void onProgress(SweepProgress progress);
  }
}
