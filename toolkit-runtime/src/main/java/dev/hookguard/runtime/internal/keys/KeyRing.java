package dev.hookguard.runtime.internal.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
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
import java.time.Clock;

/**
 * The data keyring of a store: four Tink keysets (AEAD, deterministic AEAD, MAC, PRF), kept in
 * one row of {@code hg_keyring}, each wrapped by the master key with its purpose as associated
 * data (a wrapped keyset cannot be passed off as another). The row's generation counts rotations;
 * its revision counts every change (rotations and destructions).
 *
 * <p>The unwrapped keys are cached as one {@link DataKeys}. Every operation first reads the
 * row's generation (writers with {@code FOR SHARE} on PostgreSQL, so a rotation or destruction
 * waits for them and they for it) and reloads the keys only when it changed: one small query, no
 * unwrapping and no KMS call per record.
 */
public final class KeyRing {

  private static final String ROW = "data";

  private final Database database;
  private final MasterKey masterKey;
  private final Clock clock;
  private volatile DataKeys current;

  private KeyRing(Database database, MasterKey masterKey, Clock clock) {
    this.database = database;
    this.masterKey = masterKey;
    this.clock = clock;
  }

  /**
   * Opens the keyring of {@code database}, creating generation 1 if there is none. Two instances
   * creating it at once agree on one: the second insert is ignored and both read the winner.
   */
  public static KeyRing open(Database database, MasterKey masterKey, Clock clock) {
    registerTink();
    KeyRing ring = new KeyRing(database, masterKey, clock);
    ring.current =
        database.inTransaction(
            "opening the data keyring",
            connection -> {
              ring.insertIfAbsent(connection);
              return ring.load(connection, "");
            });
    return ring;
  }

  private static void registerTink() {
    try {
      AeadConfig.register();
      DeterministicAeadConfig.register();
      MacConfig.register();
      PrfConfig.register();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink could not register its key types", e);
    }
  }

  /** The keys last loaded, without asking the database. */
  public DataKeys cached() {
    return current;
  }

  /**
   * The current keys, for reading in the transaction of {@code connection}: reloaded if another
   * instance rotated or destroyed keys since.
   */
  public DataKeys forRead(Connection connection) throws SQLException {
    return refresh(connection, LockMode.NONE);
  }

  /**
   * The keys at {@code generation} and {@code revision}, where the keyring's row was just read
   * (by {@link #forRead}, {@link #forWrite} or {@link #forChange}, or by the statement that read a
   * record beside it, see {@link #KEYRING_COLUMNS}): the cached keys if they are those, else
   * loaded through {@code connection}.
   */
  public DataKeys keysAt(Connection connection, int generation, long revision)
      throws SQLException {
    DataKeys keys = current;
    if (keys.generation() == generation && keys.revision() == revision) {
      return keys;
    }
    keys = load(connection, "");
    current = keys;
    return keys;
  }

  /**
   * The keyring's row, for a read that selects it beside what it reads: {@code FROM} item {@code
   * k} (its columns {@code k.generation, k.revision}) with {@code ?} the row's name ({@link
   * #bindKeyring}).
   */
  public static final String KEYRING_COLUMNS = "k.generation, k.revision";

  /** The {@code FROM} item of {@link #KEYRING_COLUMNS}, with one {@code ?}: the row's name. */
  public static final String KEYRING_ROW = "(SELECT generation, revision FROM hg_keyring"
      + " WHERE name = ?) k";

  /** Binds {@link #KEYRING_ROW}'s parameter at {@code index}. */
  public static void bindKeyring(PreparedStatement statement, int index) throws SQLException {
    statement.setString(index, ROW);
  }

  /**
   * The current keys, for writing in the transaction of {@code connection}; on PostgreSQL the
   * keyring is share-locked until commit, so the keys cannot be rotated or destroyed under the
   * write. The lock is a shared transaction-level advisory lock, not {@code FOR SHARE} on the
   * keyring row: many concurrent writers sharing a row lock would each rewrite the row's lock
   * information (a multixact) and contend on it.
   */
  public DataKeys forWrite(Connection connection) throws SQLException {
    return refresh(connection, LockMode.SHARED);
  }

  /**
   * The current keys, with the keyring locked exclusively until commit (PostgreSQL: the advisory
   * lock, and the row {@code FOR UPDATE}; SQLite transactions are exclusive anyway): for
   * rotation and destruction.
   */
  public DataKeys forChange(Connection connection) throws SQLException {
    return refresh(connection, LockMode.EXCLUSIVE);
  }

  private enum LockMode {
    NONE,
    SHARED,
    EXCLUSIVE
  }

  /**
   * PostgreSQL: statements for a writer that sends its whole transaction in one round trip: they
   * take {@link #forWrite}'s shared lock, then fail the transaction (SQLState {@code 22P02}) unless
   * the keyring is still at the generation and revision of the keys it sealed with. Bind them with
   * {@link #bindStillCurrent}.
   */
  public String stillCurrentStatements() {
    return "SELECT pg_advisory_xact_lock_shared(" + LOCK_KEY + "); "
        + "SELECT CAST(CASE WHEN EXISTS (SELECT 1 FROM hg_keyring"
        + " WHERE name = ? AND generation = ? AND revision = ?)"
        + " THEN '1' ELSE 'the data keys changed' END AS integer)";
  }

