package dev.hookguard.runtime.store.internal;

import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.internal.jdbc.Dialect;
import dev.hookguard.runtime.internal.jdbc.Precondition;
import dev.hookguard.runtime.internal.jdbc.RowInsert;
import dev.hookguard.runtime.internal.keys.DataKeys;
import dev.hookguard.runtime.internal.keys.KeyRing;
import dev.hookguard.runtime.internal.keys.RetentionKeyStore;
import dev.hookguard.runtime.internal.keys.SubjectKeyStore;
import dev.hookguard.runtime.internal.records.RecordCodec;
import dev.hookguard.runtime.internal.records.RecordCodec.PlainField;
import dev.hookguard.runtime.internal.records.RecordCodec.SealedRecord;
import dev.hookguard.runtime.internal.records.RecordRows;
import dev.hookguard.runtime.store.StoreException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stores receipts: a verified webhook's record, keyed by its message id, together with whatever
 * else must commit with it (its audit entry, later an outbox row), in one transaction.
 *
 * <p><b>Group commit.</b> Request threads seal their records themselves (the CPU work runs in
 * parallel) and hand them to a writer thread (one on SQLite, {@value #POSTGRES_WRITERS} on
 * PostgreSQL), which commits everything waiting in one transaction: one commit, one {@code
 * fsync}, for many receipts. Each request returns once the transaction holding its receipt is
 * durably committed. On SQLite this replaces a queue of single-receipt transactions on the one
 * connection. On PostgreSQL a batch that is all new, the common case, is one round trip to the
 * server, commit included; one that is not is rolled back and written receipt by receipt. If a
 * batch fails, its receipts are retried one by one, so one bad receipt fails alone.
 *
 * <p><b>Duplicates.</b> The record's primary key (payload type, message id) decides: an insert
 * that finds the key taken writes nothing, and the stored record's <em>receipt tag</em> (a MAC
 * under the store's keyring over the payload type, the id and the body's SHA-256) tells a
 * redelivery of the same body from another body under the same id. The tag is keyed so that it
 * cannot confirm a guess of a body's encrypted values. Two instances on one PostgreSQL storing
 * one id at once: the second insert waits for the first to commit and then finds the key taken.
 * Within a batch receipts are written in key order, so two instances' batches cannot deadlock.
 *
 * <p><b>Unsigned message ids.</b> GitHub and Shopify sign the body but not the delivery id, so a
 * captured delivery can be resent under any id. For such receipts the body itself identifies the
 * delivery: the record also carries a keyed token of the body, unique per payload type, and a
 * second receipt with the same body is a duplicate whatever its id.
 *
 * <p><b>Forgetting.</b> Tag and token are deterministic functions of the body, so whoever holds
 * the keyring could confirm a guess of a value in it. They are kept only until the record's
 * earliest expiry (of the record or of any field): from then on they are ignored, and the
 * retention sweep erases them, so a crypto-shredded value cannot be confirmed through them.
 */
public final class Receipts implements AutoCloseable {

  /** What became of a receipt. */
  public enum Outcome {
    STORED,
    DUPLICATE,
    CONFLICT
  }

  /** What else a stored receipt writes in its transaction, such as its audit entry. */
  @FunctionalInterface
  public interface Participant {
    /**
     * The rows to insert for every receipt of {@code stored}, in their transaction; on
     * PostgreSQL they are sent in one round trip with the receipts' own rows. Called again if
     * the batch is written a second time, receipt by receipt: it must only make the rows.
     */
    List<RowInsert> rows(List<Stored> stored);
  }

  /**
   * A receipt being committed, as participants see it.
   *
   * @param expiresAt the record's earliest expiry (of the record or of any field), epoch millis,
   *     or null if it has none
   * @param forward what to forward of it through the outbox, or null
   */
  public record Stored(
      String payloadType, String messageId, Instant receivedAt, Long expiresAt, Forward forward) {

    /** A receipt with no expiry and nothing to forward. */
    public Stored(String payloadType, String messageId, Instant receivedAt) {
      this(payloadType, messageId, receivedAt, null, null);
    }
  }

  /**
   * What a receipt forwards through the outbox, made by its request thread.
   *
   * @param topic where it is published
   * @param payloadJson the redacted (minimized) JSON of the payload
   */
  public record Forward(String topic, String payloadJson) {

