package dev.hookguard.runtime.crypto.internal;

import dev.hookguard.runtime.crypto.KeyException;
import dev.hookguard.runtime.crypto.KeyManager;
import dev.hookguard.runtime.crypto.ReencryptionProgress;
import dev.hookguard.runtime.crypto.ReencryptionReport;
import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.internal.jdbc.Dialect;
import dev.hookguard.runtime.internal.keys.DataKeys;
import dev.hookguard.runtime.internal.keys.KeyRing;
import dev.hookguard.runtime.internal.keys.RetentionKeyStore;
import dev.hookguard.runtime.internal.keys.SubjectKeyStore;
import dev.hookguard.runtime.internal.records.RecordCodec;
import dev.hookguard.runtime.internal.records.RecordCodec.PlainField;
import dev.hookguard.runtime.internal.records.RecordCodec.SealedField;
import dev.hookguard.runtime.internal.records.RecordCodec.SealedRecord;
import dev.hookguard.runtime.internal.records.RecordRows;
import dev.hookguard.runtime.store.TamperedRecordException;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link KeyManager} on the shared JDBC schema. Re-encryption needs no payload schema: every
 * field row says how it is protected, and the record MAC vouches for that.
 */
public final class JdbcKeyManager implements KeyManager {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcKeyManager.class);

  /** Records per re-encryption transaction. */
  static final int DEFAULT_BATCH_SIZE = 100;

  private final Database database;
  private final KeyRing keys;
  private final RetentionKeyStore dayKeys;
  private final int batchSize;
  private final Clock clock;

  /**
   * A key manager for the keyring {@code keys} of {@code database}; fields sealed under retention
   * day keys of {@code dayKeys} are re-sealed under the same day key (fresh nonce), or kept as
   * they are if that day key is destroyed. A field past its expiry at {@code clock}'s time is
   * never opened.
   */
  public JdbcKeyManager(Database database, KeyRing keys, RetentionKeyStore dayKeys, Clock clock) {
    this(database, keys, dayKeys, clock, DEFAULT_BATCH_SIZE);
  }

  /** A key manager that re-encrypts {@code batchSize} records per transaction. */
  public JdbcKeyManager(
      Database database, KeyRing keys, RetentionKeyStore dayKeys, Clock clock, int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be positive");
    }
    this.database = Objects.requireNonNull(database, "database");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.dayKeys = Objects.requireNonNull(dayKeys, "dayKeys");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.batchSize = batchSize;
  }

  @Override
  public int generation() {
    return database.inTransaction("reading the key generation", keys::forRead).generation();
  }

  /**
   * Runs a transaction that rotates or destroys keys; if it fails, the keys it cached are
   * forgotten ({@link KeyRing#forgetUncommitted}), committed or not.
   */
  private <T> T changingKeys(java.util.function.Supplier<T> transaction) {
    try {
      return transaction.get();
    } catch (RuntimeException | Error e) {
      keys.forgetUncommitted();
      throw e;
    }
  }

  @Override
  public int rotate() {
    int generation = changingKeys(() ->
        database.inTransaction(
            "rotating the data keys",
            connection -> keys.rotate(connection, keys.forChange(connection)).generation()));
    LOG.info("data keys rotated to generation {}", generation);
    return generation;
  }

  @Override
  public ReencryptionReport reencrypt(ReencryptionProgress.Listener listener) {
    Objects.requireNonNull(listener, "listener");
    int target = generation();
    long total = countBelow(target);
    prefetchDayKeys(target);
    long done = 0;
    while (true) {
      int moved =
          database.inTransaction(
              "re-encrypting a batch of records", connection -> reencryptBatch(connection, target));
      if (moved == 0) {
        break;
      }
      done += moved;
      listener.onProgress(new ReencryptionProgress(done, Math.max(total, done), target));
    }
    long remaining = countBelow(target);
    LOG.info(
        "re-encryption to generation {}: {} records moved, {} remaining", target, done, remaining);
    return new ReencryptionReport(done, remaining, target);
  }

  /**
   * Fetches, before any batch transaction, the retention day keys the batches will open or seal
   * with. On PostgreSQL the day keys share the record store's pool by default, and fetching one
   * inside a batch would hold one connection while waiting for a second: with a busy pool, a
   * deadlock. Fetched once, they are cached (and destroyed days remembered) for the whole run.
   */
  private void prefetchDayKeys(int target) {
    List<long[]> days = database.inTransaction(
        "finding the retention days of records to re-encrypt",
        connection -> {
          List<long[]> found = new ArrayList<>();
          try (PreparedStatement select = connection.prepareStatement(
              "SELECT DISTINCT f.protection, f.expires_at / " + RetentionKeyStore.DAY_MILLIS
                  + " FROM hg_fields f JOIN hg_records r"
                  + " ON r.payload_type = f.payload_type AND r.record_id = f.record_id"
                  + " WHERE r.key_generation < ? AND f.expires_at IS NOT NULL"
                  + " AND f.protection IN (" + RecordCodec.RANDOMIZED + ", "
                  + RecordCodec.DAY_KEYED + ", "
                  + (RecordCodec.RANDOMIZED | RecordCodec.SUBJECT_SEALED) + ", "
                  + (RecordCodec.DAY_KEYED | RecordCodec.SUBJECT_SEALED) + ")")) {
            select.setInt(1, target);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                found.add(new long[] {RecordCodec.baseCode(rows.getInt(1)), rows.getLong(2)});
              }
            }
          }
          // Packed fields expire with their record; a randomized one is sealed under the day
          // key of that expiry (opened, and sealed again, with it).
          try (PreparedStatement select = connection.prepareStatement(
              "SELECT DISTINCT expires_at / " + RetentionKeyStore.DAY_MILLIS
                  + " FROM hg_records WHERE key_generation < ? AND expires_at IS NOT NULL"
                  + " AND packed IS NOT NULL")) {
            select.setInt(1, target);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                found.add(new long[] {RecordCodec.DAY_KEYED, rows.getLong(1)});
              }
            }
          }
          return found;
        });
    for (long[] day : days) {
      try {
        if (day[0] == RecordCodec.DAY_KEYED) {
          dayKeys.forOpening(day[1]);
        } else {
          dayKeys.forSealing(day[1]);
        }
      } catch (KeyException e) {
        // A missing or destroyed day: the batch meets it again and handles it as it must.
      }
    }
  }

  /**
   * Moves one batch of records below {@code target} to the current primary keys. On PostgreSQL the
   * batch's rows are locked and skipped by concurrent runs; on SQLite the transaction is
   * exclusive. Returns the number of records moved.
   */
  private int reencryptBatch(Connection connection, int target) throws SQLException {
    DataKeys current = keys.forWrite(connection);
    if (current.generation() < target) {
      throw new KeyException(
          KeyException.Reason.CONCURRENT_KEY_CHANGE, "the key generation went backwards");
    }
    List<String[]> batch = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT payload_type, record_id FROM hg_records WHERE key_generation < ?"
                + " ORDER BY payload_type, record_id LIMIT ?"
                + database.dialect().forUpdateSkipLocked())) {
      select.setInt(1, current.generation());
      select.setInt(2, batchSize);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          batch.add(new String[] {rows.getString(1), rows.getString(2)});
        }
      }
    }
    int moved = 0;
    long now = clock.millis();
    // Subject keys not cached are read on this connection where they share its database.
    RecordCodec.SubjectKeys subjectKeys =
        dayKeys.subjectKeys().openingOn(connection, database)::apply;
    for (String[] key : batch) {
      var sealed = RecordRows.read(connection, key[0], key[1]);
      if (sealed.isEmpty()) {
        continue;
      }
      if (RecordRows.rewrite(connection, reseal(current, sealed.get(), now, subjectKeys))) {
        moved++;
      }
    }
    return moved;
  }

  /**
   * Re-seals every field of {@code old} under the current keys. A field past its expiry at {@code
   * now}, or sealed under a destroyed retention day key, is never opened: one sealed under its
   * day key is kept as it is (it depends on no data key, and the sweep shreds it with its day);
   * any other is dropped, as the sweep would drop it. So a re-encryption neither reads an expired
   * value nor, through a day key still cached after another instance destroyed it, seals one
   * again. A record's field group (its packed fields, sealed for its data subjects together) is
   * kept as it is once expired (an expiring group holds plain and day-keyed fields only) or when a
   * subject was erased (it opens nowhere); otherwise its members under the data keys are sealed
   * again, inside it.
   */
  private SealedRecord reseal(
      DataKeys current, SealedRecord old, long now, RecordCodec.SubjectKeys subjectKeys) {
    RecordCodec.verify(current, old);
    List<SealedField> fields = new ArrayList<>();
    for (SealedField field : old.fields()) {
      Long expiry = RecordCodec.effectiveExpiry(field.expiresAt(), old.expiresAt());
      if (RecordCodec.isGroup(field)) {
        try {
          fields.add(expiry != null && now >= expiry
              ? field
              : RecordCodec.resealGroup(current, subjectKeys, old, field)
                  .orElse(field));
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("the data keys cannot seal a record", e);
        }
        continue;
      }
      if (expiry != null && now >= expiry) {
        if (RecordCodec.baseCode(field.protection()) == RecordCodec.DAY_KEYED) {
          fields.add(field);
        }
        continue;
      }
      Optional<String> json = RecordCodec.openField(current, dayKeys, subjectKeys, old, field);
      if (json.isEmpty()) {
        fields.add(field);
        continue;
      }
      PlainField plain = new PlainField(field.path(), protection(old, field), json.get(),
          field.expiresAt(), subjectKeys(old, field, subjectKeys));
      try {
        fields.add(RecordCodec.sealField(current, dayKeys, old.payloadType(), old.id(), plain));
      } catch (KeyException e) {
        if (e.reason() != KeyException.Reason.DAY_KEY_DESTROYED || expiry == null) {
          throw e;
        }
        // Expired on a day whose key is gone: nothing may seal it again.
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the data keys cannot seal a record", e);
      }
    }
    try {
      return RecordCodec.signed(
          current,
          old.payloadType(),
          old.id(),
          old.receivedAt(),
          old.expiresAt(),
          current.generation(),
          fields);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the data keys cannot sign a record", e);
    }
  }

  /**
   * The keys of the data subjects {@code field} is sealed for, to seal it for them again; opened
   * just before, so none is destroyed (or the field would not have opened).
   */
  private static List<SubjectKeyStore.SealingKey> subjectKeys(
      SealedRecord record, SealedField field, RecordCodec.SubjectKeys opening) {
    if ((field.protection() & RecordCodec.SUBJECT_SEALED) == 0) {
      return List.of();
    }
    List<SubjectKeyStore.SealingKey> keys = new ArrayList<>();
    for (byte[] id : RecordCodec.subjectKeyIds(record, field)) {
      com.google.crypto.tink.Aead aead = opening.forOpening(id)
          .orElseThrow(() -> new KeyException(KeyException.Reason.CONCURRENT_KEY_CHANGE,
              "a data subject was erased while its record was being re-encrypted"));
      keys.add(new SubjectKeyStore.SealingKey(id, aead));
    }
    return keys;
  }

  private static dev.hookguard.runtime.generated.Protection protection(
      SealedRecord record, SealedField field) {
    if (RecordCodec.baseCode(field.protection()) == RecordCodec.DAY_KEYED) {
      return dev.hookguard.runtime.generated.Protection.RANDOMIZED;
    }
    for (var protection : dev.hookguard.runtime.generated.Protection.values()) {
      if (RecordCodec.code(protection) == RecordCodec.baseCode(field.protection())) {
        return protection;
      }
    }
    throw new TamperedRecordException(
        record.payloadType(), record.id(), "field " + field.path() + " has unknown protection");
  }

  @Override
  public int destroyRetiredKeys() {
    int destroyed = changingKeys(() ->
        database.inTransaction(
            "destroying retired data keys",
            connection -> {
              DataKeys current = keys.forChange(connection);
              long behind = countBelow(connection, current.generation());
              if (behind > 0) {
                throw new KeyException(
                    KeyException.Reason.REENCRYPTION_INCOMPLETE,
                    behind
                        + " records still depend on keys older than generation "
                        + current.generation()
                        + "; run reencrypt() first");
              }
              return keys.destroyRetired(connection, current);
            }));
    if (database.dialect() == Dialect.SQLITE && destroyed > 0) {
      // secure_delete zeroes the freed pages; a truncating checkpoint removes the old page
      // images (with the old wrapped keysets) from the WAL file too.
      if (!database.truncateWal("checkpointing the WAL")) {
        LOG.warn(
            "a reader of {} kept the WAL from being truncated for {}: page images of the destroyed"
                + " keysets stay in it until a later checkpoint",
            database,
            Database.WAL_WAIT);
      }
    }
    LOG.info("{} retired data keys destroyed", destroyed);
    return destroyed;
  }

  private long countBelow(int generation) {
    return database.inTransaction(
        "counting records to re-encrypt", connection -> countBelow(connection, generation));
  }

  private static long countBelow(Connection connection, int generation) throws SQLException {
    try (PreparedStatement count =
        connection.prepareStatement("SELECT COUNT(*) FROM hg_records WHERE key_generation < ?")) {
      count.setInt(1, generation);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  @Override
  public String toString() {
    return "KeyManager[" + keys + "]";
  }
}
