package dev.hookguard.runtime.store.internal;

import dev.hookguard.api.Sensitive;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.audit.AuditSink;
import dev.hookguard.runtime.generated.FieldSpec;
import dev.hookguard.runtime.generated.PayloadTable;
import dev.hookguard.runtime.generated.Protection;
import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.generated.StoredDocuments;
import dev.hookguard.runtime.generated.StoredRecord;
import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.internal.jdbc.Dialect;
import dev.hookguard.runtime.internal.jdbc.Precondition;
import dev.hookguard.runtime.internal.keys.DataKeys;
import dev.hookguard.runtime.internal.keys.KeyRing;
import dev.hookguard.runtime.internal.keys.RetentionKeyStore;
import dev.hookguard.runtime.internal.keys.SubjectKeyStore;
import dev.hookguard.runtime.internal.records.CanonicalJson;
import dev.hookguard.runtime.internal.records.RecordCodec;
import dev.hookguard.runtime.internal.records.RecordCodec.OpenedFields;
import dev.hookguard.runtime.internal.records.RecordCodec.PlainField;
import dev.hookguard.runtime.internal.records.RecordCodec.SealedRecord;
import dev.hookguard.runtime.internal.records.RecordRows;
import dev.hookguard.runtime.internal.records.SubjectValues;
import dev.hookguard.runtime.store.AccessDeniedException;
import dev.hookguard.runtime.store.Accessor;
import dev.hookguard.runtime.store.DuplicateRecordException;
import dev.hookguard.runtime.store.StoreException;
import dev.hookguard.runtime.store.TamperedRecordException;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@link PayloadTable} on the shared JDBC schema.
 *
 * <p>Retention is enforced on every read: a record past its expiry reads as absent and is not
 * found by look-ups, a field past its (effective) expiry is not decrypted and is listed in
 * {@link StoredRecord#expiredFields()}, from the instant of expiry, whether or not a sweep has run.
 */
public final class JdbcPayloadTable implements PayloadTable {

  private final StoreSchema schema;
  private final Database database;
  private final KeyRing keys;
  private final RetentionKeyStore dayKeys;
  private final Clock clock;
  private final AuditSink audit;

  /**
   * A table of {@code schema}'s payload type in {@code database}, sealing expiring randomized
   * fields under the day keys of {@code dayKeys}.
   */
  public JdbcPayloadTable(
      StoreSchema schema,
      Database database,
      KeyRing keys,
      RetentionKeyStore dayKeys,
      Clock clock,
      AuditSink audit) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.database = Objects.requireNonNull(database, "database");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.dayKeys = Objects.requireNonNull(dayKeys, "dayKeys");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  @Override
  public StoreSchema schema() {
    return schema;
  }

  @Override
  public void put(String id, Map<String, String> fieldJson, boolean overwrite) {
    requireId(id);
    Instant receivedAt = clock.instant();
    Long recordExpiry = expiry(receivedAt, schema.retainDays());
    boolean oneTrip = !overwrite && database.dialect() == Dialect.POSTGRESQL;
    // With the key store in this database, a record about people is sealed under the keys found
    // for them a moment ago, without looking them up in a transaction of their own: the record's
    // transaction checks they are still live (in its one round trip on PostgreSQL).
    boolean recentKeys = dayKeys.subjectKeys().isIn(database);
    Plain first = recentKeys
        ? plainWithRecentKeys(schema, dayKeys, fieldJson, receivedAt)
        : plain(schema, dayKeys, fieldJson, receivedAt);
    if (oneTrip && putNew(id, receivedAt, recordExpiry, first, recentKeys)) {
      return;
    }
    database.inTransaction(
        "storing a " + schema.payloadType() + " record",
        connection -> {
          // An erasure (by any instance) may have destroyed a key since: sealed again under keys
          // looked up now, in this transaction (a new one for a person erased).
          Plain plain = recentKeys
              ? withLiveSubjectKeys(connection, dayKeys.subjectKeys(), List.of(first)).get(0)
              : first;
          DataKeys current = keys.forWrite(connection);
          SealedRecord sealed = seal(current, id, receivedAt.toEpochMilli(), recordExpiry, plain);
          if (overwrite) {
            RecordRows.delete(connection, schema.payloadType(), id);
          }
          if (!RecordRows.insert(connection, sealed)) {
            throw new DuplicateRecordException(schema.payloadType(), id);
          }
          return null;
        });
  }

  /**
   * {@code plain}, records sealed under their data subjects' keys as found a moment ago ({@link
   * #plainWithRecentKeys}), checked in the transaction of {@code connection}, a connection to the
   * key store's database: each record one of whose keys an erasure has destroyed since is
   * replaced by the same fields under keys looked up now, in that transaction (a new key for a
   * person erased, created with the record); the others are returned as they are (the same
   * instances). One read for all of them.
   */
  static List<Plain> withLiveSubjectKeys(
      Connection connection, SubjectKeyStore subjects, List<Plain> plain) throws SQLException {
    List<SubjectKeyStore.SealingKey> used = new ArrayList<>();
    plain.forEach(record -> used.addAll(record.subjectKeys()));
    if (used.isEmpty()) {
      return plain;
    }
    Set<String> live = subjects.liveAmong(connection, used);
    List<Plain> checked = new ArrayList<>(plain.size());
    for (Plain record : plain) {
      checked.add(
          record.subjectKeys().stream().allMatch(key -> live.contains(SubjectKeyStore.idOf(key)))
              ? record
              : record.withSubjectKeys(subjects.forSealing(connection, record.subjectTokens())));
    }
    return checked;
  }

  /**
   * PostgreSQL: {@code put} of a record expected to be new, in one round trip with its commit
   * ({@link RecordRows#writeAllNew}), sealed under the keys last loaded. False, with nothing
   * written, if the id is taken or the keys changed since: {@code put} then decides in a
   * transaction of its own (a duplicate is refused, changed keys are read and the record sealed
   * again).
   */
  private boolean putNew(
      String id, Instant receivedAt, Long recordExpiry, Plain plain, boolean checkSubjectKeys) {
    DataKeys sealing = keys.cached();
    SealedRecord sealed = seal(sealing, id, receivedAt.toEpochMilli(), recordExpiry, plain);
    List<Precondition> checks = checkSubjectKeys && !plain.subjectKeys().isEmpty()
        ? List.of(dayKeys.subjectKeys().stillLive(plain.subjectKeys()))
        : List.of();
    return RecordRows.writeAllNew(database, "storing a " + schema.payloadType() + " record",
        keys, sealing, checks, List.of(new RecordRows.ReceiptRow(sealed, null, null, null)),
        RecordRows.fieldInserts(List.of(sealed)));
  }

  /**
   * Records per chunk of a batch of {@code records}, sealed by a helper thread while the caller
   * inserts the chunk before ({@link Chunked#forEachAhead}): about a fifth of the batch, so that
   * the two overlap soon and a batch costs a bounded number of statements more than one insert per
   * table (a round trip each on PostgreSQL); at least 32 records, so that a chunk's hand-over costs
   * little beside its sealing; at most 1,000, as PostgreSQL takes at most 65,535 parameters per
   * statement.
   */
  private static int sealingChunk(int records) {
    return Math.max(32, Math.min(1_000, (records + 4) / 5));
  }

  /** Records per chunk of a batch written and made canonical by two threads ({@link Chunked#mapAll}). */
  private static final int PREPARING_CHUNK = 20;

  /**
   * The second thread of a batch: the common fork-join pool's, mapping only chunks the calling
   * thread has not come to ({@link Chunked}), so a busy pool slows a batch down to one thread
   * rather than stalling it. None if the pool is configured without threads (its parallelism
   * property set to 0; {@code getCommonPoolParallelism()} reports at least 1 even then).
   */
  private static final Executor BATCH_HELPER =
      Integer.valueOf(0).equals(
          Integer.getInteger("java.util.concurrent.ForkJoinPool.common.parallelism"))
          ? task -> { }
          : ForkJoinPool.commonPool();

  @Override
  public void putAll(Map<String, Map<String, String>> fieldJsonById, boolean overwrite) {
    Objects.requireNonNull(fieldJsonById, "fieldJsonById");
    putAll(fieldJsonById, Function.identity(), overwrite);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Two threads share the batch's CPU, the calling thread and one of the common fork-join pool:
   * they write (by {@code fields}), make canonical and check the records together; then the day
   * keys and the data subjects' keys are found or created for the whole batch at once; then, in
   * the records' transaction, the helper seals the records chunk by chunk while the calling thread
   * inserts the chunks already sealed. The calling thread reads and creates every key and runs
   * every statement. If the batch fails, a value the helper has begun writing may still be read
   * for a moment after this method has thrown; its result is discarded.
   */
  @Override
  public <X> void putAll(
      Map<String, X> values, Function<? super X, Map<String, String>> fields, boolean overwrite) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(fields, "fields");
    if (values.isEmpty()) {
      return;
    }
    Instant receivedAt = clock.instant();
    Long recordExpiry = expiry(receivedAt, schema.retainDays());
    // The ids and values read in one pass, so that each value stays with its id whatever the map.
    List<String> ids = new ArrayList<>(values.size());
    List<X> items = new ArrayList<>(values.size());
    values.forEach((id, value) -> {
      ids.add(id);
      items.add(value);
    });
    ids.forEach(this::requireId);
    // Every key is read, created or cached by this thread: the helper only computes. The token key
    // first (its subjects' tokens are computed on both threads); the day keys and the subjects'
    // keys once every record is checked, before the transaction, where sealing finds them cached
    // (unless a day key is destroyed in between, which sealing then looks up and reports).
    if (!schema.subjects().isEmpty()) {
      dayKeys.subjectKeys().loadTokenKey();
    }
    List<Plain> unkeyed = Chunked.mapAll(items, PREPARING_CHUNK, BATCH_HELPER,
        value -> unkeyed(schema, dayKeys, fields.apply(value), receivedAt));
    List<Plain> plain = keyed(dayKeys, unkeyed, dayKeys.subjectKeys()::forSealing);
    List<Integer> positions = java.util.stream.IntStream.range(0, ids.size()).boxed().toList();
    database.inTransaction(
        "storing " + ids.size() + " " + schema.payloadType() + " records",
        connection -> {
          DataKeys current = keys.forWrite(connection);
          Chunked.forEachAhead(positions, sealingChunk(ids.size()), BATCH_HELPER,
              i -> new RecordRows.ReceiptRow(
                  seal(current, ids.get(i), receivedAt.toEpochMilli(), recordExpiry, plain.get(i)),
                  null, null, null),
              rows -> insertAll(connection, rows, overwrite));
          return null;
        });
  }

  /** Inserts {@code rows}; a record that exists is replaced only if {@code overwrite}. */
  private void insertAll(Connection connection, List<RecordRows.ReceiptRow> rows, boolean overwrite)
      throws SQLException {
    List<SealedRecord> batch = new ArrayList<>(rows.size());
    rows.forEach(row -> batch.add(row.record()));
    if (overwrite) {
      for (SealedRecord record : batch) {
        RecordRows.delete(connection, schema.payloadType(), record.id());
      }
    }
    boolean[] inserted = RecordRows.insertReceipts(connection, database.dialect(), rows);
    for (int i = 0; i < inserted.length; i++) {
      if (!inserted[i]) {
        // Thrown inside the transaction: every record of the call is rolled back.
        throw new DuplicateRecordException(schema.payloadType(), batch.get(i).id());
      }
    }
    RecordRows.insertFields(connection, batch);
  }

  @Override
  public Optional<StoredRecord> get(String id) {
    requireId(id);
    return read(id, path -> true);
  }

  @Override
  public List<String> idsByValue(String path, String fieldJson) {
    FieldSpec spec =
        schema
            .field(path)
            .filter(f -> f.protection() == Protection.DETERMINISTIC)
            .orElseThrow(
                () ->
                    new StoreException(
                        StoreException.Reason.INVALID_REQUEST,
                        path + " is not a deterministic field of " + schema.payloadType()));
    String canonical =
        CanonicalJson.canonical(fieldJson == null ? "null" : fieldJson, spec.path());
    byte[] input = RecordCodec.tokenInput(schema.payloadType(), spec.path(), canonical);
    long now = clock.millis();
    return database.inTransaction(
        "looking up " + schema.payloadType() + " records by " + path,
        connection -> {
          DataKeys current = keys.forRead(connection);
          List<byte[]> tokens;
          try {
            tokens = current.allTokens(input);
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the PRF keyset cannot compute tokens", e);
          }
          // A record whose (shortened) retention of the record or of this field has passed is
          // not found by it either.
          long receivedAfter = Math.max(
              RecordCodec.retainedAfter(now, schema.retainDays()),
              RecordCodec.retainedAfter(now, spec.retainDays()));
          return RecordRows.idsByToken(
              connection, schema.payloadType(), spec.path(), tokens, now, receivedAfter);
        });
  }

  @Override
  public boolean delete(String id) {
    requireId(id);
    return database.inTransaction(
        "deleting a " + schema.payloadType() + " record",
        connection -> {
          // An event not forwarded yet goes with its record: nothing leaves for a deleted one.
          try (java.sql.PreparedStatement outbox = connection.prepareStatement(
              "DELETE FROM hg_outbox WHERE payload_type = ? AND record_id = ?")) {
            outbox.setString(1, schema.payloadType());
            outbox.setString(2, id);
            outbox.executeUpdate();
          }
          return RecordRows.delete(connection, schema.payloadType(), id);
        });
  }

  @Override
  public Optional<StoredRecord> reveal(String id, Accessor who, String purpose) {
    Set<String> all = new LinkedHashSet<>();
    schema.fields().forEach(f -> all.add(f.path()));
    return reveal(id, who, purpose, all);
  }

  @Override
  public Optional<StoredRecord> reveal(
      String id, Accessor who, String purpose, Set<String> paths) {
    requireId(id);
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(purpose, "purpose");
    if (purpose.isBlank()) {
      throw new StoreException(StoreException.Reason.INVALID_REQUEST, "a reveal needs a purpose");
    }
    for (String path : paths) {
      if (schema.field(path).isEmpty()) {
        throw new StoreException(
            StoreException.Reason.INVALID_REQUEST,
            "field " + path + " is not in the schema of " + schema.payloadType());
      }
    }
    List<String> asked = new ArrayList<>();
    EnumSet<Sensitive.Category> missing = EnumSet.noneOf(Sensitive.Category.class);
    for (FieldSpec spec : schema.fields()) {
      if (!paths.contains(spec.path())) {
        continue;
      }
      asked.add(spec.path());
      for (Sensitive.Category category : spec.categories()) {
        if (!who.isGranted(category)) {
          missing.add(category);
        }
      }
    }
    if (!missing.isEmpty()) {
      audit(AuditEvent.Kind.REVEAL_DENIED, id, who, purpose, asked, "not granted " + missing);
      throw new AccessDeniedException(schema.payloadType(), who.name(), missing);
    }
    Optional<StoredRecord> record;
    try {
      record = read(id, paths::contains);
    } catch (TamperedRecordException e) {
      try {
        audit(AuditEvent.Kind.REVEAL_TAMPERED, id, who, purpose, asked, "integrity check failed");
      } catch (RuntimeException auditFailure) {
        e.addSuppressed(auditFailure);
      }
      throw e;
    } catch (RuntimeException e) {
      // Every permitted reveal leaves an entry, a failed one too (the type names the cause; a
      // message could carry more than a reason should). If the trail cannot be written either,
      // the reveal's own failure is what the caller sees.
      try {
        audit(AuditEvent.Kind.REVEAL_FAILED, id, who, purpose, asked,
            "failed: " + e.getClass().getSimpleName());
      } catch (RuntimeException auditFailure) {
        e.addSuppressed(auditFailure);
      }
      throw e;
    }
    if (record.isEmpty()) {
      audit(
          AuditEvent.Kind.REVEAL_NOT_FOUND,
          id,
          who,
          purpose,
          asked,
          "no such record, or past its retention");
      return record;
    }
    audit(
        AuditEvent.Kind.REVEAL_GRANTED,
        id,
        who,
        purpose,
        List.copyOf(record.get().fieldJson().keySet()),
        "granted");
    return record;
  }

  private void audit(
      AuditEvent.Kind kind,
      String id,
      Accessor who,
      String purpose,
      List<String> fields,
      String reason) {
    audit.record(
        new AuditEvent(
            clock.instant(), kind, schema.payloadType(), id, who.name(), purpose, fields, reason));
  }

  /** What one read saw: the keys it verifies with and the record's rows. */
  private record Snapshot(DataKeys keys, SealedRecord sealed) {}

  /** Reads of a record that may find the keyring moving under them before one transaction. */
  private static final int READS_WITHOUT_TRANSACTION = 3;

  /**
   * The record {@code id} and the keys at the keyring's state beside it. One statement reads both
   * from one snapshot, outside a transaction; if the keys had to be loaded and the keyring had
   * moved on by then (another instance rotating and destroying keys in between), the record is
   * read again, and after a few such reads in one transaction, as writes read it.
   */
  private Optional<Snapshot> snapshot(String id) {
    String what = "reading a " + schema.payloadType() + " record";
    for (int attempt = 0; attempt < READS_WITHOUT_TRANSACTION; attempt++) {
      Optional<Optional<Snapshot>> seen = database.withoutTransaction(what, connection -> {
        RecordRows.Read read = RecordRows.readWithKeyring(connection, schema.payloadType(), id);
        if (read.record().isEmpty()) {
          return Optional.of(Optional.empty());
        }
        DataKeys current = keys.keysAt(connection, read.keyGeneration(), read.keyRevision());
        if (current.generation() != read.keyGeneration()
            || current.revision() != read.keyRevision()) {
          return Optional.empty(); // loaded after the keyring moved on: read the record again
        }
        return Optional.of(read.record().map(sealed -> new Snapshot(current, sealed)));
      });
      if (seen.isPresent()) {
        return seen.get();
      }
    }
    return database.inTransaction(what, connection -> {
      DataKeys current = keys.forRead(connection);
      return RecordRows.read(connection, schema.payloadType(), id)
          .map(sealed -> new Snapshot(current, sealed));
    });
  }

  private Optional<StoredRecord> read(String id, Predicate<String> wanted) {
    Optional<Snapshot> snapshot = snapshot(id);
    if (snapshot.isEmpty()) {
      return Optional.empty();
    }
    // Opened after the read: day keys may come from another database (or pool).
    SealedRecord sealed = snapshot.get().sealed();
    long now = clock.millis();
    // The earlier of the expiry stored with the record and what the current schema allows: a
    // retention shortened since the record was stored reaches it too.
    Long recordCap = RecordCodec.cap(sealed.receivedAt(), schema.retainDays());
    Long recordExpiry = RecordCodec.effectiveExpiry(sealed.expiresAt(), recordCap);
    if (recordExpiry != null && now >= recordExpiry) {
      // Verified all the same: an expiry moved into the past is tampering, not expiry.
      RecordCodec.verify(snapshot.get().keys(), sealed);
      return Optional.empty();
    }
    OpenedFields opened =
        RecordCodec.open(
            snapshot.get().keys(),
            dayKeys,
            sealed,
            path -> schema.field(path).isPresent() && wanted.test(path),
            now,
            path -> RecordCodec.effectiveExpiry(
                schema.field(path)
                    .map(spec -> RecordCodec.cap(sealed.receivedAt(), spec.retainDays()))
                    .orElse(null),
                recordCap));
    // Schema order, not storage (path) order.
    Map<String, String> ordered = new LinkedHashMap<>();
    Set<String> expired = new LinkedHashSet<>();
    for (FieldSpec spec : schema.fields()) {
      String json = opened.json().get(spec.path());
      if (json != null) {
        ordered.put(spec.path(), json);
      } else if (opened.expired().contains(spec.path())
          || (wanted.test(spec.path()) && sweptAsExpired(spec, sealed, now))) {
        expired.add(spec.path());
      }
    }
    return Optional.of(
        new StoredRecord(
            id, schema.payloadType(), Instant.ofEpochMilli(sealed.receivedAt()), ordered, expired));
  }

  /** Whether an absent field is absent because the sweep removed it after its expiry. */
  private boolean sweptAsExpired(FieldSpec spec, SealedRecord sealed, long now) {
    Long fieldExpiry = expiry(Instant.ofEpochMilli(sealed.receivedAt()), spec.retainDays());
    return fieldExpiry != null && now >= fieldExpiry;
  }

  /**
   * A record to seal: its fields, and the tokens of the data subjects it is about (whose keys the
   * fields carry).
   */
  public record Plain(List<PlainField> fields, List<byte[]> subjectTokens) {

    /** The keys of the record's data subjects, which its fields are sealed under; none if none. */
    public List<SubjectKeyStore.SealingKey> subjectKeys() {
      return subjectTokens.isEmpty() ? List.of() : fields.get(0).subjectKeys();
    }

    /** The same fields, to be sealed under {@code keys} (one per subject token, in order). */
    public Plain withSubjectKeys(List<SubjectKeyStore.SealingKey> keys) {
      if (keys.size() != subjectTokens.size()) {
        throw new IllegalArgumentException(
            keys.size() + " keys for " + subjectTokens.size() + " data subjects");
      }
      List<SubjectKeyStore.SealingKey> shared = List.copyOf(keys); // one list for every field
      List<PlainField> resealed = new ArrayList<>(fields.size());
      for (PlainField field : fields) {
        resealed.add(new PlainField(field.path(), field.protection(), field.json(),
            field.expiresAt(), shared));
      }
      return new Plain(List.copyOf(resealed), subjectTokens);
    }
  }

  /**
   * The fields of a record received at {@code receivedAt}, canonical and with their expiry, in
   * schema order, with the keys of the data subjects the record is about. The day keys and subject
   * keys they will be sealed under are fetched (created if new) now, once the record is checked,
   * before any transaction, so sealing needs no second connection.
   *
   * @throws StoreException with {@code INVALID_REQUEST} for a path not in the schema or a value
   *     that is not a single JSON value
   */
  public static Plain plain(
      StoreSchema schema, RetentionKeyStore keyStore, Map<String, String> fieldJson,
      Instant receivedAt) {
    return plainAll(schema, keyStore, List.of(fieldJson), receivedAt).get(0);
  }

  /**
   * {@link #plain}, with the keys of the record's data subjects that the key store found a moment
   * ago when it found one for each ({@link SubjectKeyStore#recentlyFound}), and looked up only
   * otherwise. The record must then be written under {@link SubjectKeyStore#stillLive} of {@link
   * Plain#subjectKeys()}, or after checking them in its transaction.
   */
  public static Plain plainWithRecentKeys(
      StoreSchema schema, RetentionKeyStore keyStore, Map<String, String> fieldJson,
      Instant receivedAt) {
    SubjectKeyStore subjects = keyStore.subjectKeys();
    return plainAll(schema, keyStore, List.of(fieldJson), receivedAt,
        tokens -> subjects.recentlyFound(tokens).orElseGet(() -> subjects.forSealing(tokens)))
        .get(0);
  }

  /**
   * {@link #plain} of several records received at {@code receivedAt}, in order, whose subjects'
   * keys are fetched in one transaction of the key store (each subject once).
   */
  public static List<Plain> plainAll(
      StoreSchema schema, RetentionKeyStore keyStore, List<Map<String, String>> fieldJson,
      Instant receivedAt) {
    return plainAll(schema, keyStore, fieldJson, receivedAt, keyStore.subjectKeys()::forSealing);
  }

  /** {@link #plainAll}, with the subjects' keys from {@code subjectKeys} (given every token). */
  private static List<Plain> plainAll(
      StoreSchema schema, RetentionKeyStore keyStore, List<Map<String, String>> fieldJson,
      Instant receivedAt, Function<List<byte[]>, List<SubjectKeyStore.SealingKey>> subjectKeys) {
    List<Plain> unkeyed = new ArrayList<>(fieldJson.size());
    for (Map<String, String> document : fieldJson) {
      unkeyed.add(unkeyed(schema, keyStore, document, receivedAt));
    }
    return keyed(keyStore, unkeyed, subjectKeys);
  }

  /**
   * A record's fields, canonical and with their expiry, and its data subjects' tokens, without
   * their keys yet ({@link #keyed}).
   */
  private static Plain unkeyed(StoreSchema schema, RetentionKeyStore keyStore,
      Map<String, String> fieldJson, Instant receivedAt) {
    List<PlainField> fields = plainFields(schema, fieldJson, receivedAt);
    return new Plain(fields, subjectTokens(schema, keyStore, fields));
  }

  /**
   * {@code records}, {@link #unkeyed}, with the keys of their data subjects, from {@code
   * subjectKeys} given every record's tokens at once.
   */
  private static List<Plain> keyed(RetentionKeyStore keyStore, List<Plain> records,
      Function<List<byte[]>, List<SubjectKeyStore.SealingKey>> subjectKeys) {
    // The day keys of the randomized fields' expiry days, each day once, fetched (created if new)
    // only now that every record is checked.
    Set<Long> days = new java.util.TreeSet<>();
    for (Plain record : records) {
      for (PlainField field : record.fields()) {
        if (field.protection() == Protection.RANDOMIZED && field.expiresAt() != null) {
          days.add(RetentionKeyStore.dayOf(field.expiresAt()));
        }
      }
    }
    days.forEach(keyStore::forSealing);
    List<byte[]> allTokens = new ArrayList<>();
    records.forEach(record -> allTokens.addAll(record.subjectTokens()));
    List<SubjectKeyStore.SealingKey> allKeys =
        allTokens.isEmpty() ? List.of() : subjectKeys.apply(allTokens);
    List<Plain> plain = new ArrayList<>(records.size());
    int from = 0;
    for (Plain record : records) {
      int count = record.subjectTokens().size();
      plain.add(count == 0 ? record : record.withSubjectKeys(allKeys.subList(from, from + count)));
      from += count;
    }
    return plain;
  }

  /** The tokens of the data subjects a record of {@code fields} is about, checked for number. */
  private static List<byte[]> subjectTokens(
      StoreSchema schema, RetentionKeyStore keyStore, List<PlainField> fields) {
    if (schema.subjects().isEmpty()) {
      return List.of();
    }
    Map<String, String> canonical = new LinkedHashMap<>();
    fields.forEach(field -> canonical.put(field.path(), field.json()));
    List<String> subjects = SubjectValues.of(schema, canonical);
    if (subjects.size() > RecordCodec.MAX_SUBJECTS) {
      // Refused before any key is created: a sender cannot make the key store grow by lists.
      throw new StoreException(StoreException.Reason.INVALID_REQUEST,
          "a " + schema.payloadType() + " record names " + subjects.size()
              + " data subjects; at most " + RecordCodec.MAX_SUBJECTS + " are kept per record");
    }
    List<byte[]> tokens = new ArrayList<>(subjects.size());
    for (String subject : subjects) {
      tokens.add(keyStore.subjectKeys().token(subject));
    }
    return List.copyOf(tokens);
  }

  /** The fields of one record, checked and canonical; no key is read or made here. */
  private static List<PlainField> plainFields(
      StoreSchema schema, Map<String, String> fieldJson, Instant receivedAt) {
    Objects.requireNonNull(fieldJson, "fieldJson");
    // Every path must be the schema's: counted by hash look-ups, and only a call that fails looks
    // for which path is unknown.
    int known = 0;
    for (FieldSpec spec : schema.fields()) {
      if (fieldJson.containsKey(spec.path())) {
        known++;
      }
    }
    if (known < fieldJson.size()) {
      for (String path : fieldJson.keySet()) {
        if (schema.field(path).isEmpty()) {
          throw new StoreException(
              StoreException.Reason.INVALID_REQUEST,
              "field " + path + " is not in the schema of " + schema.payloadType());
        }
      }
    }
    Long recordExpiry = expiry(receivedAt, schema.retainDays());
    // What a generated store's writer wrote is one compact JSON text per field already; only a
    // deterministic field's text is made canonical (its lookup token is of those bytes, and must
    // equal the token of the value as any caller of idsByValue writes it).
    boolean written = StoredDocuments.isWritten(fieldJson);
    List<PlainField> fields = new ArrayList<>();
    for (FieldSpec spec : schema.fields()) {
      String json = fieldJson.get(spec.path());
      if (json == null && !fieldJson.containsKey(spec.path())) {
        continue;
      }
      String canonical = written && spec.protection() != Protection.DETERMINISTIC
          ? json
          : CanonicalJson.canonical(json == null ? "null" : json, spec.path());
      Long fieldExpiry =
          RecordCodec.effectiveExpiry(expiry(receivedAt, spec.retainDays()), recordExpiry);
      fields.add(new PlainField(spec.path(), spec.protection(), canonical, fieldExpiry));
    }
    return fields;
  }

  private SealedRecord seal(
      DataKeys current, String id, long receivedAt, Long recordExpiry, Plain plain) {
    try {
      return RecordCodec.seal(current, dayKeys, schema.payloadType(), id, receivedAt,
          recordExpiry, plain.fields(), plain.subjectTokens());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the data keys cannot seal a record", e);
    }
  }

  static Long expiry(Instant receivedAt, OptionalInt retainDays) {
    return retainDays.isPresent()
        ? receivedAt.plus(Duration.ofDays(retainDays.getAsInt())).toEpochMilli()
        : null;
  }

  private void requireId(String id) {
    Objects.requireNonNull(id, "id");
    if (id.isEmpty()) {
      throw new StoreException(StoreException.Reason.INVALID_REQUEST, "a record id is empty");
    }
  }

  @Override
  public String toString() {
    return "PayloadTable[" + schema.payloadType() + " in " + database + "]";
  }
}
