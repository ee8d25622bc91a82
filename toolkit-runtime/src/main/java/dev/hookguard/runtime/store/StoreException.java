package dev.hookguard.runtime.store;

import java.util.Objects;

/**
 * Storage failed. {@link #reason()} says how, as a stable value; the message names payload types,
 * record ids and field paths, never a field value, and a cause (a {@code SQLException}) is
 * attached only when it cannot hold one.
 */
public class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a storage operation failed. Names are stable. */
  public enum Reason {
    /** The database could not be reached or refused a statement. */
    DATABASE_ERROR,
    /** The database schema was migrated by a newer HookGuard than this one. */
    SCHEMA_TOO_NEW,
    /** A record with that id already exists and overwriting was not asked for. */
    DUPLICATE_RECORD,
    /** A record failed its integrity checks (MAC or authenticated decryption). */
    TAMPERED_RECORD,
    /** The accessor lacks a category of the fields asked for. */
    ACCESS_DENIED,
    /** The call does not fit the table's schema (unknown path, malformed JSON, wrong protection). */
    INVALID_REQUEST
  }

  private final Reason reason;

  /** Creates an exception for {@code reason}; {@code detail} must never contain a value. */
  public StoreException(Reason reason, String detail) {
    this(reason, detail, null);
  }

  /** Creates an exception for {@code reason} with a cause that holds no value. */
  public StoreException(Reason reason, String detail, Throwable cause) {
    super(Objects.requireNonNull(reason, "reason") + ": " + detail, cause);
    this.reason = reason;
  }

  /** Why the operation failed. */
  public Reason reason() {
    return reason;
  }
}
