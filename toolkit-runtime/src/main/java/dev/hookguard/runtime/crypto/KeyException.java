package dev.hookguard.runtime.crypto;

import java.util.Objects;

/**
 * A key could not be obtained, used or changed. {@link #reason()} says why, as a stable value;
 * the message names sources (an environment variable's name, a file path, a KMS key URI) and
 * never contains key material.
 */
public final class KeyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a key operation failed. Names are stable. */
  public enum Reason {
    /** The master key source is absent (unset variable, unreachable KMS, unreadable file). */
    MASTER_KEY_UNAVAILABLE,
    /** The master key source holds something that is not a 256-bit key. */
    MASTER_KEY_INVALID,
    /** A development key file is readable or writable by others than its owner. */
    INSECURE_KEY_FILE,
    /**
     * The stored data keysets cannot be unwrapped: a different master key, or they were altered.
     */
    KEYSET_UNREADABLE,
    /** Old keys were to be destroyed while records still depend on them. */
    REENCRYPTION_INCOMPLETE,
    /** Another instance changed the keys at the same moment; retry. */
    CONCURRENT_KEY_CHANGE,
    /**
     * A retention day key was needed for sealing but is already destroyed: the value would expire
     * on a day that has passed by the clock of whoever destroyed it.
     */
    DAY_KEY_DESTROYED,
    /**
     * The retention key store holds no key, not even a tombstone, for a day that records depend
     * on: it is not the key store these records were written with.
     */
    DAY_KEY_MISSING,
    /**
     * The key store holds no key, not even a tombstone, under the id a record's field names for
     * the data subject it is about: it is not the key store these records were written with.
     */
    SUBJECT_KEY_MISSING
  }

  private final Reason reason;

  /** Creates an exception for {@code reason}; {@code detail} must hold no key material. */
  public KeyException(Reason reason, String detail) {
    this(reason, detail, null);
  }

  /** Creates an exception for {@code reason} with a cause that holds no key material. */
  public KeyException(Reason reason, String detail, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason") + ": " + detail, cause);
    this.reason = reason;
  }

  /** Why the operation failed. */
  public Reason reason() {
    return reason;
  }
}
