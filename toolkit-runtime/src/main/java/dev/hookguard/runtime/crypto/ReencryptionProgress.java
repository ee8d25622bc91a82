package dev.hookguard.runtime.crypto;

/**
 * Where a re-encryption stands, reported after every batch.
 *
 * @param done records moved to the target generation by this run so far
 * @param total records that were on older generations when this run started
 * @param targetGeneration the key generation records are being moved to
 */
public record ReencryptionProgress(long done, long total, int targetGeneration) {

  /** Progress listener: called after each committed batch, on the re-encrypting thread. */
  @FunctionalInterface
  public interface Listener {
    /** Receives the progress after a batch. An exception stops the run after that batch. */
    void onProgress(ReencryptionProgress progress);
  }
}
