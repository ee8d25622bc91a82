package dev.hookguard.runtime.retention.internal;

import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.audit.AuditSink;
import dev.hookguard.runtime.crypto.KeyException;
import dev.hookguard.runtime.internal.AuditQueue;
import dev.hookguard.runtime.generated.FieldSpec;
import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.internal.jdbc.Dialect;
import dev.hookguard.runtime.internal.keys.DataKeys;
import dev.hookguard.runtime.internal.keys.KeyRing;
import dev.hookguard.runtime.internal.keys.RetentionKeyStore;
import dev.hookguard.runtime.internal.records.PackedFields;
import dev.hookguard.runtime.internal.records.RecordCodec;
import dev.hookguard.runtime.internal.records.RecordCodec.SealedField;
import dev.hookguard.runtime.internal.records.RecordCodec.SealedRecord;
import dev.hookguard.runtime.internal.records.RecordRows;
import dev.hookguard.runtime.retention.SweepOptions;
import dev.hookguard.runtime.retention.SweepProgress;
import dev.hookguard.runtime.retention.SweepReport;
import dev.hookguard.runtime.store.TamperedRecordException;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sweeps: destroys the day keys of past days (crypto-shredding), then deletes expired records and
 * expired fields in batches, each batch one transaction holding its audit entries.
 *
 * <p>It keeps no state of its own beyond a journal row: what is left to do is what is still
 * expired in the tables, so a sweep that stopped anywhere (crash, kill, exception) leaves every
 * record whole and the next sweep simply finds the rest. Batches are claimed with {@code FOR
 * UPDATE SKIP LOCKED} on PostgreSQL, so concurrent sweepers take disjoint rows; each delete
 * re-checks the expiry and counts only rows it removed itself. On SQLite, write transactions are
 * exclusive anyway.
 */
final class Sweeper {