    /** Checks the components. */
    public Forward {
      Objects.requireNonNull(topic, "topic");
      Objects.requireNonNull(payloadJson, "payloadJson");
    }

    /** Names the topic; leaves the JSON out. */
    @Override
    public String toString() {
      return "Forward[" + topic + "]";
    }
  }

  /**
   * Writer threads on PostgreSQL, each committing its batches on its own connection: one batch is
   * sent while the other waits for its commit. More writers make smaller batches: at 32 clients
   * on two cores, four cost 0.30 to 0.33 ms of CPU (JVM and server) per receipt against 0.27 to
   * 0.28 for two, for less throughput (docs/BENCHMARKS.md). SQLite has one writer: its
   * transactions are serialized anyway.
   */
  static final int POSTGRES_WRITERS = 2;

  /** Most receipts in one transaction. */
  static final int MAX_BATCH = 256;

  private static final String TAG_DOMAIN = "hookguard.receipt.tag.v1";
  private static final String TOKEN_DOMAIN = "hookguard.receipt.body-token.v1";

  /** The longest a request waits for its receipt's commit before it is told to retry. */
  static final java.time.Duration MAX_WAIT = java.time.Duration.ofSeconds(60);

  private final Database database;
  private final KeyRing keys;
  private final RetentionKeyStore dayKeys;
  private final Clock clock;
  private final Participant participant;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final java.util.concurrent.locks.ReentrantLock submitLock =
      new java.util.concurrent.locks.ReentrantLock();
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean closed;
  /** Batches written again receipt by receipt after their all-new attempt was rolled back. */
  private final java.util.concurrent.atomic.AtomicLong rewritten =
      new java.util.concurrent.atomic.AtomicLong();
  /** Whether the writers run; guarded by {@link #submitLock}. */
  private boolean started;
  /**
   * With the key store in the same database: a request seals under the data subjects' keys found
   * a moment ago ({@link JdbcPayloadTable#plainWithRecentKeys}), and the writer checks them in the
   * receipts' transaction (on PostgreSQL in its one round trip, else by reading them).
   */
  private final boolean recentSubjectKeys;

  /** Receipts in {@code database}; {@code participant} writes with every batch. */
  public Receipts(
      Database database,
      KeyRing keys,
      RetentionKeyStore dayKeys,
      Clock clock,
      Participant participant) {
    this(database, keys, dayKeys, clock, participant,
        database.dialect() == Dialect.POSTGRESQL ? POSTGRES_WRITERS : 1);
  }

  /** Receipts with {@code writers} writer threads (tests: one, to see batches form). */
  Receipts(
      Database database,
      KeyRing keys,
      RetentionKeyStore dayKeys,
      Clock clock,
      Participant participant,
      int writerCount) {
    this.database = Objects.requireNonNull(database, "database");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.dayKeys = Objects.requireNonNull(dayKeys, "dayKeys");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.participant = Objects.requireNonNull(participant, "participant");
    this.recentSubjectKeys = dayKeys.subjectKeys().isIn(database);
    for (int i = 0; i < writerCount; i++) {
      Thread writer = new Thread(this::writeLoop, "hookguard-receipts-" + i);
      writer.setDaemon(true);
      writers.add(writer);
    }
  }

  /**
   * Whether {@code messageId} is stored as a record of {@code schema}'s type: empty if not, else
   * {@link Outcome#DUPLICATE} when it was stored from {@code body} and {@link Outcome#CONFLICT}
   * when from another body. Writes nothing.
   */
  public Optional<Outcome> find(
      StoreSchema schema, String messageId, byte[] body, boolean bodyIdentifies) {
    requireId(messageId);
    byte[] digest = sha256(body);
    byte[] tagInput = tagInput(schema.payloadType(), messageId, digest);
    byte[] tokenInput = bodyIdentifies ? tokenInput(schema.payloadType(), digest) : null;
    long now = clock.millis();
    // Read-only, and only advice (the store's insert decides): no transaction of its own, so no
    // BEGIN and COMMIT round trips on PostgreSQL and no write lock on SQLite.
    return database.withoutTransaction(
        "looking up a " + schema.payloadType() + " receipt",
        connection -> {
          DataKeys current = keys.forRead(connection);
          Optional<Outcome> byId =
              compare(connection, current, schema.payloadType(), messageId, tagInput, now);
          if (byId.isPresent() || tokenInput == null) {
            return byId;
          }
          return sameBody(connection, current, schema.payloadType(), tokenInput, now);
        });
  }

