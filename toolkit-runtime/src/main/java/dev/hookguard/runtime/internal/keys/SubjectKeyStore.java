package dev.hookguard.runtime.internal.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import dev.hookguard.runtime.crypto.KeyException;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.internal.jdbc.Dialect;
import dev.hookguard.runtime.internal.jdbc.Precondition;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The keys of data subjects: one AES256-GCM key per person a record is about, kept wrapped by the
 * master key in the same key store as the retention day keys, <b>apart from the record store</b>.
 * Every field of a record about a subject is sealed, on top of its own protection, under the key
 * of each of its subjects; erasing a subject destroys its keys (leaving tombstones), so every copy
 * of the record store, backups taken before the erasure included, holds ciphertexts of that
 * subject that nothing can open, while other subjects' records in the same copy still open.
 *
 * <p>Subjects are named by a <b>token</b>: a keyed PRF (HMAC-SHA256) of the normalized value,
 * under a key that also lives only in the key store and never rotates (tokens index records, so a
 * rotation would lose them). Neither the key store nor the record store holds a subject's value.
 *
 * <p>A subject may have several keys over time: erasing destroys all of them, and a record about
 * the same person received afterwards gets a new one. Unwrapped keys are cached for {@link
 * #CACHE_MILLIS} at most, so a key another instance destroyed stops opening here within that time.
 * Thread-safe.
 */
public final class SubjectKeyStore {

  /** The table of subject keys (in the key store's schema). */
  static final String TABLE = "hg_subject_keys";

  /** Length of a key id in bytes. */
  public static final int KEY_ID_BYTES = 16;

  /** Length of a subject token in bytes. */
  public static final int TOKEN_BYTES = 32;

  /** How long an unwrapped key is used from the cache before it is read again. */
  static final long CACHE_MILLIS = 60_000;

  private static final int CACHE_LIMIT = 10_000;
  private static final HexFormat HEX = HexFormat.of();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database database;
  private final String keyTable;
  private final String tokenKeyTable;
  private final MasterKey masterKey;
  private final Clock clock;
  private final Runnable scrub;
  private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();
  /** The live key {@link #forSealing} last found per subject (by token, in hex), and when. */
  private final ConcurrentMap<String, Found> foundByToken = new ConcurrentHashMap<>();
  private final AtomicLong lookups = new AtomicLong();
  /** Keys this instance destroyed: never cached again by a read that raced the destruction. */
  private final Set<String> destroyedHere = ConcurrentHashMap.newKeySet();
  private volatile PrfSet tokens;

  private record Cached(Aead aead, long loadedAt) {}

  private record Found(SealingKey key, long foundAt) {}

  /** A live key of a subject, for sealing. */
  public record SealingKey(byte[] id, Aead aead) {
    @Override
    public String toString() {
      return "SealingKey[" + HEX.formatHex(id) + "]";
    }
  }

  private SubjectKeyStore(
      Database database, String schemaPrefix, MasterKey masterKey, Clock clock, Runnable scrub) {
    this.database = database;
    this.keyTable = schemaPrefix + "hg_subject_keys";
    this.tokenKeyTable = schemaPrefix + "hg_subject_token_key";
    this.masterKey = masterKey;
    this.clock = clock;
    this.scrub = scrub;
  }

  /**
   * Creates the subject key tables in {@code connection} (the key store's), in the schema of
   * {@code schemaPrefix} ({@code "schema."} or empty).
   */
  static SubjectKeyStore create(
      Connection connection,
      Database database,
      String schemaPrefix,
      MasterKey masterKey,
      Clock clock,
      Runnable scrub)
      throws SQLException {
    try {
      PrfConfig.register();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Tink could not register its PRF key types", e);
    }
    String bytes = database.dialect() == Dialect.POSTGRESQL ? "BYTEA" : "BLOB";
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS " + schemaPrefix + "hg_subject_keys"
              + " (key_id " + bytes + " PRIMARY KEY,"
              + " subject_token " + bytes + " NOT NULL,"
              + " wrapped_key " + bytes + ","
              + " created_at BIGINT NOT NULL,"
              + " destroyed_at BIGINT)");
      statement.execute(
          "CREATE INDEX IF NOT EXISTS hg_subject_keys_token ON "
              + schemaPrefix + "hg_subject_keys (subject_token)");
      statement.execute(
          "CREATE TABLE IF NOT EXISTS " + schemaPrefix + "hg_subject_token_key"
              + " (id INTEGER PRIMARY KEY CHECK (id = 1),"
              + " wrapped_key " + bytes + " NOT NULL,"
              + " created_at BIGINT NOT NULL)");
    }
    return new SubjectKeyStore(database, schemaPrefix, masterKey, clock, scrub);
  }

  /** The token naming the subject whose normalized value is {@code normalized}. */
  public byte[] token(String normalized) {
    byte[] input = ("dev.hookguard.subject.v1:" + normalized).getBytes(StandardCharsets.UTF_8);
    try {
      return tokenPrf().computePrimary(input, TOKEN_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the subject token key cannot compute a token", e);
    }
  }

  /**
   * A live key of each subject of {@code tokens}, in the same order, created for a subject that has
   * none (a new person, or one erased before). Called before the record's transaction.
   */
  public List<SealingKey> forSealing(List<byte[]> tokens) {
    if (tokens.isEmpty()) {
      return List.of();
    }
    // Each subject once: a batch of records about one customer reads one key.
    Map<String, byte[]> distinct = distinctTokens(tokens);
    // Nearly always every subject has a live key: read without a transaction (no write lock on
    // SQLite, no BEGIN and COMMIT round trips on PostgreSQL); one only to create missing keys.
    Map<String, byte[][]> found = database.withoutTransaction(
        "finding the keys of " + distinct.size() + " data subjects",
        connection -> findLive(connection, distinct));
    if (found.size() < distinct.size()) {
      found = database.inTransaction(
          "creating the keys of " + (distinct.size() - found.size()) + " data subjects",
          connection -> findOrCreate(connection, distinct));
    }
    return sealingKeys(tokens, found);
  }

  /**
   * {@link #forSealing(List)} in the transaction of {@code connection}, a connection to this key
   * store's database (see {@link #isIn}): a key created for a new subject commits or rolls back
   * with that transaction, and no second connection is taken.
   */
  public List<SealingKey> forSealing(Connection connection, List<byte[]> tokens)
      throws SQLException {
    if (tokens.isEmpty()) {
      return List.of();
    }
    return sealingKeys(tokens, findOrCreate(connection, distinctTokens(tokens)));
  }

  private static Map<String, byte[]> distinctTokens(List<byte[]> tokens) {
    Map<String, byte[]> distinct = new LinkedHashMap<>();
    for (byte[] token : tokens) {
      distinct.putIfAbsent(HEX.formatHex(token), token);
    }
    return distinct;
  }

  /** The live key (id, wrapped) of each subject of {@code distinct} that has one. */
  private Map<String, byte[][]> findLive(Connection connection, Map<String, byte[]> distinct)
      throws SQLException {
    Map<String, byte[][]> keys = new HashMap<>();
    for (Map.Entry<String, byte[]> subject : distinct.entrySet()) {
      byte[][] live = live(connection, subject.getValue());
      if (live != null) {
        keys.put(subject.getKey(), live);
      }
    }
    return keys;
  }

  /** The live key (id, wrapped) of each subject of {@code distinct}, created where none is. */
  private Map<String, byte[][]> findOrCreate(Connection connection, Map<String, byte[]> distinct)
      throws SQLException {
    Map<String, byte[][]> keys = new HashMap<>();
    for (Map.Entry<String, byte[]> subject : distinct.entrySet()) {
      byte[][] live = live(connection, subject.getValue());
      if (live == null) {
        insert(connection, subject.getValue());
        live = live(connection, subject.getValue());
      }
      keys.put(subject.getKey(), live);
    }
    return keys;
  }

  /** The keys {@code found} for each of {@code tokens}, in order, remembered as found now. */
  private List<SealingKey> sealingKeys(List<byte[]> tokens, Map<String, byte[][]> found) {
    lookups.incrementAndGet();
    Map<String, SealingKey> sealing = new HashMap<>();
    long now = clock.millis();
    found.forEach((token, key) -> {
      SealingKey live = new SealingKey(key[0], liveAead(key[0], key[1]));
      sealing.put(token, live);
      if (foundByToken.size() >= CACHE_LIMIT) {
        foundByToken.clear();
      }
      foundByToken.put(token, new Found(live, now));
    });
    List<SealingKey> keys = new ArrayList<>(tokens.size());
    for (byte[] token : tokens) {
      keys.add(sealing.get(HEX.formatHex(token)));
    }
    return List.copyOf(keys);
  }

  /**
   * The keys {@link #forSealing} found for {@code tokens} in the last {@link #CACHE_MILLIS}, in the
   * same order, if it found one for every subject and this instance destroyed none of them; empty
   * otherwise. No look-up is made, so another instance may have destroyed a key since: a record
   * sealed with these keys must be written under {@link #stillLive} in the same transaction, and
   * sealed again with {@link #forSealing} if that fails (which replaces what it found).
   */
  public Optional<List<SealingKey>> recentlyFound(List<byte[]> tokens) {
    long now = clock.millis();
    List<SealingKey> keys = new ArrayList<>(tokens.size());
    for (byte[] token : tokens) {
      String hex = HEX.formatHex(token);
      Found found = foundByToken.get(hex);
      if (found == null) {
        return Optional.empty();
      }
      if (now - found.foundAt() >= CACHE_MILLIS
          || destroyedHere.contains(HEX.formatHex(found.key().id()))) {
        foundByToken.remove(hex, found);
        return Optional.empty();
      }
      keys.add(found.key());
    }
    return Optional.of(List.copyOf(keys));
  }

  /** How many look-ups {@link #forSealing} has made (each one transaction of the key store). */
  public long lookups() {
    return lookups.get();
  }

  /** Whether this key store keeps its keys in {@code other}, where a transaction can check them. */
  public boolean isIn(Database other) {
    return database == other;
  }

  /**
   * PostgreSQL: a statement, for a transaction in this key store's database, that fails unless
   * every key of {@code keys} is still live (not destroyed by an erasure). Reading the key rows
   * takes no lock: an erasure that commits after the check, before the transaction, shreds the
   * record it wrote as it shreds every record about that subject received before it.
   */
  public Precondition stillLive(List<SealingKey> keys) {
    byte[][] ids = distinctIds(keys);
    if (ids.length == 0) {
      throw new IllegalArgumentException("no data subject key to check");
    }
    String sql = "SELECT CAST(CASE WHEN (SELECT count(*) FROM " + liveAmongIds(ids.length)
        + ") = " + ids.length + " THEN '1' ELSE 'a data subject key was destroyed' END AS integer)";
    return new Precondition() {
      @Override
      public String sql() {
        return sql;
      }

      @Override
      public int bind(PreparedStatement statement, int first) throws SQLException {
        return bindIds(statement, first, ids);
      }
    };
  }

  /**
   * The ids (in hex) of those of {@code keys} that are live, read through {@code connection}, a
   * connection to this key store's database (see {@link #isIn}), within its transaction. On
   * SQLite that transaction holds the write lock: no erasure can destroy a key between this read
   * and its commit.
   */
  public Set<String> liveAmong(Connection connection, List<SealingKey> keys)
      throws SQLException {
    byte[][] ids = distinctIds(keys);
    Set<String> live = new HashSet<>();
    if (database.dialect() == Dialect.POSTGRESQL) {
      if (ids.length > 0) {
        try (PreparedStatement select =
            connection.prepareStatement("SELECT key_id FROM " + liveAmongIds(ids.length))) {
          bindIds(select, 1, ids);
          readIds(select, live);
        }
      }
      return live;
    }
    // SQLite has no arrays: an IN list, in chunks well under its limit of bound parameters.
    for (int from = 0; from < ids.length; from += LIVE_IDS_PER_STATEMENT) {
      int to = Math.min(ids.length, from + LIVE_IDS_PER_STATEMENT);
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT key_id FROM " + keyTable + " WHERE wrapped_key IS NOT NULL AND key_id IN ("
              + "?, ".repeat(to - from - 1) + "?)")) {
        for (int i = from; i < to; i++) {
          select.setBytes(i - from + 1, ids[i]);
        }
        readIds(select, live);
      }
    }
    return live;
  }

  /** SQLite: key ids per statement of {@link #liveAmong}. */
  private static final int LIVE_IDS_PER_STATEMENT = 500;

  private static void readIds(PreparedStatement select, Set<String> into) throws SQLException {
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        into.add(HEX.formatHex(rows.getBytes(1)));
      }
    }
  }

  /** The ids of {@code keys}, each once, in order. */
  private static byte[][] distinctIds(List<SealingKey> keys) {
    Map<String, byte[]> distinct = new LinkedHashMap<>();
    for (SealingKey key : keys) {
      distinct.putIfAbsent(HEX.formatHex(key.id()), key.id());
    }
    return distinct.values().toArray(new byte[0][]);
  }

  /**
   * PostgreSQL: the live keys of the key table among {@code count} key ids, bound as one parameter
   * by {@link #bindIds}. One id (a record about one person, the common case) by equality on the
   * primary key: an array parameter costs the server about 0.1 ms more to bind, in every put's one
   * round trip. Several as one array, however many: a batch's statement stays under PostgreSQL's
   * 65,535 parameters, and its text the same for any number of keys.
   */
  private String liveAmongIds(int count) {
    return keyTable + (count == 1 ? " WHERE key_id = ?" : " WHERE key_id = ANY(?)")
        + " AND wrapped_key IS NOT NULL";
  }

  /** Binds {@code ids} as {@link #liveAmongIds} takes them; returns the next parameter's index. */
  private static int bindIds(PreparedStatement statement, int first, byte[][] ids)
      throws SQLException {
    if (ids.length == 1) {
      statement.setBytes(first, ids[0]);
    } else {
      statement.setArray(first, statement.getConnection().createArrayOf("bytea", ids));
    }
    return first + 1;
  }

  /** The id of {@code key} as {@link #liveAmong} gives it. */
  public static String idOf(SealingKey key) {
    return HEX.formatHex(key.id());
  }

  /**
   * The key {@code keyId}, which its row has just shown to be live: from the cache while fresh (so
   * a receiver does not unwrap a subject's key for every record about them), otherwise unwrapped.
   */
  private Aead liveAead(byte[] keyId, byte[] wrapped) {
    Cached cached = cache.get(HEX.formatHex(keyId));
    if (cached != null && clock.millis() - cached.loadedAt() < CACHE_MILLIS) {
      return cached.aead();
    }
    return unwrapped(keyId, wrapped);
  }

  /**
   * The key {@code keyId} for opening, or empty if it was destroyed (its subject was erased).
   *
   * @throws KeyException with {@code SUBJECT_KEY_MISSING} if this key store never held it
   */
  public Optional<Aead> forOpening(byte[] keyId) {
    Optional<Aead> known = known(keyId);
    return known != null ? known : opening(keyId, database.inTransaction(
        "reading a data subject's key", connection -> wrappedKey(connection, keyId)));
  }

  /**
   * {@link #forOpening(byte[])}, a key not in the cache read through {@code connection}, a
   * connection to this key store's database ({@link #isIn}), in its transaction: for work that
   * holds a connection of a pool the key store shares, which must not wait for a second one.
   */
  public Optional<Aead> forOpening(Connection connection, byte[] keyId) throws SQLException {
    Optional<Aead> known = known(keyId);
    return known != null ? known : opening(keyId, wrappedKey(connection, keyId));
  }

  /**
   * What this instance knows of key {@code keyId} without reading it: empty if it destroyed it,
   * the key if it is cached and fresh; null if it must be read.
   */
  private Optional<Aead> known(byte[] keyId) {
    if (destroyedHere.contains(HEX.formatHex(keyId))) {
      return Optional.empty();
    }
    Cached cached = cache.get(HEX.formatHex(keyId));
    if (cached != null && clock.millis() - cached.loadedAt() < CACHE_MILLIS) {
      return Optional.of(cached.aead());
    }
    return null;
  }

  /**
   * How work that holds {@code connection}, a connection to {@code other} in a transaction, opens
   * keys: those not cached are read through that connection where this key store keeps its keys in
   * {@code other} (no second connection from a pool it shares, which could wait for ever), and in
   * a transaction of the key store's own otherwise. A SQL failure is a {@code StoreException}.
   */
  public java.util.function.Function<byte[], Optional<Aead>> openingOn(
      Connection connection, Database other) {
    if (!isIn(other)) {
      return this::forOpening;
    }
    return keyId -> {
      try {
        return forOpening(connection, keyId);
      } catch (SQLException e) {
        throw Database.failure("reading a data subject's key", e);
      }
    };
  }

  /** The wrapped key {@code keyId}: empty if destroyed, null if the store never had it. */
  private Optional<byte[]> wrappedKey(Connection connection, byte[] keyId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT wrapped_key FROM " + keyTable + " WHERE key_id = ?")) {
      select.setBytes(1, keyId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.ofNullable(row.getBytes(1)) : null;
      }
    }
  }

  /** The key {@code keyId} of its {@link #wrappedKey} row, unwrapped and cached. */
  private Optional<Aead> opening(byte[] keyId, Optional<byte[]> wrapped) {
    if (wrapped == null) {
      throw new KeyException(
          KeyException.Reason.SUBJECT_KEY_MISSING,
          "the key store " + database + " has no data subject key " + HEX.formatHex(keyId)
              + " (not the key store these records were written with?)");
    }
    if (wrapped.isEmpty()) {
      cache.remove(HEX.formatHex(keyId));
      return Optional.empty();
    }
    return Optional.of(unwrapped(keyId, wrapped.get()));
  }

  /**
   * Destroys every key of the subject {@code token}, leaving tombstones, then scrubs freed space
   * as the retention keys' destruction does. Returns the number of keys destroyed now; several
   * instances may call this at once, each key is counted once.
   */
  public int destroy(byte[] token) {
    List<byte[]> destroyed =
        database.inTransaction(
            "destroying a data subject's keys",
            connection -> {
              record Live(byte[] id, long createdAt) {}
              List<Live> live = new ArrayList<>();
              try (PreparedStatement select = connection.prepareStatement(
                  "SELECT key_id, created_at FROM " + keyTable
                      + " WHERE subject_token = ? AND wrapped_key IS NOT NULL"
                      + (database.dialect() == Dialect.POSTGRESQL ? " FOR UPDATE" : ""))) {
                select.setBytes(1, token);
                try (ResultSet rows = select.executeQuery()) {
                  while (rows.next()) {
                    live.add(new Live(rows.getBytes(1), rows.getLong(2)));
                  }
                }
              }
              List<byte[]> ids = new ArrayList<>();
              for (Live key : live) {
                // Deleted and inserted again as a tombstone: the freed cell of the wrapped key is
                // zeroed (SQLite secure_delete), not merely updated in place.
                try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + keyTable + " WHERE key_id = ? AND wrapped_key IS NOT NULL")) {
                  delete.setBytes(1, key.id());
                  if (delete.executeUpdate() == 0) {
                    continue;
                  }
                }
                try (PreparedStatement tombstone = connection.prepareStatement(
                    "INSERT INTO " + keyTable
                        + " (key_id, subject_token, wrapped_key, created_at, destroyed_at)"
                        + " VALUES (?, ?, NULL, ?, ?)")) {
                  tombstone.setBytes(1, key.id());
                  tombstone.setBytes(2, token);
                  tombstone.setLong(3, key.createdAt());
                  tombstone.setLong(4, clock.millis());
                  tombstone.executeUpdate();
                }
                ids.add(key.id());
              }
              return ids;
            });
    destroyed.forEach(id -> {
      destroyedHere.add(HEX.formatHex(id));
      cache.remove(HEX.formatHex(id));
    });
    foundByToken.remove(HEX.formatHex(token));
    if (!destroyed.isEmpty()) {
      scrub.run();
    }
    return destroyed.size();
  }

  /**
   * The number of keys of the subject {@code token} destroyed at or after {@code since} (epoch
   * millis): what an erasure that crashed before journalling its destruction did.
   */
  public int destroyedSince(byte[] token, long since) {
    return database.inTransaction(
        "counting a data subject's destroyed keys",
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(
              "SELECT COUNT(*) FROM " + keyTable
                  + " WHERE subject_token = ? AND wrapped_key IS NULL AND destroyed_at >= ?")) {
            select.setBytes(1, token);
            select.setLong(2, since);
            try (ResultSet row = select.executeQuery()) {
              row.next();
              return row.getInt(1);
            }
          }
        });
  }

  /** The number of live subject keys: how many people the store holds keys for. */
  public long liveKeys() {
    return database.inTransaction(
        "counting data subject keys",
        connection -> {
          try (Statement statement = connection.createStatement();
              ResultSet row = statement.executeQuery(
                  "SELECT COUNT(*) FROM " + keyTable + " WHERE wrapped_key IS NOT NULL")) {
            row.next();
            return row.getLong(1);
          }
        });
  }

  /** {id, wrapped} of the subject's oldest live key, or null if it has none. */
  private byte[][] live(Connection connection, byte[] token) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT key_id, wrapped_key FROM " + keyTable
            + " WHERE subject_token = ? AND wrapped_key IS NOT NULL"
            + " ORDER BY created_at, key_id LIMIT 1")) {
      select.setBytes(1, token);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? new byte[][] {row.getBytes(1), row.getBytes(2)} : null;
      }
    }
  }

  private void insert(Connection connection, byte[] token) throws SQLException {
    byte[] id = new byte[KEY_ID_BYTES];
    RANDOM.nextBytes(id);
    byte[] wrapped = newWrapped(PredefinedAeadParameters.AES256_GCM, keyAssociatedData(id),
        "a data subject's key");
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO " + keyTable + " (key_id, subject_token, wrapped_key, created_at)"
            + " VALUES (?, ?, ?, ?)")) {
      insert.setBytes(1, id);
      insert.setBytes(2, token);
      insert.setBytes(3, wrapped);
      insert.setLong(4, clock.millis());
      insert.executeUpdate();
    }
  }

  private Aead unwrapped(byte[] keyId, byte[] wrapped) {
    try {
      KeysetHandle keys = TinkProtoKeysetFormat.parseEncryptedKeyset(
          wrapped, MasterKeys.aead(masterKey), keyAssociatedData(keyId));
      Aead aead = keys.getPrimitive(RegistryConfiguration.get(), Aead.class);
      if (cache.size() >= CACHE_LIMIT) {
        cache.clear();
      }
      cache.put(HEX.formatHex(keyId), new Cached(aead, clock.millis()));
      if (destroyedHere.contains(HEX.formatHex(keyId))) {
        // Read before this instance destroyed it, cached after: it must not open anything more.
        cache.remove(HEX.formatHex(keyId));
      }
      return aead;
    } catch (GeneralSecurityException e) {
      throw new KeyException(
          KeyException.Reason.KEYSET_UNREADABLE,
          "cannot unwrap a data subject's key with " + masterKey.description()
              + " (a different master key, or the key store was altered)",
          e);
    }
  }

  /**
   * Reads the key of subject tokens now (creating it on first use) if it is not yet cached, so
   * that {@link #token} computes without opening a connection.
   */
  public void loadTokenKey() {
    tokenPrf();
  }

  /** The PRF of subject tokens, created on first use and never rotated. */
  private PrfSet tokenPrf() {
    PrfSet prf = tokens;
    if (prf != null) {
      return prf;
    }
    synchronized (this) {
      if (tokens == null) {
        byte[] wrapped = database.inTransaction(
            "reading the subject token key",
            connection -> {
              byte[] existing = tokenKey(connection);
              if (existing == null) {
                insertTokenKey(connection);
                existing = tokenKey(connection);
              }
              return existing;
            });
        try {
          tokens = TinkProtoKeysetFormat.parseEncryptedKeyset(
                  wrapped, MasterKeys.aead(masterKey), tokenKeyAssociatedData())
              .getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        } catch (GeneralSecurityException e) {
          throw new KeyException(
              KeyException.Reason.KEYSET_UNREADABLE,
              "cannot unwrap the subject token key with " + masterKey.description(), e);
        }
      }
      return tokens;
    }
  }

  private byte[] tokenKey(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(
            "SELECT wrapped_key FROM " + tokenKeyTable + " WHERE id = 1")) {
      return row.next() ? row.getBytes(1) : null;
    }
  }

  private void insertTokenKey(Connection connection) throws SQLException {
    byte[] wrapped = newWrapped(PredefinedPrfParameters.HMAC_SHA256_PRF,
        tokenKeyAssociatedData(), "the subject token key");
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO " + tokenKeyTable + " (id, wrapped_key, created_at) VALUES (1, ?, ?)"
            + " ON CONFLICT (id) DO NOTHING")) {
      insert.setBytes(1, wrapped);
      insert.setLong(2, clock.millis());
      insert.executeUpdate();
    }
  }

  /** A new keyset of {@code parameters}, wrapped by the master key, bound to {@code ad}. */
  private byte[] newWrapped(com.google.crypto.tink.Parameters parameters, byte[] ad, String what) {
    try {
      return TinkProtoKeysetFormat.serializeEncryptedKeyset(
          KeysetHandle.generateNew(parameters), MasterKeys.aead(masterKey), ad);
    } catch (GeneralSecurityException e) {
      throw new KeyException(KeyException.Reason.MASTER_KEY_UNAVAILABLE,
          "cannot create and wrap " + what + " with " + masterKey.description(), e);
    }
  }

  private static byte[] keyAssociatedData(byte[] keyId) {
    return ("dev.hookguard.subject-key.v1:" + HEX.formatHex(keyId)).getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] tokenKeyAssociatedData() {
    return "dev.hookguard.subject-token-key.v1".getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "SubjectKeyStore[" + keyTable + " in " + database + "]";
  }
}
