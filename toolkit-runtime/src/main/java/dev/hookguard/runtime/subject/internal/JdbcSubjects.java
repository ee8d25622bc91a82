package dev.hookguard.runtime.subject.internal;

import dev.hookguard.api.Sensitive;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.audit.AuditSink;
import dev.hookguard.runtime.generated.PayloadTable;
import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.generated.StoredRecord;
import dev.hookguard.runtime.internal.AuditQueue;
import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.internal.jdbc.Dialect;
import dev.hookguard.runtime.internal.keys.SubjectKeyStore;
import dev.hookguard.runtime.internal.records.RecordCodec;
import dev.hookguard.runtime.internal.records.RecordRows;
import dev.hookguard.runtime.internal.records.SubjectValues;
import dev.hookguard.runtime.store.AccessDeniedException;
import dev.hookguard.runtime.store.Accessor;
import dev.hookguard.runtime.store.StoreException;
import dev.hookguard.runtime.subject.ErasureProgress;
import dev.hookguard.runtime.subject.ErasureReport;
import dev.hookguard.runtime.subject.SubjectExport;
import dev.hookguard.runtime.subject.SubjectRecord;
import dev.hookguard.runtime.subject.Subjects;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Subjects} on the record store's {@code hg_subjects} index and {@code hg_subject_erasures}
 * journal, with the subjects' keys in the key store.
 *
 * <p>An erasure: (1) journals itself under the subject's token; (2) destroys the subject's keys in
 * the key store, then records that in the journal and the audit trail in one transaction; (3)
 * deletes the records in batches, each batch one transaction holding its deletions, its outbox
 * rows' deletion, its audit entries and the journal's count; on PostgreSQL a batch claims its index
 * rows with {@code FOR UPDATE SKIP LOCKED}, so runs on several instances share the work and each
 * record is deleted and audited once; (4) repeats until a batch finds nothing, then marks the
 * journal finished. Each step is safe to repeat, so a run that died is finished by the next.
 */
