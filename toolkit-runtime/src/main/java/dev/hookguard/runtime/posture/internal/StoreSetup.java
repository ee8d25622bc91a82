package dev.hookguard.runtime.posture.internal;

import dev.hookguard.runtime.audit.AuditTrail;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.internal.jdbc.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What the composition root tells the audit about its store: the database, where its files are
 * (SQLite), the master key's source, the clock and the audit trail.
 *
 * @param database the record store
 * @param sqliteFile the SQLite database file; empty with PostgreSQL
 * @param retentionKeyFile the SQLite file of the retention day keys; empty with PostgreSQL
 * @param masterKey the master key (only its {@linkplain MasterKey#description() source} is read)
 * @param clock the store's clock
 * @param audit the store's audit trail
 * @param keyStore where the key store (retention day keys, data subjects' keys) lives, as the
 *     builder was told
 */
public record StoreSetup(
    Database database,
    Optional<Path> sqliteFile,
    Optional<Path> retentionKeyFile,
    MasterKey masterKey,
    Clock clock,
    AuditTrail audit,
    KeyStorePlace keyStore) {

  /** Where the key store lives, relative to the record store. */
  public enum KeyStorePlace {
    /** A SQLite file of its own. */
    SQLITE_FILE,
    /** PostgreSQL: the record store's own schema, so every dump of the records takes it along. */
    RECORD_SCHEMA,
    /** PostgreSQL: another schema reached through the record store's own pool. */
    OTHER_SCHEMA_SAME_POOL,
    /** PostgreSQL: reached through a pool of its own (another database, or server). */
    OWN_POOL
  }

  /** Checks that every component is present. */
  public StoreSetup {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(sqliteFile, "sqliteFile");
    Objects.requireNonNull(retentionKeyFile, "retentionKeyFile");
    Objects.requireNonNull(masterKey, "masterKey");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(keyStore, "keyStore");
  }
}
