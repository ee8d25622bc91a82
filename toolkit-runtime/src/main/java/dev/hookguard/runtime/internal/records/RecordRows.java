package dev.hookguard.runtime.internal.records;

import dev.hookguard.runtime.crypto.KeyException;
import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.internal.jdbc.Dialect;
import dev.hookguard.runtime.internal.jdbc.Precondition;
import dev.hookguard.runtime.internal.jdbc.RowInsert;
import dev.hookguard.runtime.internal.keys.DataKeys;
import dev.hookguard.runtime.internal.keys.KeyRing;
import dev.hookguard.runtime.internal.records.RecordCodec.SealedField;
import dev.hookguard.runtime.internal.records.RecordCodec.SealedRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQL that moves sealed records in and out of {@code hg_records} and {@code hg_fields}: most
 * fields packed into their record's row, those that need their own in {@code hg_fields} (see
 * {@link PackedFields}).
 */
public final class RecordRows {

  private static final Logger LOG = LoggerFactory.getLogger(RecordRows.class);

  private RecordRows() {}

  /**
   * Reads a record and its fields with one statement, so that the row and its fields come from
   * one snapshot even while another transaction overwrites the record.
   */
  public static Optional<SealedRecord> read(Connection connection, String payloadType, String id)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT r.format, r.received_at, r.expires_at, r.key_generation, r.mac, r.packed,"
                + " f.path, f.protection, f.value, f.lookup_token, f.expires_at"
                + " FROM hg_records r LEFT JOIN hg_fields f"
                + " ON f.payload_type = r.payload_type AND f.record_id = r.record_id"
                + " WHERE r.payload_type = ? AND r.record_id = ?")) {
      select.setString(1, payloadType);
      select.setString(2, id);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(sealedRecord(rows, 0, payloadType, id));
      }
    }
  }

  /** A record as one statement read it, with the keyring's generation and revision beside it. */
  public record Read(int keyGeneration, long keyRevision, Optional<SealedRecord> record) {}

  /**
   * {@link #read}, in one statement that also reads the keyring's row (so a read needs one
   * statement, and no transaction): the keyring's generation and revision, and the record if there
   * is one, from one snapshot.
   */
  public static Read readWithKeyring(Connection connection, String payloadType, String id)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT " + KeyRing.KEYRING_COLUMNS + ", r.format, r.received_at, r.expires_at,"
                + " r.key_generation, r.mac, r.packed,"
                + " f.path, f.protection, f.value, f.lookup_token, f.expires_at"
                + " FROM " + KeyRing.KEYRING_ROW
                + " LEFT JOIN hg_records r ON r.payload_type = ? AND r.record_id = ?"
                + " LEFT JOIN hg_fields f"
                + " ON f.payload_type = r.payload_type AND f.record_id = r.record_id")) {
      KeyRing.bindKeyring(select, 1);
      select.setString(2, payloadType);
      select.setString(3, id);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          throw new KeyException(
              KeyException.Reason.KEYSET_UNREADABLE, "the data keyring row is missing");
        }
        int generation = rows.getInt(1);
        long revision = rows.getLong(2);
        rows.getInt(3);
        if (rows.wasNull()) {
          return new Read(generation, revision, Optional.empty());
        }
        return new Read(generation, revision,
            Optional.of(sealedRecord(rows, 2, payloadType, id)));
      }
    }
  }

  /**
   * The record whose row {@code rows} is on (its record columns from {@code offset + 1} on: those
   * of {@link #read}), reading its field rows to the end.
   */
  private static SealedRecord sealedRecord(ResultSet rows, int offset, String payloadType, String id)
      throws SQLException {
    int format = rows.getInt(offset + 1);
    long receivedAt = rows.getLong(offset + 2);
    Long expiresAt = optionalLong(rows, offset + 3);
    int keyGeneration = rows.getInt(offset + 4);
    byte[] mac = rows.getBytes(offset + 5);
    byte[] packed = rows.getBytes(offset + 6);
    List<SealedField> fields = new ArrayList<>();
    if (packed != null) {
      fields.addAll(PackedFields.decode(packed, expiresAt));
    }
    do {
      String path = rows.getString(offset + 7);
      if (path != null) {
        fields.add(new SealedField(path, rows.getInt(offset + 8), rows.getBytes(offset + 9),
            rows.getBytes(offset + 10), optionalLong(rows, offset + 11)));
      }
    } while (rows.next());
    fields.sort(java.util.Comparator.comparing(SealedField::path));
    return new SealedRecord(
        payloadType, id, format, receivedAt, expiresAt, keyGeneration, mac, fields);
  }

  /** Inserts a record unless one with its id exists; {@code false} if one did. */
  public static boolean insert(Connection connection, SealedRecord record) throws SQLException {
    // Row by row (the SQLite form) works on either database; one row needs no RETURNING.
    ReceiptRow row = new ReceiptRow(record, null, null, null);
    if (!insertReceipts(connection, Dialect.SQLITE, List.of(row))[0]) {
      return false;
    }
    insertFields(connection, List.of(record));
    return true;
  }

  /**
   * A record row to insert: the sealed record and, for a receipt, its tag, its body token (or
   * null) and when both are to be forgotten (null: kept with the record); and the record's fields
   * kept in its row, encoded when the row is made (so a batch's helper thread encodes them, not
   * the thread inserting). Its other fields are left to {@link #insertFields}.
   */
  public record ReceiptRow(SealedRecord record, byte[] tag, byte[] bodyToken, Long receiptExpiresAt,
      PackedRow packed) {

    /** Checks the parts every row has. */
    public ReceiptRow {
      Objects.requireNonNull(record, "record");
      Objects.requireNonNull(packed, "packed");
    }

    /** The row of {@code record}, its packed fields encoded now. */
    public ReceiptRow(SealedRecord record, byte[] tag, byte[] bodyToken, Long receiptExpiresAt) {
      this(record, tag, bodyToken, receiptExpiresAt, PackedRow.of(record));
    }
  }

  /**
   * The {@code packed} and {@code packed_paths} columns of a record's row: its fields kept in the
   * row, encoded, and their paths (a field group's members named one by one); both null if none.
   */
  public record PackedRow(byte[] value, String paths) {

    static PackedRow of(SealedRecord record) {
      List<SealedField> packed = packed(record);
      return packed.isEmpty()
          ? new PackedRow(null, null)
          : new PackedRow(PackedFields.encode(packed),
              PackedFields.paths(record.payloadType(), record.id(), packed));
    }
  }

  private static final String INSERT_RECORD =
      "INSERT INTO hg_records (payload_type, record_id, format, received_at, expires_at,"
          + " key_generation, mac, receipt_tag, body_token, receipt_expires_at, packed,"
          + " packed_paths) VALUES ";
  private static final String ROW_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final int ROW_PARAMETERS = 12;
  private static final String UNLESS_TAKEN = " ON CONFLICT (payload_type, record_id) DO NOTHING";

  /**
   * Inserts the record rows of {@code rows}, each unless its id is taken; which were inserted, by
   * position. PostgreSQL: one multi-row statement (one round trip for the whole batch); SQLite:
   * one prepared statement run once per row (in-process calls). Pass {@link Dialect#SQLITE} for
   * the row-by-row form on either database.
   */
  public static boolean[] insertReceipts(Connection connection, Dialect dialect, List<ReceiptRow> rows)
      throws SQLException {
    boolean[] inserted = new boolean[rows.size()];
    if (rows.isEmpty()) {
      return inserted;
    }
    if (dialect != Dialect.POSTGRESQL) {
      try (PreparedStatement insert =
          connection.prepareStatement(INSERT_RECORD + ROW_VALUES + UNLESS_TAKEN)) {
        for (int i = 0; i < rows.size(); i++) {
          bind(insert, 1, rows.get(i));
          inserted[i] = insert.executeUpdate() > 0;
        }
      }
      return inserted;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(insertReceiptsStatement(rows.size(), UNLESS_TAKEN))) {
      bindReceipts(insert, 1, rows);
      try (ResultSet returned = insert.executeQuery()) {
        return inserted(returned, rows);
      }
    }
  }

  /**
   * PostgreSQL: the statement that inserts {@code count} record rows, each unless <em>any</em>
   * unique key of its is taken (the id, or a receipt's body token), and fails the transaction
   * (SQLState {@code 22P02}) unless all were inserted: for a writer that sends its whole
   * transaction in one round trip. Bind it with {@link #bindReceipts}.
   */
  public static String insertAllNew(int count) {
    return "WITH inserted AS (" + insertReceiptsStatement(count, " ON CONFLICT DO NOTHING")
        + ") SELECT CAST(CASE WHEN COUNT(*) = " + count
        + " THEN '1' ELSE 'a receipt is not new' END AS integer) FROM inserted";
  }

  private static String insertReceiptsStatement(int count, String onConflict) {
    StringBuilder sql = new StringBuilder(INSERT_RECORD);
    for (int i = 0; i < count; i++) {
      sql.append(i == 0 ? "" : ", ").append(ROW_VALUES);
    }
    return sql.append(onConflict).append(" RETURNING payload_type, record_id").toString();
  }

  /**
   * PostgreSQL: writes {@code rows}, which must all be new, with {@code others} (the rows they need
   * beside their own, then any other participant's), in a transaction of {@code database} sent as
   * one round trip: one multi-statement that takes the keyring's shared lock, checks that the keys
   * are still {@code sealing} (those the records were sealed with), inserts every record row
   * unless a unique key of any is taken and checks that all were inserted, inserts {@code others},
   * and ends in {@code COMMIT}; {@code checks} go after the key check, before the writes. Returns
   * true once committed; false, with nothing written, if the server refused any of it (the keys
   * changed, a check failed, a record was not new, a row was refused, or the database failed):
   * the server then skipped the rest and the transaction was rolled back, and the caller decides
   * record by record.
   */
  public static boolean writeAllNew(Database database, String what, KeyRing keys,
      DataKeys sealing, List<Precondition> checks, List<ReceiptRow> rows, List<RowInsert> others) {
    StringBuilder sql = new StringBuilder(keys.stillCurrentStatements());
    checks.forEach(check -> sql.append("; ").append(check.sql()));
    sql.append("; ").append(insertAllNew(rows.size()));
    others.forEach(insert -> sql.append("; ").append(insert.sql()));
    sql.append("; COMMIT");
    try {
      return database.inTransaction(what, connection -> {
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
          int next = keys.bindStillCurrent(statement, 1, sealing);
          for (Precondition check : checks) {
            next = check.bind(statement, next);
          }
          next = bindReceipts(statement, next, rows);
          for (RowInsert insert : others) {
            next = insert.bind(statement, next);
          }
          statement.execute();
          return true; // committed by the statement; the transaction's commit finds nothing
        } catch (SQLException e) {
          // Nearly always a record not new, or keys changed; a broken statement would show here.
          LOG.debug("{}: the one-round-trip write was refused (SQLState {}), deciding again",
              what, e.getSQLState());
          throw NotAllNew.INSTANCE; // rolls back what the server did not skip
        }
      });
    } catch (NotAllNew e) {
      return false;
    }
  }

  /** Thrown to roll back a {@link #writeAllNew} the server refused; carries nothing. */
  private static final class NotAllNew extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final NotAllNew INSTANCE = new NotAllNew();

    private NotAllNew() {
      super("records were not all new, or the keys changed", null, false, false);
    }
  }

  /**
   * Binds {@code rows} to a multi-row insert's parameters from {@code first} on; returns the next
   * parameter's index.
   */
  public static int bindReceipts(PreparedStatement insert, int first, List<ReceiptRow> rows)
      throws SQLException {
    for (int i = 0; i < rows.size(); i++) {
      bind(insert, first + i * ROW_PARAMETERS, rows.get(i));
    }
    return first + rows.size() * ROW_PARAMETERS;
  }

  /** {@code count} placeholders for an {@code IN} list: {@code ?, ?, …}. */
  private static String placeholders(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }

  /** Binds {@code tokens} from parameter {@code first} on; returns the next parameter's index. */
  private static int bindTokens(PreparedStatement statement, int first, List<byte[]> tokens)
      throws SQLException {
    for (int i = 0; i < tokens.size(); i++) {
      statement.setBytes(first + i, tokens.get(i));
    }
    return first + tokens.size();
  }

  /** Which of {@code rows} a multi-row insert returned as inserted, by position. */
  private static boolean[] inserted(ResultSet returned, List<ReceiptRow> rows) throws SQLException {
    Map<String, Integer> positions = new java.util.HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      SealedRecord record = rows.get(i).record();
      positions.putIfAbsent(record.payloadType() + '\0' + record.id(), i);
    }
    boolean[] inserted = new boolean[rows.size()];
    while (returned.next()) {
      // The first of several rows with one id is the one a conflict-free insert took.
      Integer at = positions.get(returned.getString(1) + '\0' + returned.getString(2));
      if (at != null) {
        inserted[at] = true;
      }
    }
    return inserted;
  }

  /** Binds the {@value #ROW_PARAMETERS} values of {@code row} from parameter {@code first} on. */
  private static void bind(PreparedStatement insert, int first, ReceiptRow row)
      throws SQLException {
    SealedRecord record = row.record();
    int p = first;
    insert.setString(p++, record.payloadType());
    insert.setString(p++, record.id());
    insert.setInt(p++, record.format());
    insert.setLong(p++, record.receivedAt());
    setOptionalLong(insert, p++, record.expiresAt());
    insert.setInt(p++, record.keyGeneration());
    insert.setBytes(p++, record.mac());
    setOptionalBytes(insert, p++, row.tag());
    setOptionalBytes(insert, p++, row.bodyToken());
    setOptionalLong(insert, p++, row.receiptExpiresAt());
    setOptionalBytes(insert, p++, row.packed().value());
    if (row.packed().paths() == null) {
      insert.setNull(p, Types.VARCHAR);
    } else {
      insert.setString(p, row.packed().paths());
    }
  }

  /** A (payload type, body token) pair as one comparable key. */
  public static String tokenKey(String payloadType, byte[] token) {
    return payloadType + '\0' + java.util.HexFormat.of().formatHex(token);
  }

  /**
   * Which of the body tokens of payload type {@code payloadType} in {@code tokens} are stored, not
   * yet forgotten at {@code now}, as {@link #tokenKey}s: one statement for all.
   */
  public static Set<String> presentBodyTokens(
      Connection connection, String payloadType, List<byte[]> tokens, long now)
      throws SQLException {
    Set<String> present = new java.util.HashSet<>();
    if (tokens.isEmpty()) {
      return present;
    }
    String placeholders = placeholders(tokens.size());
    try (PreparedStatement select =
        connection.prepareStatement(
            // "IS NOT NULL" spelled out: the partial index on body tokens then serves the
            // look-up under any plan, generic prepared plans included.
            "SELECT body_token FROM hg_records WHERE payload_type = ? AND body_token IS NOT NULL"
                + " AND body_token IN (" + placeholders + ")"
                + " AND (receipt_expires_at IS NULL OR receipt_expires_at > ?)")) {
      select.setString(1, payloadType);
      select.setLong(bindTokens(select, 2, tokens), now);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          present.add(tokenKey(payloadType, rows.getBytes(1)));
        }
      }
    }
    return present;
  }

  /**
   * The receipt tag of a stored record: empty if there is no such record, an empty array if the
   * record has no tag it may still be compared by (stored through a plain put, or past its
   * receipt's expiry at {@code now}).
   */
  public static Optional<byte[]> receiptTag(
      Connection connection, String payloadType, String id, long now) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT receipt_tag, receipt_expires_at FROM hg_records"
                + " WHERE payload_type = ? AND record_id = ?")) {
      select.setString(1, payloadType);
      select.setString(2, id);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        byte[] tag = rows.getBytes(1);
        Long forgetAt = optionalLong(rows, 2);
        boolean usable = tag != null && (forgetAt == null || now < forgetAt);
        return Optional.of(usable ? tag : new byte[0]);
      }
    }
  }

  /**
   * Erases the receipt tags and body tokens of at most {@code limit} records whose receipt expiry
   * is at or before {@code cutoff}; returns how many.
   */
  public static int forgetReceipts(Connection connection, long cutoff, int limit) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE hg_records SET receipt_tag = NULL, body_token = NULL, receipt_expires_at = NULL"
                + " WHERE (payload_type, record_id) IN (SELECT payload_type, record_id"
                + " FROM hg_records WHERE receipt_expires_at IS NOT NULL"
                + " AND receipt_expires_at <= ? LIMIT ?)")) {
      update.setLong(1, cutoff);
      update.setInt(2, limit);
      return update.executeUpdate();
    }
  }

  /**
   * Erases the receipt tags and body tokens of records of {@code payloadType} whose body token is
   * one of {@code tokens} and whose receipt expired at or before {@code now}: what the next sweep
   * would erase, erased before a new record with one of these tokens is inserted.
   */
  public static void forgetExpiredBodyTokens(
      Connection connection, String payloadType, List<byte[]> tokens, long now)
      throws SQLException {
    if (tokens.isEmpty()) {
      return;
    }
    String placeholders = placeholders(tokens.size());
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE hg_records SET receipt_tag = NULL, body_token = NULL, receipt_expires_at = NULL"
                + " WHERE payload_type = ? AND body_token IS NOT NULL"
                + " AND body_token IN (" + placeholders + ")"
                + " AND receipt_expires_at IS NOT NULL AND receipt_expires_at <= ?")) {
      update.setString(1, payloadType);
      update.setLong(bindTokens(update, 2, tokens), now);
      update.executeUpdate();
    }
  }

  /**
   * Replaces the fields, MAC, format and key generation of an existing record (re-encryption, the
   * sweep), which the caller's transaction has locked; {@code false}, with nothing written, if the
   * record is not there.
   */
  public static boolean rewrite(Connection connection, SealedRecord record) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE hg_records SET key_generation = ?, mac = ?, packed = ?, packed_paths = ?,"
                + " format = ? WHERE payload_type = ? AND record_id = ?")) {
      List<SealedField> packed = packed(record);
      update.setInt(1, record.keyGeneration());
      update.setBytes(2, record.mac());
      setOptionalBytes(update, 3, packed.isEmpty() ? null : PackedFields.encode(packed));
      if (packed.isEmpty()) {
        update.setNull(4, Types.VARCHAR);
      } else {
        update.setString(4, PackedFields.paths(record.payloadType(), record.id(), packed));
      }
      // A field group regrouped down to one field, or deleted, leaves the grouped format.
      update.setInt(5, record.format());
      update.setString(6, record.payloadType());
      update.setString(7, record.id());
      if (update.executeUpdate() == 0) {
        return false; // no field rows for a record that is gone
      }
    }
    deleteFields(connection, record.payloadType(), record.id());
    insertFields(connection, List.of(record));
    return true;
  }

  /**
   * Deletes a record; its field and subject rows go with it (SQLite's foreign-key cascade,
   * PostgreSQL's trigger {@code hg_records_delete_rows}, which also takes field rows another
   * transaction committed meanwhile). {@code true} if there was one.
   */
  public static boolean delete(Connection connection, String payloadType, String id) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM hg_records WHERE payload_type = ? AND record_id = ?")) {
      delete.setString(1, payloadType);
      delete.setString(2, id);
      return delete.executeUpdate() > 0;
    }
  }

  private static void deleteFields(Connection connection, String payloadType, String id)
      throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM hg_fields WHERE payload_type = ? AND record_id = ?")) {
      delete.setString(1, payloadType);
      delete.setString(2, id);
      delete.executeUpdate();
    }
  }

  /** The fields of {@code record} kept in its own row, in path order. */
  private static List<SealedField> packed(SealedRecord record) {
    return record.fields().stream()
        .filter(f -> PackedFields.packs(f, record.expiresAt()))
        .sorted(java.util.Comparator.comparing(SealedField::path))
        .toList();
  }

  /**
   * Inserts the rows of {@code records}' fields that are not packed into their record's row, and
   * their data subjects' index rows (see {@link #fieldInserts}).
   */
  public static void insertFields(Connection connection, List<SealedRecord> records)
      throws SQLException {
    for (RowInsert insert : fieldInserts(records)) {
      insert.execute(connection);
    }
  }

  /**
   * The rows {@code records} need beside their own: the data subjects' index ({@code
   * hg_subjects}; the rows go with their record: SQLite's foreign key cascades, PostgreSQL's
   * trigger {@code hg_records_delete_rows} deletes them) and the fields that
   * are not packed into the record's row ({@code hg_fields}). Empty inserts are left out.
   */
  public static List<RowInsert> fieldInserts(List<SealedRecord> records) {
    RowInsert subjects = RowInsert.into("hg_subjects", "subject_token, payload_type, record_id",
        "(?, ?, ?)", Types.BINARY, Types.VARCHAR, Types.VARCHAR);
    RowInsert fields = RowInsert.into("hg_fields",
        "payload_type, record_id, path, protection, value, lookup_token, expires_at",
        "(?, ?, ?, ?, ?, ?, ?)", Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER,
        Types.BINARY, Types.BINARY, Types.BIGINT);
    for (SealedRecord record : records) {
      for (byte[] token : record.subjectTokens()) {
        subjects.row(token, record.payloadType(), record.id());
      }
      for (SealedField field : record.fields()) {
        if (!PackedFields.packs(field, record.expiresAt())) {
          fields.row(record.payloadType(), record.id(), field.path(), field.protection(),
              field.value(), field.token(), field.expiresAt());
        }
      }
    }
    return java.util.stream.Stream.of(subjects, fields).filter(i -> !i.isEmpty()).toList();
  }

  /**
   * Ids of the records whose field {@code path} carries one of {@code tokens}, in id order, leaving
   * out records and fields past their expiry at {@code now} (epoch millis).
   */
  public static List<String> idsByToken(
      Connection connection, String payloadType, String path, List<byte[]> tokens, long now)
      throws SQLException {
    return idsByToken(connection, payloadType, path, tokens, now, Long.MIN_VALUE);
  }

  /**
   * The records whose field {@code path} holds one of {@code tokens}, unexpired at {@code now},
   * and received after {@code receivedAfter} (a retention shortened since they were stored).
   */
  public static List<String> idsByToken(
      Connection connection, String payloadType, String path, List<byte[]> tokens, long now,
      long receivedAfter)
      throws SQLException {
    String placeholders = placeholders(tokens.size());
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT f.record_id FROM hg_fields f JOIN hg_records r"
                + " ON r.payload_type = f.payload_type AND r.record_id = f.record_id"
                + " WHERE f.payload_type = ? AND f.path = ? AND f.lookup_token IS NOT NULL"
                + " AND f.lookup_token IN ("
                + placeholders
                + ") AND (f.expires_at IS NULL OR f.expires_at > ?)"
                + " AND (r.expires_at IS NULL OR r.expires_at > ?) AND r.received_at > ?")) {
      select.setString(1, payloadType);
      select.setString(2, path);
      int next = bindTokens(select, 3, tokens);
      select.setLong(next, now);
      select.setLong(next + 1, now);
      select.setLong(next + 2, receivedAfter);
      List<String> ids = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getString(1));
        }
      }
      // Sorted here, not by ORDER BY: on SQLite without statistics an ORDER BY record_id can
      // lead the planner to the primary key (a scan of the whole payload type) instead of the
      // token index.
      ids.sort(null);
      return ids;
    }
  }

  private static Long optionalLong(ResultSet rows, int column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? null : value;
  }

  private static void setOptionalBytes(PreparedStatement statement, int index, byte[] value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BINARY);
    } else {
      statement.setBytes(index, value);
    }
  }

  private static void setOptionalLong(PreparedStatement statement, int index, Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }
}