public final class JdbcSubjects implements Subjects {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcSubjects.class);

  /** The payload type named in audit entries about an erasure as a whole. */
  static final String ERASURE_TYPE = "dev.hookguard.subject";

  static final String ACCESSOR = "subjects";

  private final Database database;
  private final SubjectKeyStore keys;
  private final Clock clock;
  private final AuditQueue queue;
  private final AuditSink audit;
  private final Function<String, Optional<StoreSchema>> schemas;
  private final Function<StoreSchema, PayloadTable> tables;
  private final int batchSize;

  /**
   * @param queue where audit entries of erasures go, in their batch's transaction
   * @param audit where entries outside a transaction go (searches)
   * @param schemas the schema of a payload type, if this instance has opened its store
   * @param tables opens the table of a schema (for exports)
   */
  public JdbcSubjects(
      Database database,
      SubjectKeyStore keys,
      Clock clock,
      AuditQueue queue,
      AuditSink audit,
      Function<String, Optional<StoreSchema>> schemas,
      Function<StoreSchema, PayloadTable> tables,
      int batchSize) {
    this.database = Objects.requireNonNull(database, "database");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.schemas = Objects.requireNonNull(schemas, "schemas");
    this.tables = Objects.requireNonNull(tables, "tables");
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be positive");
    }
    this.batchSize = batchSize;
  }

  @Override
  public List<SubjectRecord> find(String value) {
    byte[] token = token(value);
    long now = clock.millis();
    List<SubjectRecord> found = database.inTransaction(
        "finding the records of a data subject",
        connection -> {
          List<SubjectRecord> records = new ArrayList<>();
          try (PreparedStatement select = connection.prepareStatement(
              "SELECT s.payload_type, s.record_id, r.received_at, r.expires_at"
                  + " FROM hg_subjects s JOIN hg_records r"
                  + " ON r.payload_type = s.payload_type AND r.record_id = s.record_id"
                  + " WHERE s.subject_token = ? ORDER BY s.payload_type, s.record_id")) {
            select.setBytes(1, token);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                String type = rows.getString(1);
                long receivedAt = rows.getLong(3);
                long stored = rows.getLong(4);
                Long expiresAt = rows.wasNull() ? null : stored;
                if (!expired(type, receivedAt, expiresAt, now)) {
                  records.add(new SubjectRecord(type, rows.getString(2),
                      Instant.ofEpochMilli(receivedAt)));
                }
              }
            }
          }
          return records;
        });
    Set<String> types = new LinkedHashSet<>();
    found.forEach(record -> types.add(record.payloadType()));
    audit.record(new AuditEvent(clock.instant(), AuditEvent.Kind.SUBJECT_SEARCHED, ERASURE_TYPE,
        "-", ACCESSOR, "find", List.copyOf(types), found.size() + " records"));
    return List.copyOf(found);
  }

  /** Whether a record is past its stored expiry or the one its type's current schema allows. */
  private boolean expired(String type, long receivedAt, Long expiresAt, long now) {
    Long cap = schemas.apply(type)
        .map(schema -> RecordCodec.cap(receivedAt, schema.retainDays()))
        .orElse(null);
    Long expiry = RecordCodec.effectiveExpiry(expiresAt, cap);
    return expiry != null && now >= expiry;
  }

  @Override
  public SubjectExport export(String value, Accessor who, String purpose) {
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(purpose, "purpose");
    List<SubjectRecord> found = find(value);
    List<PayloadTable> opened = new ArrayList<>(found.size());
    Set<String> notOpen = new LinkedHashSet<>();
    for (SubjectRecord record : found) {
      Optional<PayloadTable> table = schemas.apply(record.payloadType()).map(tables);
      table.ifPresent(opened::add);
      if (table.isEmpty()) {
        notOpen.add(record.payloadType());
      }
    }
    if (!notOpen.isEmpty()) {
      throw new StoreException(StoreException.Reason.INVALID_REQUEST,
          "records of payload types " + notOpen + " are about this subject, but their stores are"
              + " not open in this HookGuard: create them (XStore.create(hookGuard)) first");
    }
    // Refuse-all before anything is decrypted: every record's categories are checked first.
    for (int i = 0; i < found.size(); i++) {
      PayloadTable table = opened.get(i);
      Set<Sensitive.Category> missing = new LinkedHashSet<>();
      table.schema().fields().forEach(field -> missing.addAll(field.categories()));
      missing.removeAll(who.grants());
      if (!missing.isEmpty()) {
        // The table refuses it, and audits the refusal as every reveal does.
        table.reveal(found.get(i).id(), who, purpose);
        throw new AccessDeniedException(found.get(i).payloadType(), who.name(), missing);
      }
    }
    List<StoredRecord> records = new ArrayList<>(found.size());
    for (int i = 0; i < found.size(); i++) {
      opened.get(i).reveal(found.get(i).id(), who, purpose).ifPresent(records::add);
    }
    return new SubjectExport(records);
  }

  @Override
  public ErasureReport erase(String value, String reason) {
    return erase(value, reason, ErasureProgress.Listener.NONE);
  }

  @Override
  public ErasureReport erase(String value, String reason, ErasureProgress.Listener listener) {
    Objects.requireNonNull(listener, "listener");
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("an erasure needs a reason");
    }
    if (SubjectValues.normalize(reason).contains(SubjectValues.normalize(value))) {
      // The reason goes into every audit entry of the erasure, which is kept for good.
      throw new IllegalArgumentException("an erasure's reason must not contain the subject's value");
    }
    byte[] token = token(value);
    String erasureId = UUID.randomUUID().toString();
    long now = clock.millis();
    database.inTransaction(
        "journalling a data subject's erasure",
        connection -> {
          try (PreparedStatement insert = connection.prepareStatement(
              "INSERT INTO hg_subject_erasures (erasure_id, subject_token, reason, requested_at,"
                  + " heartbeat_at, keys_destroyed, records_erased) VALUES (?, ?, ?, ?, ?, 0, 0)")) {
            insert.setString(1, erasureId);
            insert.setBytes(2, token);
            insert.setString(3, reason);
            insert.setLong(4, now);
            insert.setLong(5, now);
            insert.executeUpdate();
          }
          return null;
        });
    return run(erasureId, token, reason, listener, Long.MAX_VALUE);
  }

  @Override
  public List<ErasureReport> resumeErasures() {
    record Unfinished(String id, byte[] token, String reason, long requestedAt,
        long keysDestroyed) {}
    List<Unfinished> unfinished = database.inTransaction(
        "finding unfinished erasures",
        connection -> {
          List<Unfinished> found = new ArrayList<>();
          try (PreparedStatement select = connection.prepareStatement(
              "SELECT erasure_id, subject_token, reason, requested_at, keys_destroyed"
                  + " FROM hg_subject_erasures WHERE finished_at IS NULL"
                  + " ORDER BY requested_at, erasure_id")) {
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                found.add(new Unfinished(rows.getString(1), rows.getBytes(2), rows.getString(3),
                    rows.getLong(4), rows.getLong(5)));
              }
            }
          }
          return found;
        });
    List<ErasureReport> reports = new ArrayList<>();
    for (Unfinished erasure : unfinished) {
      LOG.info("resuming data subject erasure {}", erasure.id());
      // A run that died between destroying the keys and journalling it: its destruction is
      // audited now (the tombstones say when), not lost.
      long since = erasure.keysDestroyed() == 0 ? erasure.requestedAt() : Long.MAX_VALUE;
      reports.add(run(erasure.id(), erasure.token(), erasure.reason(),
          ErasureProgress.Listener.NONE, since));
    }
    return reports;
  }

  /**
   * Steps 2 to 4 of an erasure journalled as {@code erasureId}; keys of the subject destroyed
   * since {@code unjournalledSince} (epoch millis) by an earlier run that did not journal it are
   * audited too.
   */
  private ErasureReport run(String erasureId, byte[] token, String reason,
      ErasureProgress.Listener listener, long unjournalledSince) {
    long started = System.nanoTime();
    int destroyedNow = keys.destroy(token);
    int destroyed = destroyedNow == 0 && unjournalledSince != Long.MAX_VALUE
        ? keys.destroyedSince(token, unjournalledSince)
        : destroyedNow;
    List<AuditEvent> keyEvents = destroyed == 0
        ? List.of()
        : List.of(event(AuditEvent.Kind.SUBJECT_KEYS_DESTROYED, ERASURE_TYPE, erasureId,
            List.of(), reason + "; " + destroyed + " keys"));
    database.inTransaction(
        "journalling a data subject's destroyed keys",
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(
              "UPDATE hg_subject_erasures SET keys_destroyed = keys_destroyed + ?,"
                  + " heartbeat_at = ? WHERE erasure_id = ?")) {
            update.setInt(1, destroyed);
            update.setLong(2, clock.millis());
            update.setString(3, erasureId);
            update.executeUpdate();
          }
          queue.enqueue(connection, keyEvents);
          return null;
        });
    queue.committed(keyEvents);
    listener.onProgress(new ErasureProgress(erasureId, destroyed, 0, 0));
    long erased = 0;
    long batches = 0;
    while (true) {
      List<AuditEvent> events = database.inTransaction(
          "erasing a batch of a data subject's records",
          connection -> eraseBatch(connection, erasureId, token, reason));
      if (events == null) {
        break;
      }
      queue.committed(events);
      erased += events.size();
      batches++;
      listener.onProgress(new ErasureProgress(erasureId, destroyed, erased, batches));
    }
    long total = erased;
    List<AuditEvent> finished = database.inTransaction(
        "finishing a data subject's erasure",
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(
              "UPDATE hg_subject_erasures SET finished_at = ?, heartbeat_at = ?"
                  + " WHERE erasure_id = ? AND finished_at IS NULL")) {
            long now = clock.millis();
            update.setLong(1, now);
            update.setLong(2, now);
            update.setString(3, erasureId);
            if (update.executeUpdate() == 0) {
              return List.<AuditEvent>of();
            }
          }
          List<AuditEvent> done = List.of(event(AuditEvent.Kind.SUBJECT_ERASED, ERASURE_TYPE,
              erasureId, List.of(), reason));
          queue.enqueue(connection, done);
          return done;
        });
    queue.committed(finished);
    if (database.dialect() == Dialect.SQLITE && total > 0) {
      // As after a sweep: no page image of a deleted row stays in the WAL.
      database.truncateWal("scrubbing after a data subject's erasure");
    }
    return new ErasureReport(erasureId, destroyed, total, batches,
        Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * Deletes up to a batch of the subject's records; the audit entries of those this transaction
   * deleted, or null if it found none left.
   */
  private List<AuditEvent> eraseBatch(
      Connection connection, String erasureId, byte[] token, String reason) throws SQLException {
    List<String[]> batch = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT payload_type, record_id FROM hg_subjects WHERE subject_token = ?"
            + " ORDER BY payload_type, record_id LIMIT ?"
            + database.dialect().forUpdateSkipLocked())) {
      select.setBytes(1, token);
      select.setInt(2, batchSize);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          batch.add(new String[] {rows.getString(1), rows.getString(2)});
        }
      }
    }
    if (batch.isEmpty()) {
      return null;
    }
    List<AuditEvent> events = new ArrayList<>();
    try (PreparedStatement outbox = connection.prepareStatement(
            "DELETE FROM hg_outbox WHERE payload_type = ? AND record_id = ?");
        PreparedStatement orphan = connection.prepareStatement(
            "DELETE FROM hg_subjects WHERE subject_token = ? AND payload_type = ?"
                + " AND record_id = ?")) {
      for (String[] record : batch) {
        outbox.setString(1, record[0]);
        outbox.setString(2, record[1]);
        outbox.executeUpdate();
        // The index rows go with the record (SQLite's cascade, PostgreSQL's trigger).
        if (RecordRows.delete(connection, record[0], record[1])) {
          events.add(event(AuditEvent.Kind.SUBJECT_RECORD_ERASED, record[0], record[1],
              List.of(), reason + "; erasure " + erasureId));
        } else {
          // A row whose record is gone (deleted where nothing deleted the row with it): deleted
          // here, or every batch would find it again and the erasure never end.
          orphan.setBytes(1, token);
          orphan.setString(2, record[0]);
          orphan.setString(3, record[1]);
          orphan.executeUpdate();
        }
      }
    }
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE hg_subject_erasures SET records_erased = records_erased + ?, heartbeat_at = ?"
            + " WHERE erasure_id = ?")) {
      update.setInt(1, events.size());
      update.setLong(2, clock.millis());
      update.setString(3, erasureId);
      update.executeUpdate();
    }
    queue.enqueue(connection, events);
    return events;
  }

  private AuditEvent event(
      AuditEvent.Kind kind, String payloadType, String id, List<String> fields, String reason) {
    return new AuditEvent(clock.instant(), kind, payloadType, id, ACCESSOR, "erase", fields, reason);
  }

  private byte[] token(String value) {
    Objects.requireNonNull(value, "value");
    String normalized = SubjectValues.normalize(value);
    if (normalized.isEmpty()) {
      throw new IllegalArgumentException("a data subject's value is blank");
    }
    return keys.token(normalized);
  }

  @Override
  public String toString() {
    return "Subjects[" + database + "]";
  }
}
