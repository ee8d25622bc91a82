package dev.hookguard.runtime.internal.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.hookguard.runtime.crypto.KeyException;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.internal.jdbc.Dialect;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention day keys: one AES256-GCM key per UTC day of expiry, under which every randomized
 * field expiring that day is sealed. Each key is kept wrapped by the master key (bound to its day
 * by associated data) in a key store <b>separate from the record store</b>: a SQLite file of its
 * own beside the database, or a PostgreSQL table that may live in another schema or database.
 *
 * <p>Destroying a passed day's key leaves a tombstone row (day, no key): every copy of the record
 * store, replicas and backups included, then holds ciphertexts that nothing can open. A day with a
 * tombstone reads as "shredded"; a day with no row at all means the key store is not the one the
 * records were written with, which is an error ({@code DAY_KEY_MISSING}), not an expiry.
 *
 * <p>Unwrapped keys are cached per day; destruction removes them from the cache of the instance
 * that destroys, and other instances never open a field of a passed day (read-time enforcement
 * stops them first). Thread-safe.
 */
public final class RetentionKeyStore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RetentionKeyStore.class);
  public static final long DAY_MILLIS = 86_400_000L;
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
  private static final String TABLE = "hg_retention_keys";

  private final Database database;
  private final boolean ownsDatabase;
  private final String table;
  private final MasterKey masterKey;
  private final Clock clock;
  private final ConcurrentMap<Long, Aead> cache = new ConcurrentHashMap<>();
  /** Days whose key this instance saw destroyed: a tombstone never comes back to life. */
  private final Set<Long> destroyed = ConcurrentHashMap.newKeySet();
  /** The data subjects' keys, kept in the same key store. */
  private SubjectKeyStore subjectKeys;

  private RetentionKeyStore(
      Database database, boolean ownsDatabase, String table, MasterKey masterKey, Clock clock) {
    this.database = database;
    this.ownsDatabase = ownsDatabase;
    this.table = table;
    this.masterKey = masterKey;
    this.clock = clock;
  }

  /**
   * Opens the key store in {@code database}, creating its table if needed: in {@code schema} if
   * given (PostgreSQL; created if absent), else in the connection's default schema.
   *
   * @param ownsDatabase whether {@link #close()} closes {@code database}
   */
  public static RetentionKeyStore open(
      Database database, boolean ownsDatabase, String schema, MasterKey masterKey, Clock clock) {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(masterKey, "masterKey");
    Objects.requireNonNull(clock, "clock");
    if (schema != null && !IDENTIFIER.matcher(schema).matches()) {
      throw new IllegalArgumentException("not a plain SQL identifier: " + schema);
    }
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink could not register its AEAD key types", e);
    }
    String table = schema == null ? TABLE : schema + "." + TABLE;
    boolean postgres = database.dialect() == Dialect.POSTGRESQL;
    RetentionKeyStore store = new RetentionKeyStore(database, ownsDatabase, table, masterKey, clock);
    store.subjectKeys = database.inTransaction(
        "creating the retention key store",
        connection -> {
          try (Statement statement = connection.createStatement()) {
            if (postgres) {
              statement.execute(
                  "SELECT pg_advisory_xact_lock(hashtext('dev.hookguard.retention-keys:' || "
                      + (schema == null ? "current_schema()" : "'" + schema + "'")
                      + "))");
              if (schema != null) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
              }
            }
            statement.execute(
                "CREATE TABLE IF NOT EXISTS "
                    + table
                    + " (expiry_day BIGINT PRIMARY KEY,"
                    + " wrapped_key "
                    + (postgres ? "BYTEA" : "BLOB")
                    + ", created_at BIGINT NOT NULL,"
                    + " destroyed_at BIGINT)");
          }
          String prefix = schema == null ? "" : schema + ".";
          return SubjectKeyStore.create(connection, database, prefix, masterKey, clock,
              () -> store.scrubFreedSpace(prefix + SubjectKeyStore.TABLE));
        });
    return store;
  }

  /**
   * The keys of data subjects, kept in this key store beside the day keys (and so apart from the
   * record store, as they are).
   */
  public SubjectKeyStore subjectKeys() {
    return subjectKeys;
  }

  /** The UTC day (days since 1970-01-01) of the instant {@code epochMillis}. */
  public static long dayOf(long epochMillis) {
    return Math.floorDiv(epochMillis, DAY_MILLIS);
  }

  /**
   * The key for sealing fields that expire on {@code day}, created if the day has none yet.
   *
   * @throws KeyException with {@code DAY_KEY_DESTROYED} if the day's key was already destroyed (a
   *     write whose expiry another instance's clock already considers passed)
   */
  public Aead forSealing(long day) {
    Aead cached = cache.get(day);
    if (cached != null) {
      return cached;
    }
    return database.inTransaction(
        "creating the retention key of " + LocalDate.ofEpochDay(day),
        connection -> {
          Optional<byte[]> existing = read(connection, day);
          if (existing == null) {
            insertIfAbsent(connection, day);
            existing = read(connection, day);
          }
          if (existing == null || existing.isEmpty()) {
            throw new KeyException(
                KeyException.Reason.DAY_KEY_DESTROYED,
                "the retention key of " + LocalDate.ofEpochDay(day) + " is already destroyed");
          }
          return cache(day, existing.get());
        });
  }

  /**
   * The key for opening fields that expire on {@code day}, or empty if it was destroyed (the
   * fields are shredded).
   *
   * @throws KeyException with {@code DAY_KEY_MISSING} if this key store never held that day's key
   */
  public Optional<Aead> forOpening(long day) {
    Aead cached = cache.get(day);
    if (cached != null) {
      return Optional.of(cached);
    }
    if (destroyed.contains(day)) {
      return Optional.empty();
    }
    Optional<byte[]> wrapped =
        database.inTransaction(
            "reading the retention key of " + LocalDate.ofEpochDay(day),
            connection -> read(connection, day));
    if (wrapped == null) {
      throw new KeyException(
          KeyException.Reason.DAY_KEY_MISSING,
          "the retention key store "
              + database
              + " has no key of "
              + LocalDate.ofEpochDay(day)
              + " (not the key store these records were written with?)");
    }
    if (wrapped.isEmpty()) {
      destroyed.add(day);
    }
    return wrapped.map(bytes -> cache(day, bytes));
  }

  /**
   * Destroys the key of every day before {@code firstKeptDay}, leaving tombstones. On SQLite the
   * freed pages are zeroed ({@code secure_delete}) and the WAL truncated, so no page image keeps a
   * destroyed key; on PostgreSQL the table is vacuumed (best effort). Returns the days destroyed
   * now, oldest first; several instances may call this at once, each day is reported once.
   */
  public List<Long> destroyBefore(long firstKeptDay) {
    List<Long> destroyed =
        database.inTransaction(
            "destroying passed retention keys",
            connection -> {
              List<Long> days = new ArrayList<>();
              try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT expiry_day FROM "
                          + table
                          + " WHERE expiry_day < ? AND wrapped_key IS NOT NULL ORDER BY expiry_day"
                          + (database.dialect() == Dialect.POSTGRESQL
                              ? " FOR UPDATE SKIP LOCKED"
                              : ""))) {
                select.setLong(1, firstKeptDay);
                try (ResultSet rows = select.executeQuery()) {
                  while (rows.next()) {
                    days.add(rows.getLong(1));
                  }
                }
              }
              long now = clock.millis();
              for (long day : days) {
                long createdAt;
                try (PreparedStatement delete =
                    connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE expiry_day = ? RETURNING created_at")) {
                  delete.setLong(1, day);
                  try (ResultSet row = delete.executeQuery()) {
                    row.next();
                    createdAt = row.getLong(1);
                  }
                }
                try (PreparedStatement tombstone =
                    connection.prepareStatement(
                        "INSERT INTO "
                            + table
                            + " (expiry_day, wrapped_key, created_at, destroyed_at)"
                            + " VALUES (?, NULL, ?, ?)")) {
                  tombstone.setLong(1, day);
                  tombstone.setLong(2, createdAt);
                  tombstone.setLong(3, now);
                  tombstone.executeUpdate();
                }
              }
              return days;
            });
    destroyed.forEach(cache::remove);
    // Also forget cached keys of passed days that another instance destroyed.
    cache.keySet().removeIf(day -> day < firstKeptDay);
    if (!destroyed.isEmpty()) {
      scrubFreedSpace(table);
    }
    return List.copyOf(destroyed);
  }

  /** The days whose keys are live (not destroyed), oldest first. */
  public List<Long> liveDays() {
    return database.inTransaction(
        "listing retention keys",
        connection -> {
          List<Long> days = new ArrayList<>();
          try (Statement statement = connection.createStatement();
              ResultSet rows =
                  statement.executeQuery(
                      "SELECT expiry_day FROM "
                          + table
                          + " WHERE wrapped_key IS NOT NULL ORDER BY expiry_day")) {
            while (rows.next()) {
              days.add(rows.getLong(1));
            }
          }
          return days;
        });
  }

  /** Zeroes what destroyed keys left behind; on PostgreSQL by vacuuming {@code vacuumed}. */
  private void scrubFreedSpace(String vacuumed) {
    try {
      if (database.dialect() == Dialect.SQLITE) {
        if (!database.truncateWal("scrubbing the retention key store")) {
          LOG.warn(
              "a reader of the retention key store {} kept its WAL from being truncated for {}:"
                  + " page images of destroyed day keys stay in it until the next sweep",
              database,
              Database.WAL_WAIT);
        }
      } else {
        database.outsideTransaction(
            "scrubbing the retention key store",
            connection -> {
              try (Statement statement = connection.createStatement()) {
                statement.execute("VACUUM " + vacuumed);
              }
              return null;
            });
      }
    } catch (RuntimeException e) {
      // The keys are destroyed logically; the scrub is defence in depth and retried next sweep.
      LOG.warn("could not scrub freed space of the retention key store {}: {}", database, e.toString());
    }
  }

  /** Empty optional: a tombstone; {@code null}: no row. */
  private Optional<byte[]> read(Connection connection, long day) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT wrapped_key FROM " + table + " WHERE expiry_day = ?")) {
      select.setLong(1, day);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return null;
        }
        return Optional.ofNullable(row.getBytes(1));
      }
    }
  }

  private void insertIfAbsent(Connection connection, long day) throws SQLException {
    byte[] wrapped;
    try {
      KeysetHandle fresh = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      wrapped =
          TinkProtoKeysetFormat.serializeEncryptedKeyset(
              fresh, MasterKeys.aead(masterKey), associatedData(day));
    } catch (GeneralSecurityException e) {
      throw new KeyException(
          KeyException.Reason.MASTER_KEY_UNAVAILABLE,
          "cannot create and wrap the retention key of "
              + LocalDate.ofEpochDay(day)
              + " with "
              + masterKey.description(),
          e);
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO "
                + table
                + " (expiry_day, wrapped_key, created_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (expiry_day) DO NOTHING")) {
      insert.setLong(1, day);
      insert.setBytes(2, wrapped);
      insert.setLong(3, clock.millis());
      insert.executeUpdate();
    }
  }

  private Aead cache(long day, byte[] wrapped) {
    try {
      KeysetHandle keys =
          TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, MasterKeys.aead(masterKey), associatedData(day));
      Aead aead = keys.getPrimitive(RegistryConfiguration.get(), Aead.class);
      Aead raced = cache.putIfAbsent(day, aead);
      return raced != null ? raced : aead;
    } catch (GeneralSecurityException e) {
      throw new KeyException(
          KeyException.Reason.KEYSET_UNREADABLE,
          "cannot unwrap the retention key of "
              + LocalDate.ofEpochDay(day)
              + " with "
              + masterKey.description()
              + " (a different master key, or the key store was altered)",
          e);
    }
  }

  private static byte[] associatedData(long day) {
    return ("dev.hookguard.retention-day.v1:" + day).getBytes(StandardCharsets.UTF_8);
  }

  /** Closes the key store's own database (a SQLite key file); a shared database is left open. */
  @Override
  public void close() {
    cache.clear();
    if (ownsDatabase) {
      database.close();
    }
  }

  @Override
  public String toString() {
    return "RetentionKeyStore[" + table + " in " + database + "]";
  }
}