  /**
   * Stores the record of {@code fieldJson} under {@code messageId}, with every participant's
   * rows, and returns once committed; or finds the id (or, if {@code bodyIdentifies}, the body)
   * taken and writes nothing.
   *
   * @param bodyIdentifies whether the body, not the id, identifies the delivery (the id is not
   *     signed): a stored receipt with the same body is then a duplicate, whatever its id
   * @throws StoreException if the receipt could not be stored; nothing of it was
   */
  public Outcome store(
      StoreSchema schema,
      String messageId,
      byte[] body,
      Map<String, String> fieldJson,
      boolean bodyIdentifies) {
    return store(schema, messageId, body, fieldJson, bodyIdentifies, null);
  }

  /**
   * {@link #store(StoreSchema, String, byte[], Map, boolean)}, and if {@code forward} is not null,
   * what the outbox forwards of it, written by the participant in the same transaction.
   */
  public Outcome store(
      StoreSchema schema,
      String messageId,
      byte[] body,
      Map<String, String> fieldJson,
      boolean bodyIdentifies,
      Forward forward) {
    requireId(messageId);
    Instant receivedAt = clock.instant();
    JdbcPayloadTable.Plain plain = recentSubjectKeys
        ? JdbcPayloadTable.plainWithRecentKeys(schema, dayKeys, fieldJson, receivedAt)
        : JdbcPayloadTable.plain(schema, dayKeys, fieldJson, receivedAt);
    List<PlainField> fields = plain.fields();
    Long expiresAt = JdbcPayloadTable.expiry(receivedAt, schema.retainDays());
    byte[] digest = sha256(body);
    byte[] tagInput = tagInput(schema.payloadType(), messageId, digest);
    byte[] tokenInput = bodyIdentifies ? tokenInput(schema.payloadType(), digest) : null;
    DataKeys sealingKeys = keys.cached();
    Pending pending =
        new Pending(
            schema.payloadType(),
            messageId,
            receivedAt,
            expiresAt,
            plain,
            tagInput,
            tokenInput,
            earliestExpiry(expiresAt, fields),
            sealingKeys,
            seal(sealingKeys, schema.payloadType(), messageId, receivedAt, expiresAt, plain),
            tag(sealingKeys, tagInput),
            tokenInput == null ? null : primaryToken(sealingKeys, tokenInput),
            forward,
            new CompletableFuture<>());
    submitLock.lock();
    try {
      if (closed) {
        throw new StoreException(StoreException.Reason.DATABASE_ERROR, "the store is closed");
      }
      if (!started) {
        // Started with the first receipt: a HookGuard that only puts and reads runs no writer.
        writers.forEach(Thread::start);
        started = true;
      }
      queue.add(pending);
    } finally {
      submitLock.unlock();
    }
    try {
      return pending.result.get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // The writer is stuck behind an unavailable database: tell the sender to retry. The
      // receipt may still commit later; its redelivery is then a duplicate.
      throw new StoreException(
          StoreException.Reason.DATABASE_ERROR, "storing a receipt took over " + MAX_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(
          StoreException.Reason.DATABASE_ERROR, "interrupted while storing a receipt", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new StoreException(
          StoreException.Reason.DATABASE_ERROR, "storing a receipt failed", e.getCause());
    }
  }

  /** Commits what is waiting, stops the writer, and refuses further receipts. */
  @Override
  public void close() {
    submitLock.lock();
    try {
      closed = true;
    } finally {
      submitLock.unlock();
    }
    try {
      for (Thread writer : writers) {
        writer.join(TimeUnit.SECONDS.toMillis(30));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Pending left;
    while ((left = queue.poll()) != null) {
      left.result.completeExceptionally(
          new StoreException(StoreException.Reason.DATABASE_ERROR, "the store is closed"));
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** A receipt sealed by its request thread, waiting for the writer. */
  private record Pending(
      String payloadType,
      String messageId,
      Instant receivedAt,
      Long expiresAt,
      JdbcPayloadTable.Plain plain,
      byte[] tagInput,
      byte[] tokenInput,
      Long receiptExpiresAt,
      DataKeys sealingKeys,
      SealedRecord sealed,
      byte[] tag,
      byte[] token,
      Forward forward,
      CompletableFuture<Outcome> result) {

    /** Names the receipt, never its fields' values. */
    @Override
    public String toString() {
      return "Pending[" + payloadType + " " + messageId + "]";
    }
  }

  private static final Comparator<Pending> KEY_ORDER =
      Comparator.comparing(Pending::payloadType).thenComparing(Pending::messageId);

  private void writeLoop() {
    while (!closed || !queue.isEmpty()) {
      Pending first;
      try {
        first = queue.poll(50, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        continue;
      }
      if (first == null) {
        continue;
      }
      List<Pending> batch = new ArrayList<>();
      batch.add(first);
      queue.drainTo(batch, MAX_BATCH - 1);
      try {
        commit(batch);
      } catch (Throwable t) {
        // Never leave a request waiting, whatever broke.
        for (Pending pending : batch) {
          pending.result.completeExceptionally(t);
        }
      }
    }
  }

  private void commit(List<Pending> batch) {
    Map<Pending, Outcome> outcomes;
    try {
      outcomes = transaction(batch);
    } catch (RuntimeException e) {
      if (batch.size() == 1 || !causedByData(e)) {
        // The database is unavailable (busy, unreachable, full): everyone retries later, at
        // once, rather than each waiting for the same timeout again.
        for (Pending pending : batch) {
          pending.result.completeExceptionally(e);
        }
      } else {
        // One receipt may be what failed the batch: each alone, so the others still commit.
        for (Pending pending : batch) {
          commit(List.of(pending));
        }
      }
      return;
    }
    for (Pending pending : batch) {
      pending.result.complete(outcomes.get(pending));
    }
  }

  /**
   * Writes {@code batch} in one transaction. On PostgreSQL it first assumes what is nearly always
   * so, that every receipt is new and the keys have not changed since the requests sealed, and
   * writes and commits it in one round trip ({@link #writeAllNew}); if that turns out wrong, that
   * transaction is rolled back and the batch written again receipt by receipt ({@link #write}).
   */
  private Map<Pending, Outcome> transaction(List<Pending> batch) {
    String what = "storing " + batch.size() + " receipt" + (batch.size() == 1 ? "" : "s");
    if (database.dialect() == Dialect.POSTGRESQL && allNewIsPossible(batch)) {
      Map<Pending, Outcome> outcomes = writeAllNew(what, batch);
      if (outcomes != null) {
        return outcomes;
      }
      // Written again below, deciding receipt by receipt.
      rewritten.incrementAndGet();
    }
    return database.inTransaction(what, connection -> write(connection, batch));
  }

  /** Batches written twice: first as all new, then (not all new after all) one by one. */
  long rewrittenBatches() {
    return rewritten.get();
  }

  /**
   * Whether {@code batch} may be written by {@link #writeAllNew}: sealed under one set of keys
   * whose body tokens have one value each (no token of an older key to look for).
   */
  private static boolean allNewIsPossible(List<Pending> batch) {
    DataKeys sealing = batch.get(0).sealingKeys();
    for (Pending pending : batch) {
      if (!sameKeys(pending.sealingKeys(), sealing)
          || (pending.token() != null && !sealing.hasOneTokenKey())) {
        return false;
      }
    }
    return true;
  }

  /**
   * PostgreSQL, the common case: the whole transaction in one round trip ({@link
   * RecordRows#writeAllNew}): the record rows (refused if any unique key of a row is taken: its
   * id, or its body token), the rows they need beside their own and the participants' rows, under
   * a check that the keys are still those the requests sealed with, then {@code COMMIT}. If the
   * server refused any of it, nothing is written and null is returned: {@link #write} then looks
   * each receipt up.
   */
  private Map<Pending, Outcome> writeAllNew(String what, List<Pending> batch) {
    DataKeys sealing = batch.get(0).sealingKeys();
    List<Pending> ordered = new ArrayList<>(batch);
    ordered.sort(KEY_ORDER);
    List<RecordRows.ReceiptRow> rows = new ArrayList<>(ordered.size());
    List<SealedRecord> records = new ArrayList<>(ordered.size());
    List<Stored> stored = new ArrayList<>(ordered.size());
    for (Pending pending : ordered) {
      rows.add(new RecordRows.ReceiptRow(
          pending.sealed(), pending.tag(), pending.token(), pending.receiptExpiresAt()));
      records.add(pending.sealed());
      stored.add(new Stored(pending.payloadType(), pending.messageId(), pending.receivedAt(),
          pending.receiptExpiresAt(), pending.forward()));
    }
    List<RowInsert> others = new ArrayList<>(RecordRows.fieldInserts(records));
    for (RowInsert insert : participant.rows(stored)) {
      if (!insert.isEmpty()) {
        others.add(insert);
      }
    }
    List<SubjectKeyStore.SealingKey> subjectKeys = new ArrayList<>();
    if (recentSubjectKeys) {
      ordered.forEach(pending -> subjectKeys.addAll(pending.plain().subjectKeys()));
    }
    List<Precondition> checks = subjectKeys.isEmpty()
        ? List.of()
        : List.of(dayKeys.subjectKeys().stillLive(subjectKeys));
    if (!RecordRows.writeAllNew(database, what, keys, sealing, checks, rows, others)) {
      // The keys changed, a receipt was not new (a duplicate, a conflict, an id twice in the
      // batch), a participant's row was refused (an outbox row of a duplicate), or the database
      // failed: receipt by receipt, which reports what is really a failure.
      return null;
    }
    Map<Pending, Outcome> outcomes = new IdentityHashMap<>();
    for (Pending pending : ordered) {
      outcomes.put(pending, Outcome.STORED);
    }
    return outcomes;
  }

  private Map<Pending, Outcome> write(Connection connection, List<Pending> batch)
      throws SQLException {
    DataKeys current = keys.forWrite(connection);
    long now = clock.millis();
    List<Pending> ordered = new ArrayList<>(batch);
    ordered.sort(KEY_ORDER);
    Map<Pending, Outcome> outcomes = new IdentityHashMap<>();
    Map<Pending, JdbcPayloadTable.Plain> resealed = subjectKeysDestroyedSince(connection, ordered);

    // Bodies that identify their delivery and are stored already, looked up at once.
    Map<Pending, List<byte[]>> tokens = new IdentityHashMap<>();
    for (Pending pending : ordered) {
      if (pending.tokenInput() != null) {
        tokens.put(pending, allTokens(current, pending.tokenInput()));
      }
    }
    Map<String, List<byte[]>> byType = new java.util.TreeMap<>();
    tokens.forEach((pending, all) ->
        byType.computeIfAbsent(pending.payloadType(), t -> new ArrayList<>()).addAll(all));
    Set<String> present = new HashSet<>();
    for (Map.Entry<String, List<byte[]>> type : byType.entrySet()) {
      present.addAll(
          RecordRows.presentBodyTokens(connection, type.getKey(), type.getValue(), now));
    }

    List<Pending> candidates = new ArrayList<>();
    List<RecordRows.ReceiptRow> rows = new ArrayList<>();
    Set<String> seenInBatch = new HashSet<>();
    for (Pending pending : ordered) {
      byte[] token = null;
      if (pending.tokenInput() != null) {
        // The primary key's token is the one stored; any key's found means stored before.
        List<byte[]> all = tokens.get(pending);
        token = all.get(0);
        boolean stored = false;
        for (byte[] candidate : all) {
          stored |= present.contains(RecordRows.tokenKey(pending.payloadType(), candidate));
        }
        if (stored || !seenInBatch.add(RecordRows.tokenKey(pending.payloadType(), token))) {
          outcomes.put(pending, Outcome.DUPLICATE);
          continue;
        }
      }
      SealedRecord record = pending.sealed();
      byte[] tag = pending.tag();
      JdbcPayloadTable.Plain newKeys = resealed.get(pending);
      if (newKeys != null) {
        // A data subject's key was destroyed since the request sealed: under the new one.
        record = seal(current, pending.payloadType(), pending.messageId(), pending.receivedAt(),
            pending.expiresAt(), newKeys);
        tag = tag(current, pending.tagInput());
      } else if (!sameKeys(current, pending.sealingKeys())) {
        // The keys were rotated since the request sealed: seal again under the current ones.
        record = seal(current, pending.payloadType(), pending.messageId(), pending.receivedAt(),
            pending.expiresAt(), pending.plain());
        tag = tag(current, pending.tagInput());
      }
      candidates.add(pending);
      rows.add(new RecordRows.ReceiptRow(record, tag, token, pending.receiptExpiresAt()));
    }

    // A token kept past its receipt's expiry (not yet erased by a sweep) is ignored, so its body
    // is new again: erase it now, or it would stand in the new record's way.
    Map<String, List<byte[]>> newTokens = new java.util.TreeMap<>();
    for (RecordRows.ReceiptRow row : rows) {
      if (row.bodyToken() != null) {
        newTokens.computeIfAbsent(row.record().payloadType(), t -> new ArrayList<>())
            .add(row.bodyToken());
      }
    }
    for (Map.Entry<String, List<byte[]>> type : newTokens.entrySet()) {
      RecordRows.forgetExpiredBodyTokens(connection, type.getKey(), type.getValue(), now);
    }

    boolean[] inserted = RecordRows.insertReceipts(connection, database.dialect(), rows);
    List<SealedRecord> insertedRecords = new ArrayList<>();
    List<Stored> stored = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Pending pending = candidates.get(i);
      if (inserted[i]) {
        insertedRecords.add(rows.get(i).record());
        stored.add(new Stored(pending.payloadType(), pending.messageId(), pending.receivedAt(),
            pending.receiptExpiresAt(), pending.forward()));
        outcomes.put(pending, Outcome.STORED);
      } else {
        outcomes.put(
            pending,
            compare(connection, current, pending.payloadType(), pending.messageId(),
                    pending.tagInput(), now)
                // Deleted since the insert found it: it was stored, so a redelivery.
                .orElse(Outcome.DUPLICATE));
      }
    }
    RecordRows.insertFields(connection, insertedRecords);
    if (!stored.isEmpty()) {
      for (RowInsert insert : participant.rows(stored)) {
        insert.execute(connection);
      }
    }
    return outcomes;
  }

  /**
   * With recent subject keys: the receipts of {@code batch} sealed under a data subject's key that
   * an erasure has destroyed since (read in this transaction), each with its fields to be sealed
   * under keys looked up now in this transaction (a new key for a person erased, created with the
   * receipts). Empty otherwise.
   */
  private Map<Pending, JdbcPayloadTable.Plain> subjectKeysDestroyedSince(
      Connection connection, List<Pending> batch) throws SQLException {
    Map<Pending, JdbcPayloadTable.Plain> resealed = new IdentityHashMap<>();
    if (!recentSubjectKeys) {
      return resealed;
    }
    List<JdbcPayloadTable.Plain> sealedWith = new ArrayList<>(batch.size());
    batch.forEach(pending -> sealedWith.add(pending.plain()));
    List<JdbcPayloadTable.Plain> live =
        JdbcPayloadTable.withLiveSubjectKeys(connection, dayKeys.subjectKeys(), sealedWith);
    for (int i = 0; i < batch.size(); i++) {
      if (live.get(i) != sealedWith.get(i)) {
        resealed.put(batch.get(i), live.get(i));
      }
    }
    return resealed;
  }

  /** The tokens of {@code tokenInput} under every PRF key, the primary key's first. */
  private static List<byte[]> allTokens(DataKeys keys, byte[] tokenInput) {
    try {
      List<byte[]> all = new ArrayList<>();
      byte[] primary = keys.primaryToken(tokenInput);
      all.add(primary);
      for (byte[] token : keys.allTokens(tokenInput)) {
        if (!java.util.Arrays.equals(token, primary)) {
          all.add(token);
        }
      }
      return all;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the PRF keyset cannot compute tokens", e);
    }
  }

  private static byte[] primaryToken(DataKeys keys, byte[] tokenInput) {
    try {
      return keys.primaryToken(tokenInput);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the PRF keyset cannot compute tokens", e);
    }
  }

  private static boolean sameKeys(DataKeys a, DataKeys b) {
    return a.generation() == b.generation() && a.revision() == b.revision();
  }

  private static Optional<Outcome> compare(
      Connection connection,
      DataKeys keys,
      String payloadType,
      String messageId,
      byte[] tagInput,
      long now)
      throws SQLException {
    Optional<byte[]> tag = RecordRows.receiptTag(connection, payloadType, messageId, now);
    if (tag.isEmpty()) {
      return Optional.empty();
    }
    if (tag.get().length == 0 || !keys.hasMacKeyFor(tag.get())) {
      // The body is not known (stored by a plain put, tag forgotten at the record's earliest
      // expiry, or made by a key since destroyed); the event is stored: a redelivery.
      return Optional.of(Outcome.DUPLICATE);
    }
    try {
      keys.verifyMac(tag.get(), tagInput);
      return Optional.of(Outcome.DUPLICATE);
    } catch (GeneralSecurityException e) {
      return Optional.of(Outcome.CONFLICT);
    }
  }

  /** A stored receipt of the same body (its token under any current key), as a duplicate. */
  private static Optional<Outcome> sameBody(
      Connection connection, DataKeys keys, String payloadType, byte[] tokenInput, long now)
      throws SQLException {
    List<byte[]> tokens;
    try {
      tokens = keys.allTokens(tokenInput);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the PRF keyset cannot compute tokens", e);
    }
    return !RecordRows.presentBodyTokens(connection, payloadType, tokens, now).isEmpty()
        ? Optional.of(Outcome.DUPLICATE)
        : Optional.empty();
  }

  /** Whether a failed batch failed for what one of its receipts holds, not for the database. */
  private static boolean causedByData(RuntimeException e) {
    if (!(e.getCause() instanceof SQLException sql)) {
      return true;
    }
    String state = sql.getSQLState();
    if (state != null) {
      // Data exceptions and integrity violations; anything else (connection, resources,
      // operator intervention, timeouts) is the database's state, not a receipt's.
      return state.startsWith("22") || state.startsWith("23");
    }
    // SQLite: SQLITE_CONSTRAINT (19), SQLITE_MISMATCH (20), SQLITE_TOOBIG (18).
    int code = sql.getErrorCode() & 0xff;
    return code == 19 || code == 20 || code == 18;
  }

  private static Long earliestExpiry(Long recordExpiry, List<PlainField> fields) {
    Long earliest = recordExpiry;
    for (PlainField field : fields) {
      if (field.expiresAt() != null && (earliest == null || field.expiresAt() < earliest)) {
        earliest = field.expiresAt();
      }
    }
    return earliest;
  }

  private SealedRecord seal(
      DataKeys keys,
      String payloadType,
      String id,
      Instant receivedAt,
      Long expiresAt,
      JdbcPayloadTable.Plain plain) {
    try {
      return RecordCodec.seal(keys, dayKeys, payloadType, id, receivedAt.toEpochMilli(),
          expiresAt, plain.fields(), plain.subjectTokens());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the data keys cannot seal a record", e);
    }
  }

  private static byte[] tag(DataKeys keys, byte[] tagInput) {
    try {
      return keys.mac(tagInput);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the data keys cannot tag a receipt", e);
    }
  }

  /** Domain, payload type, message id (each length-prefixed) and the body's SHA-256. */
  static byte[] tagInput(String payloadType, String messageId, byte[] bodyDigest) {
    return encode(List.of(TAG_DOMAIN, payloadType, messageId), bodyDigest);
  }

  /** Domain, payload type (each length-prefixed) and the body's SHA-256. */
  static byte[] tokenInput(String payloadType, byte[] bodyDigest) {
    return encode(List.of(TOKEN_DOMAIN, payloadType), bodyDigest);
  }

  private static byte[] encode(List<String> texts, byte[] digest) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      for (String text : texts) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
      }
      out.write(digest);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] sha256(byte[] body) {
    Objects.requireNonNull(body, "body");
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  private static void requireId(String messageId) {
    Objects.requireNonNull(messageId, "messageId");
    if (messageId.isEmpty()) {
      throw new StoreException(StoreException.Reason.INVALID_REQUEST, "a message id is empty");
    }
  }

  @Override
  public String toString() {
    return "Receipts[" + database + "]";
  }
}
