package dev.hookguard.runtime.subject;

import java.time.Duration;
import java.util.Objects;

/**
 * What an erasure did.
 *
 * @param erasureId the id of the erasure, as its audit entries and journal name it
 * @param keysDestroyed the subject keys this run destroyed (0 when another run, or an earlier
 *     erasure of the same person, already had)
 * @param recordsErased the records this run deleted
 * @param batches the batches it committed
 * @param duration how long it took
 */
public record ErasureReport(
    String erasureId, int keysDestroyed, long recordsErased, long batches, Duration duration) {

  /** Checks the components. */
  public ErasureReport {
    Objects.requireNonNull(erasureId, "erasureId");
    Objects.requireNonNull(duration, "duration");
  }
}