  /**
   * Binds {@link #stillCurrentStatements()}' parameters to {@code keys}, from {@code first} on;
   * returns the next parameter's index.
   */
  public int bindStillCurrent(PreparedStatement statement, int first, DataKeys keys)
      throws SQLException {
    statement.setString(first, ROW);
    statement.setInt(first + 1, keys.generation());
    statement.setLong(first + 2, keys.revision());
    return first + 3;
  }

  /** The advisory lock's key: one keyring per schema. */
  private static final String LOCK_KEY = "hashtext('dev.hookguard.keyring:' || current_schema())";

  private String statement(LockMode mode) {
    String sql = "SELECT generation, revision FROM hg_keyring WHERE name = ?";
    if (database.dialect() != Dialect.POSTGRESQL) {
      return sql;
    }
    return switch (mode) {
      case NONE -> sql;
      case SHARED -> "SELECT pg_advisory_xact_lock_shared(" + LOCK_KEY + "), generation, revision"
          + " FROM hg_keyring WHERE name = ?";
      case EXCLUSIVE -> "SELECT pg_advisory_xact_lock(" + LOCK_KEY + "), generation, revision"
          + " FROM hg_keyring WHERE name = ? FOR UPDATE";
    };
  }

  private DataKeys refresh(Connection connection, LockMode mode) throws SQLException {
    String sql = statement(mode);
    int offset = database.dialect() == Dialect.POSTGRESQL && mode != LockMode.NONE ? 1 : 0;
    int generation;
    long revision;
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, ROW);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new KeyException(
              KeyException.Reason.KEYSET_UNREADABLE, "the data keyring row is missing");
        }
        generation = row.getInt(1 + offset);
        revision = row.getLong(2 + offset);
      }
    }
    return keysAt(connection, generation, revision);
  }

  /**
   * Forgets the keys cached by a {@link #rotate} or {@link #destroyRetired} whose transaction did
   * not commit: they keep their keysets but no generation or revision the keyring can have, so
   * the next read or write loads the keys the keyring holds, and a write sealed with them is
   * refused by {@link #stillCurrentStatements()}. (Kept as cached, they could match a different
   * rotation another instance commits later, at the same generation and revision.)
   */
  public void forgetUncommitted() {
    DataKeys keys = current;
    try {
      current = new DataKeys(-1, -1, keys.aeadKeys(), keys.daeadKeys(), keys.macKeys(),
          keys.prfKeys());
    } catch (GeneralSecurityException e) {
      throw new KeyException(
          KeyException.Reason.KEYSET_UNREADABLE, "cannot rebuild the cached data keys", e);
    }
  }

  /** Adds a new primary key to every keyset; call with the row locked ({@link #forChange}). */
  public DataKeys rotate(Connection connection, DataKeys keys) throws SQLException {
    try {
      DataKeys rotated =
          new DataKeys(
              keys.generation() + 1,
              keys.revision() + 1,
              withNewPrimary(keys.aeadKeys(), PredefinedAeadParameters.AES256_GCM),
              withNewPrimary(
                  keys.daeadKeys(), PredefinedDeterministicAeadParameters.AES256_SIV),
              withNewPrimary(keys.macKeys(), PredefinedMacParameters.HMAC_SHA256_256BITTAG),
              withNewPrimary(keys.prfKeys(), PredefinedPrfParameters.HMAC_SHA256_PRF));
      store(connection, rotated, keys.revision());
      current = rotated;
      return rotated;
    } catch (GeneralSecurityException e) {
      throw new KeyException(KeyException.Reason.KEYSET_UNREADABLE, "cannot rotate data keys", e);
    }
  }

  /**
   * Removes every non-primary key of every keyset, keeping the generation; call with the row
   * locked ({@link #forChange}). Returns the number of keys removed.
   */
  public int destroyRetired(Connection connection, DataKeys keys) throws SQLException {
    try {
      DataKeys kept =
          new DataKeys(
              keys.generation(),
              keys.revision() + 1,
              primaryOnly(keys.aeadKeys()),
              primaryOnly(keys.daeadKeys()),
              primaryOnly(keys.macKeys()),
              primaryOnly(keys.prfKeys()));
      int removed = keys.keyCount() - kept.keyCount();
      if (removed == 0) {
        return 0;
      }
      store(connection, kept, keys.revision());
      current = kept;
      return removed;
    } catch (GeneralSecurityException e) {
      throw new KeyException(
          KeyException.Reason.KEYSET_UNREADABLE, "cannot destroy retired data keys", e);
    }
  }

  private static KeysetHandle withNewPrimary(KeysetHandle keys, Parameters parameters)
      throws GeneralSecurityException {
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(keys);
    builder.addEntry(KeysetHandle.generateEntryFromParameters(parameters).withRandomId());
    builder.getAt(builder.size() - 1).makePrimary();
    return builder.build();
  }

  private static KeysetHandle primaryOnly(KeysetHandle keys) throws GeneralSecurityException {
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(keys);
    for (int i = builder.size() - 1; i >= 0; i--) {
      if (!builder.getAt(i).isPrimary()) {
        builder.deleteAt(i);
      }
    }
    return builder.build();
  }

  private void insertIfAbsent(Connection connection) throws SQLException {
    try (PreparedStatement probe =
        connection.prepareStatement("SELECT 1 FROM hg_keyring WHERE name = ?")) {
      probe.setString(1, ROW);
      try (ResultSet row = probe.executeQuery()) {
        if (row.next()) {
          return;
        }
      }
    }
    DataKeys fresh;
    try {
      fresh =
          new DataKeys(
              1,
              1,
              KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
              KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV),
              KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG),
              KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF));
    } catch (GeneralSecurityException e) {
      throw new KeyException(KeyException.Reason.KEYSET_UNREADABLE, "cannot create data keys", e);
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO hg_keyring"
                + " (name, generation, revision, aead, daead, mac, prf, updated_at)"
                + " VALUES (?, ?, 1, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
      insert.setString(1, ROW);
      insert.setInt(2, fresh.generation());
      insert.setBytes(3, wrap(fresh.aeadKeys(), "aead"));
      insert.setBytes(4, wrap(fresh.daeadKeys(), "daead"));
      insert.setBytes(5, wrap(fresh.macKeys(), "mac"));
      insert.setBytes(6, wrap(fresh.prfKeys(), "prf"));
      insert.setLong(7, clock.millis());
      insert.executeUpdate();
    }
  }

  private void store(Connection connection, DataKeys keys, long expectedRevision)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE hg_keyring SET generation = ?, revision = ?, aead = ?, daead = ?, mac = ?,"
                + " prf = ?, updated_at = ? WHERE name = ? AND revision = ?")) {
      update.setInt(1, keys.generation());
      update.setLong(2, keys.revision());
      update.setBytes(3, wrap(keys.aeadKeys(), "aead"));
      update.setBytes(4, wrap(keys.daeadKeys(), "daead"));
      update.setBytes(5, wrap(keys.macKeys(), "mac"));
      update.setBytes(6, wrap(keys.prfKeys(), "prf"));
      update.setLong(7, clock.millis());
      update.setString(8, ROW);
      update.setLong(9, expectedRevision);
      if (update.executeUpdate() != 1) {
        throw new KeyException(
            KeyException.Reason.CONCURRENT_KEY_CHANGE,
            "the data keyring changed while it was being updated");
      }
    }
  }

  private DataKeys load(Connection connection, String lockClause) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT generation, revision, aead, daead, mac, prf FROM hg_keyring WHERE name = ?"
                + lockClause)) {
      select.setString(1, ROW);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw new KeyException(
              KeyException.Reason.KEYSET_UNREADABLE, "the data keyring row is missing");
        }
        return new DataKeys(
            row.getInt(1),
            row.getLong(2),
            unwrap(row.getBytes(3), "aead"),
            unwrap(row.getBytes(4), "daead"),
            unwrap(row.getBytes(5), "mac"),
            unwrap(row.getBytes(6), "prf"));
      } catch (GeneralSecurityException e) {
        throw new KeyException(
            KeyException.Reason.KEYSET_UNREADABLE, "cannot build primitives of the data keys", e);
      }
    }
  }

  private byte[] wrap(KeysetHandle keys, String purpose) {
    try {
      return TinkProtoKeysetFormat.serializeEncryptedKeyset(keys, kek(), associatedData(purpose));
    } catch (GeneralSecurityException e) {
      throw new KeyException(
          KeyException.Reason.MASTER_KEY_UNAVAILABLE,
          "cannot wrap the " + purpose + " keyset with " + masterKey.description(),
          e);
    }
  }

  private KeysetHandle unwrap(byte[] wrapped, String purpose) {
    try {
      return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, kek(), associatedData(purpose));
    } catch (GeneralSecurityException e) {
      throw new KeyException(
          KeyException.Reason.KEYSET_UNREADABLE,
          "cannot unwrap the "
              + purpose
              + " keyset with "
              + masterKey.description()
              + " (a different master key, or the keyring was altered)",
          e);
    }
  }

  private Aead kek() {
    return MasterKeys.aead(masterKey);
  }

  private static byte[] associatedData(String purpose) {
    return ("dev.hookguard.keyring.v1:" + purpose).getBytes(StandardCharsets.UTF_8);
  }

  /** For diagnostics only: never key material. */
  @Override
  public String toString() {
    DataKeys keys = current;
    return "KeyRing[" + masterKey.description() + ", generation=" + keys.generation() + "]";
  }

  /** The dialect of the keyring's database. */
  Dialect dialect() {
    return database.dialect();
  }
}