  private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);
  private static final String SWEEPER = "retention-sweeper";
  private static final String PURPOSE = "retention";

  private final Database database;
  private final KeyRing keys;
  private final RetentionKeyStore dayKeys;
  private final Clock clock;
  private final AuditSink audit;
  private final AuditQueue queue;
  private final Supplier<Collection<StoreSchema>> schemas;
  /** A truncation a reader blocked: the next sweep truncates even if it deletes nothing. */
  private volatile boolean walPending;

  Sweeper(
      Database database,
      KeyRing keys,
      RetentionKeyStore dayKeys,
      Clock clock,
      AuditSink audit,
      AuditQueue queue,
      Supplier<Collection<StoreSchema>> schemas) {
    this.database = database;
    this.keys = keys;
    this.dayKeys = dayKeys;
    this.clock = clock;
    this.audit = audit;
    this.queue = queue;
    this.schemas = schemas;
  }

  /**
   * Records past their retention: past the expiry stored with them, or, for a payload type whose
   * schema (as this instance opened it) now keeps records fewer days, received before the cutoff
   * minus those days. As SQL over {@code hg_records}, with its parameters after {@code cutoff}.
   */
  /**
   * Which records are expired at {@code cutoff}: past the expiry stored with them, or received
   * longer ago than the current schema keeps their type ({@code shortened}: a retention shortened
   * since they were stored), with the parameters of each condition.
   */
  private record Expired(
      long cutoff, String shortened, List<Object> shortenedParameters) {

    static Expired of(Collection<StoreSchema> schemas, long cutoff) {
      List<String> conditions = new ArrayList<>();
      List<Object> parameters = new ArrayList<>();
      for (StoreSchema schema : schemas) {
        if (schema.retainDays().isPresent()) {
          conditions.add("(payload_type = ? AND received_at <= ?)");
          parameters.add(schema.payloadType());
          parameters.add(RecordCodec.retainedAfter(cutoff, schema.retainDays()));
        }
      }
      return new Expired(cutoff, conditions.isEmpty() ? null : String.join(" OR ", conditions),
          List.copyOf(parameters));
    }

    /** Either condition. */
    String condition() {
      return shortened == null ? "(expires_at <= ?)" : "(expires_at <= ? OR " + shortened + ")";
    }

    /** Binds {@link #condition()}'s parameters from {@code first} on; returns the next index. */
    int bind(PreparedStatement statement, int first) throws SQLException {
      statement.setLong(first, cutoff);
      return bindShortened(statement, first + 1);
    }

    /** Binds {@link #shortened()}'s parameters from {@code first} on; returns the next index. */
    int bindShortened(PreparedStatement statement, int first) throws SQLException {
      int index = first;
      for (Object parameter : shortenedParameters) {
        statement.setObject(index++, parameter);
      }
      return index;
    }
  }

  /** One record or field set removed by a batch, audited in the batch's transaction. */
  private record Removed(String payloadType, String id, List<String> paths) {}

  private final class Run {
    final String id = UUID.randomUUID().toString();
    final long cutoff = clock.millis();
    final long startNanos = System.nanoTime();
    final SweepProgress.Listener listener;
    final int batchSize;
    int dayKeys;
    long records;
    long fields;
    long batches;

    Run(SweepOptions options) {
      this.listener = options.listener();
      this.batchSize = options.batchSize();
    }

    void progress(SweepProgress.Phase phase) {
      listener.onProgress(new SweepProgress(phase, dayKeys, records, fields, batches));
    }
  }

  SweepReport sweep(SweepOptions options) {
    Objects.requireNonNull(options, "options");
    Run run = new Run(options);
    journal(run, false);

    // 1. Shred: the key of a day goes once every expiry of that day has passed.
    List<Long> destroyed = dayKeys.destroyBefore(RetentionKeyStore.dayOf(run.cutoff));
    for (long day : destroyed) {
      audit.record(
          new AuditEvent(
              clock.instant(),
              AuditEvent.Kind.RETENTION_KEY_DESTROYED,
              "",
              "day:" + LocalDate.ofEpochDay(day),
              SWEEPER,
              PURPOSE,
              List.of(),
              "every expiry of this day has passed"));
    }
    run.dayKeys = destroyed.size();
    run.progress(SweepProgress.Phase.DAY_KEYS);

    // 2. Whole records past their expiry.
    while (true) {
      List<AuditEvent> removed =
          database.inTransaction(
              "deleting a batch of expired records",
              connection -> {
                List<Removed> batch = deleteExpiredRecords(connection, run);
                updateJournal(connection, run, batch.size(), 0);
                return audited(connection, batch, AuditEvent.Kind.SWEEP_RECORD_DELETED,
                    "record past its retention");
              });
      if (removed.isEmpty()) {
        break;
      }
      queue.committed(removed);
      run.records += removed.size();
      run.batches++;
      run.progress(SweepProgress.Phase.RECORDS);
    }

    // 3. Fields past their own expiry, in records that live on.
    while (true) {
      long[] fieldCount = new long[1];
      List<AuditEvent> removed =
          database.inTransaction(
              "deleting a batch of expired fields",
              connection -> {
                List<Removed> batch = deleteExpiredFields(connection, run);
                long count = batch.stream().mapToLong(r -> r.paths().size()).sum();
                updateJournal(connection, run, 0, count);
                fieldCount[0] = count;
                return audited(connection, batch, AuditEvent.Kind.SWEEP_FIELDS_DELETED,
                    "fields past their retention");
              });
      if (removed.isEmpty()) {
        break;
      }
      queue.committed(removed);
      run.fields += fieldCount[0];
      run.batches++;
      run.progress(SweepProgress.Phase.FIELDS);
    }

    // 4. Receipt tags and body tokens past the record's earliest expiry: deterministic in the
    // body, they must not outlive the values they could confirm a guess of.
    long forgotten = 0;
    while (true) {
      int batch =
          database.inTransaction(
              "forgetting expired receipt tags",
              connection -> RecordRows.forgetReceipts(connection, run.cutoff, run.batchSize));
      forgotten += batch;
      if (batch == 0) {
        break;
      }
      run.batches++;
    }

    // 5. Outbox rows past their record's earliest expiry, sent or not (dead letters included):
    // what is forwarded must not outlive what it was made from.
    while (true) {
      int batch =
          database.inTransaction(
              "deleting expired outbox rows",
              connection -> deleteExpiredOutboxRows(connection, run));
      forgotten += batch;
      if (batch == 0) {
        break;
      }
      run.batches++;
    }

    journal(run, true);
    if (database.dialect() == Dialect.SQLITE
        && (run.records + run.fields + forgotten > 0 || walPending)) {
      // secure_delete has zeroed the freed space of the database file; a truncating checkpoint
      // removes the page images that still held the deleted rows from the WAL file too.
      walPending = !database.truncateWal("checkpointing the WAL after a sweep");
      if (walPending) {
        LOG.warn(
            "retention sweep {}: a reader of {} kept the WAL from being truncated for {}; page"
                + " images of deleted rows stay in it until the next sweep truncates it",
            run.id,
            database,
            Database.WAL_WAIT);
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - run.startNanos);
    LOG.info(
        "retention sweep {}: {} day keys destroyed, {} records and {} fields deleted in {} batches,"
            + " {}",
        run.id,
        run.dayKeys,
        run.records,
        run.fields,
        run.batches,
        took);
    return new SweepReport(
        run.id,
        Instant.ofEpochMilli(run.cutoff),
        run.dayKeys,
        run.records,
        run.fields,
        run.batches,
        took);
  }

  private static void claim(PreparedStatement select, List<String[]> claimed) throws SQLException {
    try (ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        claimed.add(new String[] {rows.getString(1), rows.getString(2)});
      }
    }
  }

  private List<Removed> deleteExpiredRecords(Connection connection, Run run) throws SQLException {
    List<String[]> claimed = new ArrayList<>();
    Expired expired = Expired.of(schemas.get(), run.cutoff);
    // Past their stored expiry first: a range of the expiry index, each batch from its start. One
    // query with both conditions (an OR) scanned the whole table for every batch.
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT payload_type, record_id FROM hg_records WHERE expires_at <= ?"
                + " ORDER BY expires_at LIMIT ?" + database.dialect().forUpdateSkipLocked())) {
      select.setLong(1, run.cutoff);
      select.setInt(2, run.batchSize);
      claim(select, claimed);
    }
    if (claimed.size() < run.batchSize && expired.shortened() != null) {
      // Then those a shortened retention expires, once the others are gone: rare, and a scan.
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT payload_type, record_id FROM hg_records WHERE (" + expired.shortened()
                  + ") AND (expires_at IS NULL OR expires_at > ?)"
                  + " ORDER BY payload_type, record_id LIMIT ?"
                  + database.dialect().forUpdateSkipLocked())) {
        int next = expired.bindShortened(select, 1);
        select.setLong(next, run.cutoff);
        select.setInt(next + 1, run.batchSize - claimed.size());
        claim(select, claimed);
      }
    }
    if (claimed.isEmpty()) {
      return List.of();
    }
    if (database.dialect() == Dialect.POSTGRESQL) {
      return deletePipelined(connection, expired, claimed);
    }
    List<Removed> removed = new ArrayList<>();
    try (PreparedStatement paths =
            connection.prepareStatement(
                "SELECT path FROM hg_fields WHERE payload_type = ? AND record_id = ?");
        PreparedStatement packedPaths =
            connection.prepareStatement(
                "SELECT packed_paths FROM hg_records WHERE payload_type = ? AND record_id = ?");
        // The record's field rows go with it, by the foreign key's cascade: only if it goes.
        PreparedStatement deleteRecord =
            connection.prepareStatement(
                "DELETE FROM hg_records WHERE payload_type = ? AND record_id = ?"
                    + " AND " + expired.condition())) {
      for (String[] key : claimed) {
        List<String> held = new ArrayList<>();
        paths.setString(1, key[0]);
        paths.setString(2, key[1]);
        try (ResultSet rows = paths.executeQuery()) {
          while (rows.next()) {
            held.add(rows.getString(1));
          }
        }
        packedPaths.setString(1, key[0]);
        packedPaths.setString(2, key[1]);
        try (ResultSet rows = packedPaths.executeQuery()) {
          if (rows.next()) {
            held.addAll(PackedFields.paths(rows.getString(1)));
          }
        }
        held.sort(null);
        deleteRecord.setString(1, key[0]);
        deleteRecord.setString(2, key[1]);
        expired.bind(deleteRecord, 3);
        if (deleteRecord.executeUpdate() == 1) {
          removed.add(new Removed(key[0], key[1], held));
        }
      }
    }
    return removed;
  }

  /**
   * PostgreSQL: the claimed records deleted by two JDBC batches, one statement per record each,
   * which the driver sends together rather than one round trip per statement; each deletion
   * returns what the audit entry names (the fields' paths, the record's packed paths). Each
   * statement is still an exact primary-key look-up: one {@code IN} list per batch instead was
   * planned, with statistics older than the table's contents, as a scan of every record of the
   * type.
   */
  private List<Removed> deletePipelined(
      Connection connection, Expired expired, List<String[]> claimed) throws SQLException {
    Map<List<String>, List<String>> held = new HashMap<>();
    try (PreparedStatement deleteFields = connection.prepareStatement(
        "DELETE FROM hg_fields WHERE payload_type = ? AND record_id = ?",
        new String[] {"payload_type", "record_id", "path"})) {
      for (String[] key : claimed) {
        deleteFields.setString(1, key[0]);
        deleteFields.setString(2, key[1]);
        deleteFields.addBatch();
      }
      deleteFields.executeBatch();
      try (ResultSet rows = deleteFields.getGeneratedKeys()) {
        while (rows.next()) {
          held.computeIfAbsent(List.of(rows.getString(1), rows.getString(2)),
              key -> new ArrayList<>()).add(rows.getString(3));
        }
      }
    }
    Map<List<String>, List<String>> deleted = new HashMap<>();
    try (PreparedStatement deleteRecords = connection.prepareStatement(
        "DELETE FROM hg_records WHERE payload_type = ? AND record_id = ? AND "
            + expired.condition(),
        new String[] {"payload_type", "record_id", "packed_paths"})) {
      for (String[] key : claimed) {
        deleteRecords.setString(1, key[0]);
        deleteRecords.setString(2, key[1]);
        expired.bind(deleteRecords, 3);
        deleteRecords.addBatch();
      }
      deleteRecords.executeBatch();
      try (ResultSet rows = deleteRecords.getGeneratedKeys()) {
        while (rows.next()) {
          deleted.put(List.of(rows.getString(1), rows.getString(2)),
              PackedFields.paths(rows.getString(3)));
        }
      }
    }
    List<Removed> removed = new ArrayList<>();
    for (String[] key : claimed) {
      List<String> packed = deleted.get(List.of(key[0], key[1]));
      if (packed != null) {
        List<String> paths =
            new ArrayList<>(held.getOrDefault(List.of(key[0], key[1]), List.of()));
        paths.addAll(packed);
        paths.sort(null);
        removed.add(new Removed(key[0], key[1], paths));
      }
    }
    return removed;
  }

  /**
   * A property whose current schema keeps it fewer days than it may have been stored with: past
   * its retention in every record of its type received at or before {@code receivedBy}.
   */
  private record FieldCap(String payloadType, String path, OptionalInt days, long receivedBy) {

    static List<FieldCap> of(Collection<StoreSchema> schemas, long cutoff) {
      List<FieldCap> caps = new ArrayList<>();
      for (StoreSchema schema : schemas) {
        for (FieldSpec spec : schema.fields()) {
          if (spec.retainDays().isPresent()) {
            caps.add(new FieldCap(schema.payloadType(), spec.path(), spec.retainDays(),
                RecordCodec.retainedAfter(cutoff, spec.retainDays())));
          }
        }
      }
      return caps;
    }

    /** A {@code LIKE} pattern matching the path in a newline-separated list framed by newlines. */
    String inPackedPaths() {
      return "%\n" + path.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "\n%";
    }
  }

  private List<Removed> deleteExpiredFields(Connection connection, Run run) throws SQLException {
    // Fields past the expiry stored with them, and fields that the current schema keeps fewer
    // days than they were stored with (in their own row, or packed into their record's row).
    List<FieldCap> caps = FieldCap.of(schemas.get(), run.cutoff);
    StringBuilder sql = new StringBuilder(
        "SELECT r.payload_type, r.record_id FROM hg_records r"
            + " WHERE (r.expires_at IS NULL OR r.expires_at > ?)"
            + " AND (EXISTS (SELECT 1 FROM hg_fields f WHERE f.payload_type = r.payload_type"
            + " AND f.record_id = r.record_id AND f.expires_at <= ?)");
    for (int i = 0; i < caps.size(); i++) {
      sql.append(" OR (r.payload_type = ? AND r.received_at <= ?"
          + " AND (EXISTS (SELECT 1 FROM hg_fields f WHERE f.payload_type = r.payload_type"
          + " AND f.record_id = r.record_id AND f.path = ?)"
          + " OR (? || r.packed_paths || ?) LIKE ? ESCAPE '!'))");
    }
    sql.append(") ORDER BY r.payload_type, r.record_id LIMIT ?")
        .append(database.dialect().forUpdateSkipLocked());
    List<String[]> claimed = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
      int p = 1;
      select.setLong(p++, run.cutoff);
      select.setLong(p++, run.cutoff);
      for (FieldCap cap : caps) {
        select.setString(p++, cap.payloadType());
        select.setLong(p++, cap.receivedBy());
        select.setString(p++, cap.path());
        select.setString(p++, "\n");
        select.setString(p++, "\n");
        select.setString(p++, cap.inPackedPaths());
      }
      select.setInt(p, run.batchSize);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          claimed.add(new String[] {rows.getString(1), rows.getString(2)});
        }
      }
    }
    if (claimed.isEmpty()) {
      return List.of();
    }
    DataKeys current = keys.forWrite(connection);
    List<Removed> removed = new ArrayList<>();
    for (String[] key : claimed) {
      Optional<SealedRecord> sealed = RecordRows.read(connection, key[0], key[1]);
      if (sealed.isEmpty()) {
        continue;
      }
      SealedRecord record = sealed.get();
      TamperedRecordException tampered = null;
      try {
        RecordCodec.verify(current, record);
      } catch (TamperedRecordException e) {
        tampered = e;
      }
      List<String> expired = new ArrayList<>();
      List<SealedField> kept = new ArrayList<>();
      for (SealedField field : record.fields()) {
        if (RecordCodec.isGroup(field)) {
          sweepGroup(connection, record, tampered == null, field, caps, run.cutoff, expired, kept);
          continue;
        }
        if (isExpired(record, field, field.path(), caps, run.cutoff)) {
          expired.add(field.path());
        } else {
          kept.add(field);
        }
      }
      if (expired.isEmpty()) {
        continue;
      }
      SealedRecord remaining;
      if (tampered != null) {
        // Expired data goes all the same; the record is not re-signed, so it stays detectably
        // tampered instead of being laundered by a fresh MAC.
        LOG.warn("retention sweep: {}; its expired fields are deleted, it is not re-signed",
            tampered.getMessage());
        remaining = new SealedRecord(record.payloadType(), record.id(), record.format(),
            record.receivedAt(), record.expiresAt(), record.keyGeneration(), record.mac(), kept);
      } else {
        try {
          remaining = RecordCodec.signed(current, record.payloadType(), record.id(),
              record.receivedAt(), record.expiresAt(), record.keyGeneration(), kept);
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("the data keys cannot sign a record", e);
        }
      }
      // Rewritten whole: an expired field may be in its own row or packed into the record's.
      if (RecordRows.rewrite(connection, remaining)) {
        removed.add(new Removed(key[0], key[1], List.copyOf(expired)));
      }
    }
    return removed;
  }

  /** Whether {@code field} of {@code record}, at {@code path}, is past its retention at {@code cutoff}. */
  private static boolean isExpired(
      SealedRecord record, SealedField field, String path, List<FieldCap> caps, long cutoff) {
    Long expiry = RecordCodec.effectiveExpiry(
        RecordCodec.effectiveExpiry(field.expiresAt(), record.expiresAt()),
        capOf(caps, record, path));
    return expiry != null && expiry <= cutoff;
  }

  /**
   * Sweeps the field group {@code group} of {@code record}: its members past their retention are
   * added to {@code expired}, and what is left of it to {@code kept}. A group whose members are
   * all past goes whole, nothing opened. Otherwise it is opened and sealed again without them,
   * under its data subjects' keys read through {@code connection} where the key store shares the
   * database (no second connection while this one is held): only if {@code verified} (the record's
   * MAC holds), so that a group that fails to open is never taken for one to delete. If a subject's
   * key is destroyed, nothing in it opens any more: it goes whole. If the key store does not know
   * a key, or the record is tampered, it is kept as it is (and reported).
   */
  private void sweepGroup(Connection connection, SealedRecord record, boolean verified,
      SealedField group, List<FieldCap> caps, long cutoff, List<String> expired,
      List<SealedField> kept) {
    List<String> members;
    try {
      members = RecordCodec.memberPaths(record.payloadType(), record.id(), group);
    } catch (TamperedRecordException e) {
      kept.add(group); // the record's MAC check reports it; its members cannot be named
      return;
    }
    Set<String> past = new LinkedHashSet<>();
    for (String path : members) {
      if (isExpired(record, group, path, caps, cutoff)) {
        past.add(path);
      }
    }
    if (past.isEmpty() || (!verified && past.size() < members.size())) {
      kept.add(group);
      return;
    }
    if (past.size() == members.size()) {
      expired.addAll(members);
      return;
    }
    RecordCodec.SubjectKeys keysHere = dayKeys.subjectKeys().openingOn(connection, database)::apply;
    Optional<SealedField> rest;
    try {
      rest = RecordCodec.regroup(keysHere, record, group, opened -> opened.stream()
          .filter(member -> !past.contains(member.path())).toList());
    } catch (KeyException | TamperedRecordException e) {
      LOG.warn("retention sweep: {} record {}: its field group is kept whole: {}",
          record.payloadType(), record.id(), e.getMessage());
      kept.add(group);
      return;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a data subject's key cannot seal a field group", e);
    }
    if (rest.isPresent()) {
      kept.add(rest.get());
      expired.addAll(past);
    } else {
      expired.addAll(members); // a subject erased: none of it opens any more
    }
  }

  /** When the current schema's retention of {@code path} ends for {@code record}; null: never. */
  private static Long capOf(List<FieldCap> caps, SealedRecord record, String path) {
    for (FieldCap cap : caps) {
      if (cap.payloadType().equals(record.payloadType()) && cap.path().equals(path)) {
        return RecordCodec.cap(record.receivedAt(), cap.days());
      }
    }
    return null;
  }

  /** The audit entries of {@code removed}, queued in the batch's transaction. */
  private List<AuditEvent> audited(Connection connection, List<Removed> removed,
      AuditEvent.Kind kind, String reason) throws SQLException {
    List<AuditEvent> events = new ArrayList<>(removed.size());
    for (Removed each : removed) {
      events.add(new AuditEvent(
          clock.instant(), kind, each.payloadType(), each.id(), SWEEPER, PURPOSE, each.paths(),
          reason));
    }
    queue.enqueue(connection, events);
    return events;
  }

  private void journal(Run run, boolean finished) {
    database.inTransaction(
        "journalling a retention sweep",
        connection -> {
          if (!finished) {
            try (PreparedStatement insert =
                connection.prepareStatement(
                    "INSERT INTO hg_retention_sweeps (sweep_id, started_at, cutoff, heartbeat_at,"
                        + " day_keys_destroyed, records_deleted, fields_deleted)"
                        + " VALUES (?, ?, ?, ?, 0, 0, 0)")) {
              insert.setString(1, run.id);
              insert.setLong(2, clock.millis());
              insert.setLong(3, run.cutoff);
              insert.setLong(4, clock.millis());
              insert.executeUpdate();
            }
          } else {
            try (PreparedStatement update =
                connection.prepareStatement(
                    "UPDATE hg_retention_sweeps SET finished_at = ?, heartbeat_at = ?,"
                        + " day_keys_destroyed = ? WHERE sweep_id = ?")) {
              update.setLong(1, clock.millis());
              update.setLong(2, clock.millis());
              update.setLong(3, run.dayKeys);
              update.setString(4, run.id);
              update.executeUpdate();
            }
          }
          return null;
        });
  }

  private void updateJournal(Connection connection, Run run, long records, long fields)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE hg_retention_sweeps SET heartbeat_at = ?,"
                + " records_deleted = records_deleted + ?, fields_deleted = fields_deleted + ?"
                + " WHERE sweep_id = ?")) {
      update.setLong(1, clock.millis());
      update.setLong(2, records);
      update.setLong(3, fields);
      update.setString(4, run.id);
      update.executeUpdate();
    }
  }


  /** Deletes up to a batch of outbox rows whose expiry has passed; returns how many. */
  private int deleteExpiredOutboxRows(java.sql.Connection connection, Run run)
      throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM hg_outbox WHERE id IN (SELECT id FROM hg_outbox"
                + " WHERE expires_at IS NOT NULL AND expires_at <= ? ORDER BY id LIMIT ?"
                + database.dialect().forUpdateSkipLocked() + ")")) {
      delete.setLong(1, run.cutoff);
      delete.setInt(2, run.batchSize);
      return delete.executeUpdate();
    }
  }
}
