package dev.hookguard.runtime.crypto;

/**
 * Rotation of the data keys of one store, from {@code HookGuard.keys()}.
 *
 * <p>The life of a key: {@link #rotate()} adds a new primary key to every data keyset (records
 * are written under it from then on, older keys still decrypt); {@link #reencrypt} moves every
 * record written under older keys to the primary, in batches, resumably; {@link
 * #destroyRetiredKeys()} then removes the older keys from the stored keysets, and refuses while
 * any record still depends on them. Several instances sharing a PostgreSQL database may call
 * these concurrently.
 */
public interface KeyManager {

  /** The current key generation: 1 for a new store, one more after each {@link #rotate()}. */
  int generation();

  /**
   * Adds a new primary key to every data keyset and returns the new generation. Records written
   * from now on use it; records under older keys stay readable.
   */
  int rotate();

  /**
   * Moves every record sealed under an older generation to the current primary keys: decrypts
   * and verifies, re-seals, recomputes lookup tokens and MAC, one transaction per batch. A run
   * that stops (crash, exception from the listener) leaves every record whole, and the next run
   * continues where it stopped.
   *
   * @throws dev.hookguard.runtime.store.TamperedRecordException if a record fails verification;
   *     the batches before it are kept
   */
  ReencryptionReport reencrypt(ReencryptionProgress.Listener listener);

  /** {@link #reencrypt(ReencryptionProgress.Listener)} without progress reports. */
  default ReencryptionReport reencrypt() {
    return reencrypt(progress -> {});
  }

  /**
   * Removes every non-primary key from the stored data keysets. Afterwards only records of the
   * current generation are readable, which is why this refuses while any record is on an older
   * one.
   *
   * @return the number of keys destroyed (over all keysets)
   * @throws KeyException with {@code REENCRYPTION_INCOMPLETE} if records still need older keys
   */
  int destroyRetiredKeys();
}
