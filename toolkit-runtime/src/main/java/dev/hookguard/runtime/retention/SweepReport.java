package dev.hookguard.runtime.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one {@link Retention#sweep()} did. With several sweepers at once, each reports only what it
 * did itself; the sums over all of them count each key and row once.
 *
 * @param sweepId the id under which the sweep is journalled ({@code hg_retention_sweeps})
 * @param cutoff the instant (from the clock) before which everything expired was removed
 * @param dayKeysDestroyed retention day keys destroyed
 * @param recordsDeleted whole records deleted
 * @param fieldsDeleted fields deleted from records that live on
 * @param batches transactions committed
 * @param duration how long it took (wall time)
 */
public record SweepReport(
    String sweepId,
    Instant cutoff,
    int dayKeysDestroyed,
    long recordsDeleted,
    long fieldsDeleted,
    long batches,
    Duration duration) {

  /** Checks the components. */
  public SweepReport {
    Objects.requireNonNull(sweepId, "sweepId");
    Objects.requireNonNull(cutoff, "cutoff");
    Objects.requireNonNull(duration, "duration");
  }
}
