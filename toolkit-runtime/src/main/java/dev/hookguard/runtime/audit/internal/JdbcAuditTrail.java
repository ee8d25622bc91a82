package dev.hookguard.runtime.audit.internal;

import dev.hookguard.runtime.audit.AuditCheckpoint;
import dev.hookguard.runtime.audit.AuditEntry;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.audit.AuditTrail;
import dev.hookguard.runtime.audit.AuditVerification;
import dev.hookguard.runtime.audit.AuditVerification.Problem;
import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.internal.jdbc.Dialect;
import dev.hookguard.runtime.internal.jdbc.RowInsert;
import dev.hookguard.runtime.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link AuditTrail} in the store database: entries in {@code hg_audit_entries} (sequence
 * number as primary key, each row holding its predecessor's hash and its own), and the head in the
 * one row of {@code hg_audit_head}. Every entry is first queued in {@code hg_audit_queue} by the
 * transaction that caused it (a receipt's entry commits with its record), then chained: queued
 * entries are moved into the chain in queue order, many per transaction, under the head row's
 * lock, so concurrent appends from any number of instances form one chain without every
 * receipt waiting for that lock. {@link #record} queues and chains in one transaction (a reveal is
 * in the chain when it returns); reads of the trail chain what is queued first; verification
 * reads one consistent snapshot.
 */
public final class JdbcAuditTrail implements AuditTrail {

  private static final String COLUMNS =
      "sequence, recorded_at, kind, payload_type, record_id, accessor, purpose, fields, reason,"
          + " prev_hash, hash";
  private static final String QUEUED_COLUMNS =
      "recorded_at, kind, payload_type, record_id, accessor, purpose, fields, reason";
  /** Most queued entries chained in one transaction. */
  static final int CHAIN_BATCH = 1000;
  /** How far a renumbered entry is looked for from its place, to tell deletion from insertion. */
  private static final int MAX_RENUMBERING = 1024;

  private final Database database;

  /** The trail in {@code database}, whose schema is migrated. */
  public JdbcAuditTrail(Database database) {
    this.database = Objects.requireNonNull(database, "database");
  }

  @Override
  public void record(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    database.inTransaction(
        "appending to the audit trail",
        connection -> {
          enqueue(connection, List.of(event));
          chain(connection, CHAIN_BATCH);
          return null;
        });
    // A backlog (receipts committed since the last run) is linked in bounded transactions.
    chainPending();
  }

  /**
   * Queues {@code events} for the chain in the transaction of {@code connection}: they commit
   * (or roll back) with whatever else that transaction writes, and are chained, in queue order,
   * by a later {@link #chainPending()}. Takes no lock that other transactions wait for, so
   * receipts on many connections queue their entries side by side.
   */
  public void enqueue(Connection connection, List<AuditEvent> events) throws SQLException {
    queued(events).execute(connection);
  }

  /**
   * The insert that queues {@code events}, as {@link #enqueue} runs it: for a writer that sends it
   * with other statements in one round trip.
   */
  public RowInsert queued(List<AuditEvent> events) {
    RowInsert insert = RowInsert.into("hg_audit_queue", QUEUED_COLUMNS, "(?, ?, ?, ?, ?, ?, ?, ?)",
        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.VARCHAR);
    for (AuditEvent event : events) {
      insert.row(event.time().toString(), event.kind().name(), event.payloadType(),
          event.recordId(), event.accessor(), event.purpose(),
          AuditChain.encodeFields(event.fields()), event.reason());
    }
    return insert;
  }

  /**
   * Chains every queued entry (in batches of {@value #CHAIN_BATCH}, one transaction each) and
   * returns how many. Run in the background a few times a second by the {@code HookGuard}, and
   * before every read of the trail, so that what a receipt committed is in the chain within a
   * bounded lag and always before anyone looks.
   */
  public int chainPending() {
    // Looked at outside a write transaction first: an idle store costs one read, no lock.
    boolean[] queued = {false};
    database.outsideTransaction(
        "looking for queued audit entries",
        connection -> {
          queued[0] = anyQueued(connection);
          return null;
        });
    if (!queued[0]) {
      return 0;
    }
    int total = 0;
    while (true) {
      int chained =
          database.inTransaction(
              "chaining queued audit entries", connection -> chain(connection, CHAIN_BATCH));
      total += chained;
      if (chained < CHAIN_BATCH) {
        return total;
      }
    }
  }

  /** Entries waiting in the queue for the chain. */
  public long pending() {
    return database.inTransaction(
        "counting queued audit entries",
        connection -> {
          try (PreparedStatement select =
                  connection.prepareStatement("SELECT COUNT(*) FROM hg_audit_queue");
              ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }

  /**
   * Moves up to {@code limit} queued entries, oldest first, into the chain under the head's lock,
   * with one head update; returns how many.
   */
  private int chain(Connection connection, int limit) throws SQLException {
    if (!anyQueued(connection)) {
      return 0;
    }
    Head head = lockHead(connection);
    List<Long> ids = new ArrayList<>();
    long sequence = head.sequence();
    String previous = head.hash();
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT id, " + QUEUED_COLUMNS + " FROM hg_audit_queue ORDER BY id LIMIT ?");
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO hg_audit_entries (" + COLUMNS + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      select.setInt(1, limit);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
          sequence++;
          String fields = rows.getString(8);
          String hash =
              AuditChain.entryHash(
                  sequence,
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5),
                  rows.getString(6),
                  rows.getString(7),
                  AuditChain.decodeFields(fields),
                  rows.getString(9),
                  previous);
          insert.setLong(1, sequence);
          for (int column = 2; column <= 9; column++) {
            insert.setString(column, rows.getString(column));
          }
          insert.setString(10, previous);
          insert.setString(11, hash);
          insert.addBatch();
          previous = hash;
        }
      }
      if (ids.isEmpty()) {
        return 0;
      }
      insert.executeBatch();
    }
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM hg_audit_queue WHERE id = ?")) {
      // By id, never by range: on PostgreSQL a lower id may still be committing, unseen.
      for (long id : ids) {
        delete.setLong(1, id);
        delete.addBatch();
      }
      delete.executeBatch();
    }
    try (PreparedStatement update =
        connection.prepareStatement("UPDATE hg_audit_head SET sequence = ?, hash = ? WHERE id = 1")) {
      update.setLong(1, sequence);
      update.setString(2, previous);
      update.executeUpdate();
    }
    return ids.size();
  }

  private static boolean anyQueued(Connection connection) throws SQLException {
    try (PreparedStatement select =
            connection.prepareStatement("SELECT 1 FROM hg_audit_queue LIMIT 1");
        ResultSet rows = select.executeQuery()) {
      return rows.next();
    }
  }

  @Override
  public AuditVerification verify() {
    chainPending();
    return verifyAgainst(null);
  }

  @Override
  public AuditVerification verify(AuditCheckpoint checkpoint) {
    chainPending();
    return verifyAgainst(Objects.requireNonNull(checkpoint, "checkpoint"));
  }

  @Override
  public AuditCheckpoint checkpoint() {
    chainPending();
    return database.inTransaction(
        "reading the audit trail's head",
        connection ->
            readHead(connection, "")
                .map(h -> new AuditCheckpoint(h.sequence(), h.hash()))
                .orElse(new AuditCheckpoint(0, AuditChain.GENESIS)));
  }

  @Override
  public List<AuditEntry> tail(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative");
    }
    List<AuditEntry> entries = new ArrayList<>(
        select("FROM hg_audit_entries ORDER BY sequence DESC LIMIT ?", (long) n));
    Collections.reverse(entries);
    return List.copyOf(entries);
  }

  @Override
  public List<AuditEntry> page(long afterSequence, int limit) {
    if (afterSequence < 0) {
      throw new IllegalArgumentException("afterSequence must not be negative");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive");
    }
    return List.copyOf(select(
        "FROM hg_audit_entries WHERE sequence > ? ORDER BY sequence LIMIT ?",
        afterSequence, (long) limit));
  }

  /** The entries of {@code SELECT <columns> <rest>}, after chaining what is queued. */
  private List<AuditEntry> select(String rest, long... parameters) {
    chainPending();
    return database.inTransaction(
        "reading the audit trail",
        connection -> {
          List<AuditEntry> entries = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement("SELECT " + COLUMNS + " " + rest)) {
            for (int i = 0; i < parameters.length; i++) {
              select.setLong(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                entries.add(Row.of(rows).toEntry());
              }
            }
          }
          return entries;
        });
  }

  @Override
  public String toString() {
    return "AuditTrail[" + database + "]";
  }

  // ---------------------------------------------------------------------------------------------

  private AuditVerification verifyAgainst(AuditCheckpoint checkpoint) {
    return database.inTransaction(
        "verifying the audit trail",
        connection -> {
          if (database.dialect() == Dialect.POSTGRESQL) {
            // One snapshot for the head and every entry, however long the walk takes.
            try (Statement statement = connection.createStatement()) {
              statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
          }
          Optional<Head> head = readHead(connection, "");
          long headSequence = head.map(Head::sequence).orElse(0L);
          long limit = head.isPresent() ? headSequence : Long.MAX_VALUE;
          long expected = 1;
          String previous = AuditChain.GENESIS;
          String atCheckpoint =
              checkpoint != null && checkpoint.sequence() == 0 ? AuditChain.GENESIS : null;
          Row broken = null;
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT " + COLUMNS + " FROM hg_audit_entries ORDER BY sequence")) {
            select.setFetchSize(500);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                Row row = Row.of(rows);
                if (row.sequence() == expected
                    && row.sequence() <= limit
                    && row.prevHash().equals(previous)
                    && row.hash().equals(row.hashAt(expected, previous))) {
                  if (checkpoint != null && row.sequence() == checkpoint.sequence()) {
                    atCheckpoint = row.hash();
                  }
                  expected++;
                  previous = row.hash();
                } else {
                  broken = row;
                  break;
                }
              }
            }
          }
          long intact = expected - 1;
          if (broken != null) {
            return diagnose(connection, broken, expected, previous, limit, intact, headSequence);
          }
          if (head.isEmpty() && intact > 0) {
            return AuditVerification.broken(
                intact, headSequence, intact + 1, Problem.DELETED,
                "the trail's head record is missing");
          }
          if (intact < headSequence) {
            return AuditVerification.broken(
                intact, headSequence, intact + 1, Problem.DELETED,
                "the trail ends at " + intact + " but its head is at " + headSequence);
          }
          if (head.isPresent() && !head.get().hash().equals(previous)) {
            return AuditVerification.broken(
                intact, headSequence, intact, Problem.EDITED,
                "entry " + intact + " does not match the hash the trail's head recorded");
          }
          if (checkpoint != null) {
            if (checkpoint.sequence() > intact) {
              return AuditVerification.broken(
                  intact, headSequence, intact + 1, Problem.DELETED,
                  "the trail ends at " + intact + ", before the checkpoint at "
                      + checkpoint.sequence());
            }
            if (!checkpoint.hash().equals(atCheckpoint)) {
              return AuditVerification.broken(
                  intact, headSequence, checkpoint.sequence(), Problem.EDITED,
                  "the chain no longer passes through the checkpoint: entries up to "
                      + checkpoint.sequence() + " were rewritten");
            }
          }
          return AuditVerification.intact(intact, headSequence);
        });
  }

  /**
   * Says how the chain breaks at {@code row}, found where entry {@code expected} following hash
   * {@code previous} should be. Only the first break is diagnosed; the rules look at how the rows
   * around it link, as a careless (or a careful but incomplete) rewrite leaves them.
   */
  private static AuditVerification diagnose(
      Connection connection,
      Row row,
      long expected,
      String previous,
      long limit,
      long intact,
      long headSequence)
      throws SQLException {
    long e = expected;
    if (row.sequence() > e) {
      return broken(intact, headSequence, e, Problem.DELETED,
          row.sequence() == e + 1
              ? "entry " + e + " is missing"
              : "entries " + e + " to " + (row.sequence() - 1) + " are missing");
    }
    if (row.sequence() < e) {
      return broken(intact, headSequence, row.sequence(), Problem.INSERTED,
          "sequence " + row.sequence() + " appears more than once");
    }
    if (row.sequence() > limit) {
      return broken(intact, headSequence, e, Problem.INSERTED,
          "entry " + e + " lies past the trail's head at " + headSequence);
    }
    boolean successorElsewhere =
        exists(connection, "prev_hash = ? AND sequence <> ?", previous, row.sequence());
    if (row.prevHash().equals(previous)) {
      return successorElsewhere
          ? broken(intact, headSequence, e, Problem.INSERTED,
              "entry " + e + " was never appended: another entry follows entry " + (e - 1))
          : broken(intact, headSequence, e, Problem.EDITED,
              "entry " + e + " does not match its hash");
    }
    if (successorElsewhere) {
      boolean linked =
          exists(connection, "hash = ? AND sequence <> ?", row.prevHash(), row.sequence())
              || exists(connection, "prev_hash = ? AND sequence <> ?", row.hash(), row.sequence());
      return linked
          ? broken(intact, headSequence, e, Problem.REORDERED,
              "entry " + e + " belongs elsewhere in the chain: it does not follow entry " + (e - 1))
          : broken(intact, headSequence, e, Problem.INSERTED,
              "entry " + e + " was never appended: it links to no entry of the trail");
    }
    if (e > 1 && row.hash().equals(row.hashAt(row.sequence(), row.prevHash()))) {
      return broken(intact, headSequence, e - 1, Problem.EDITED,
          "entry " + (e - 1) + " was changed and re-hashed: entry " + e + " no longer follows it");
    }
    for (long k = 1; k <= MAX_RENUMBERING; k++) {
      if (row.hash().equals(row.hashAt(e + k, row.prevHash()))) {
        return broken(intact, headSequence, e, Problem.DELETED,
            k + " entr" + (k == 1 ? "y" : "ies") + " before entry " + e
                + " were deleted and the rest renumbered");
      }
      if (e - k >= 1 && row.hash().equals(row.hashAt(e - k, row.prevHash()))) {
        return broken(intact, headSequence, e - k, Problem.INSERTED,
            "an entry was inserted at " + (e - k) + " and the rest renumbered");
      }
    }
    if (exists(connection, "prev_hash = ? AND sequence <> ?", row.hash(), row.sequence())) {
      return broken(intact, headSequence, e, Problem.EDITED,
          "entry " + e + " was changed: it no longer follows entry " + (e - 1));
    }
    return broken(intact, headSequence, e, Problem.INSERTED,
        "entry " + e + " was never appended: it links to no entry of the trail");
  }

  private static AuditVerification broken(
      long intact, long headSequence, long sequence, Problem problem, String detail) {
    return AuditVerification.broken(intact, headSequence, sequence, problem, detail);
  }

  private static boolean exists(Connection connection, String where, String hash, long sequence)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT 1 FROM hg_audit_entries WHERE " + where + " LIMIT 1")) {
      select.setString(1, hash);
      select.setLong(2, sequence);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  /** The head row, locked for the rest of the transaction; created (at genesis) if absent. */
  private Head lockHead(Connection connection) throws SQLException {
    String lock = database.dialect().forUpdate();
    Optional<Head> head = readHead(connection, lock);
    if (head.isPresent()) {
      return head.get();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO hg_audit_head (id, sequence, hash) VALUES (1, 0, ?)"
                + " ON CONFLICT (id) DO NOTHING")) {
      insert.setString(1, AuditChain.GENESIS);
      insert.executeUpdate();
    }
    return readHead(connection, lock)
        .orElseThrow(() -> new SQLException("the audit trail's head row cannot be created"));
  }

  private static Optional<Head> readHead(Connection connection, String suffix) throws SQLException {
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT sequence, hash FROM hg_audit_head WHERE id = 1" + suffix);
        ResultSet rows = select.executeQuery()) {
      return rows.next() ? Optional.of(new Head(rows.getLong(1), rows.getString(2))) : Optional.empty();
    }
  }

  private record Head(long sequence, String hash) {}

  /** One row of {@code hg_audit_entries}, as stored. */
  private record Row(
      long sequence,
      String time,
      String kind,
      String payloadType,
      String recordId,
      String accessor,
      String purpose,
      String fields,
      String reason,
      String prevHash,
      String hash) {

    static Row of(ResultSet rows) throws SQLException {
      return new Row(
          rows.getLong(1),
          rows.getString(2),
          rows.getString(3),
          rows.getString(4),
          rows.getString(5),
          rows.getString(6),
          rows.getString(7),
          rows.getString(8),
          rows.getString(9),
          rows.getString(10),
          rows.getString(11));
    }

    /** The hash this row's content gives at {@code sequence} after {@code previous}. */
    String hashAt(long sequence, String previous) {
      List<String> paths;
      try {
        paths = AuditChain.decodeFields(fields);
      } catch (IllegalArgumentException e) {
        return "";
      }
      return AuditChain.entryHash(
          sequence, time, kind, payloadType, recordId, accessor, purpose, paths, reason, previous);
    }

    AuditEntry toEntry() {
      try {
        return new AuditEntry(
            sequence,
            new AuditEvent(
                Instant.parse(time),
                AuditEvent.Kind.valueOf(kind),
                payloadType,
                recordId,
                accessor,
                purpose,
                AuditChain.decodeFields(fields),
                reason),
            hash);
      } catch (DateTimeException | IllegalArgumentException | NullPointerException e) {
        throw new StoreException(
            StoreException.Reason.TAMPERED_RECORD,
            "audit entry " + sequence + " cannot be read; verify the trail");
      }
    }
  }
}
