package dev.hookguard.runtime.internal.jdbc;

/** What differs between the two supported databases. */
public enum Dialect {
  /** SQLite through the xerial driver, one file in WAL mode. */
  SQLITE("BLOB", "INTEGER", ""),
  /** PostgreSQL through a {@code DataSource}. */
  POSTGRESQL("BYTEA", "BIGINT", " FOR SHARE");

  private final String bytesType;
  private final String longType;
  private final String forShare;

  Dialect(String bytesType, String longType, String forShare) {
    this.bytesType = bytesType;
    this.longType = longType;
    this.forShare = forShare;
  }

  /** The column type for byte strings. */
  public String bytes() {
    return bytesType;
  }

  /** A 64-bit primary key column numbered by the database in insertion order. */
  public String autoIncrementKey() {
    return this == POSTGRESQL
        ? "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        : "INTEGER PRIMARY KEY AUTOINCREMENT";
  }

  /** The column type for 64-bit integers. */
  public String int64() {
    return longType;
  }

  /**
   * Suffix of a SELECT that must keep the row from changing until commit. SQLite needs none: its
   * write transactions are serialized as a whole ({@code BEGIN IMMEDIATE}).
   */
  public String forShare() {
    return forShare;
  }

  /** Suffix of a SELECT that takes the row for writing, see {@link #forShare()}. */
  public String forUpdate() {
    return this == POSTGRESQL ? " FOR UPDATE" : "";
  }

  /** Suffix of a batch SELECT that several workers share (PostgreSQL skips rows others hold). */
  public String forUpdateSkipLocked() {
    return this == POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
  }
}
