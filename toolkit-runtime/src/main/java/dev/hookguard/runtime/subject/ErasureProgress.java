package dev.hookguard.runtime.subject;

import java.util.Objects;

/**
 * Where a running erasure is, after its keys were destroyed and after each batch of records.
 *
 * @param erasureId the erasure's id
 * @param keysDestroyed subject keys destroyed by this run
 * @param recordsErased records deleted so far by this run
 * @param batches batches committed so far
 */
public record ErasureProgress(
    String erasureId, int keysDestroyed, long recordsErased, long batches) {

  /** Checks the components. */
  public ErasureProgress {
    Objects.requireNonNull(erasureId, "erasureId");
  }

  /** Told of progress on the erasing thread. */
  @FunctionalInterface
  public interface Listener {

    /** A listener that does nothing. */
    Listener NONE = progress -> {};

    /**
     * Called once the keys are destroyed and after each batch commits. Throwing stops the
     * erasure: what is done stays done, and {@link Subjects#resumeErasures()} (or another {@code
     * erase} of the same person) finishes it.
     */
    void onProgress(ErasureProgress progress);
  }
}
