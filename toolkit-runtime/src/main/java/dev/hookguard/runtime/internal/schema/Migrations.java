package dev.hookguard.runtime.internal.schema;

import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.internal.jdbc.Dialect;
import dev.hookguard.runtime.internal.records.PackedFields;
import dev.hookguard.runtime.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Creates and migrates the one schema shared by all payload types. Each migration runs once, in
 * order, recorded in {@code hg_schema_migrations}; running them again changes nothing.
 *
 * <p>Two instances starting at once: on PostgreSQL the whole run holds a transaction-scoped
 * advisory lock keyed on the current schema, so the second waits and then finds nothing to do;
 * on SQLite the run is one {@code BEGIN IMMEDIATE} transaction, which serializes the same way.
 * A database migrated by a newer HookGuard (a version this one does not know) is refused.
 */
public final class Migrations {

  /** One step of the schema, in both dialects. */
  private record Migration(int version, String description, Function<Dialect, List<String>> ddl) {}

  /** The columns of an audit event, as the queue and the chained entries both hold them. */
  private static final String AUDIT_EVENT_COLUMNS =
      " recorded_at TEXT NOT NULL,"
          + " kind TEXT NOT NULL,"
          + " payload_type TEXT NOT NULL,"
          + " record_id TEXT NOT NULL,"
          + " accessor TEXT NOT NULL,"
          + " purpose TEXT NOT NULL,"
          + " fields TEXT NOT NULL,"
          + " reason TEXT NOT NULL";

  private static final List<Migration> MIGRATIONS =
      List.of(
          new Migration(
              1,
              "records, fields, data keyring",
              d ->
                  List.of(
                      "CREATE TABLE hg_keyring ("
                          + " name TEXT PRIMARY KEY,"
                          + " generation INTEGER NOT NULL,"
                          + " revision " + d.int64() + " NOT NULL,"
                          + " aead " + d.bytes() + " NOT NULL,"
                          + " daead " + d.bytes() + " NOT NULL,"
                          + " mac " + d.bytes() + " NOT NULL,"
                          + " prf " + d.bytes() + " NOT NULL,"
                          + " updated_at " + d.int64() + " NOT NULL)",
                      "CREATE TABLE hg_records ("
                          + " payload_type TEXT NOT NULL,"
                          + " record_id TEXT NOT NULL,"
                          + " format INTEGER NOT NULL,"
                          + " received_at " + d.int64() + " NOT NULL,"
                          + " expires_at " + d.int64() + ","
                          + " key_generation INTEGER NOT NULL,"
                          + " mac " + d.bytes() + " NOT NULL,"
                          + " PRIMARY KEY (payload_type, record_id))",
                      "CREATE INDEX hg_records_key_generation ON hg_records (key_generation)",
                      "CREATE INDEX hg_records_expires_at ON hg_records (expires_at)",
                      "CREATE TABLE hg_fields ("
                          + " payload_type TEXT NOT NULL,"
                          + " record_id TEXT NOT NULL,"
                          + " path TEXT NOT NULL,"
                          + " protection INTEGER NOT NULL,"
                          + " value " + d.bytes() + " NOT NULL,"
                          + " lookup_token " + d.bytes() + ","
                          + " expires_at " + d.int64() + ","
                          + " PRIMARY KEY (payload_type, record_id, path),"
                          + " FOREIGN KEY (payload_type, record_id)"
                          + " REFERENCES hg_records (payload_type, record_id) ON DELETE CASCADE)",
                      // Covers the look-up entirely: token match and the ids, without touching the table.
                      "CREATE INDEX hg_fields_lookup"
                          + " ON hg_fields (payload_type, path, lookup_token, record_id)",
                      "CREATE INDEX hg_fields_expires_at ON hg_fields (expires_at)")),
          new Migration(
              2,
              "retention: sweep journal, expiry indexes per payload type",
              d ->
                  List.of(
                      // Depends on version 1 only; IF NOT EXISTS so that applying it after a later
                      // version (parallel branches) or over its own tables is harmless.
                      // Its indexes of expiry per payload type, (payload_type, expires_at) and
                      // (payload_type, path, expires_at), are no longer made: version 7 replaced
                      // them, and applying this version after it must not bring them back.
                      // One row per sweep run, updated by each of its batches: shows crashed or
                      // running sweeps, and when the last one finished (RetentionReport).
                      "CREATE TABLE IF NOT EXISTS hg_retention_sweeps ("
                          + " sweep_id TEXT PRIMARY KEY,"
                          + " started_at " + d.int64() + " NOT NULL,"
                          + " cutoff " + d.int64() + " NOT NULL,"
                          + " heartbeat_at " + d.int64() + " NOT NULL,"
                          + " finished_at " + d.int64() + ","
                          + " day_keys_destroyed " + d.int64() + " NOT NULL,"
                          + " records_deleted " + d.int64() + " NOT NULL,"
                          + " fields_deleted " + d.int64() + " NOT NULL)")),
          // Version 3: the hash-chained audit trail (dev.hookguard.runtime.audit.internal) and the
          // shared replay guard (dev.hookguard.runtime.signature.internal). Depends on nothing but
          // version 1; IF NOT EXISTS throughout, so re-running it over its own tables is harmless.
          new Migration(
              3,
              "audit trail, shared replay guard",
              Migrations::auditTrailAndReplayGuard),
          // Version 4: packed fields and receipts. Fields that need no row of their own are kept
          // in their record's row. A record stored as a receipt carries a keyed tag of the body it
          // came from (a redelivery with the same body is a duplicate, another body a conflict)
          // and, where the message id is not signed, a keyed token of the body (unique: the body
          // is then what identifies the delivery); both are forgotten at the record's earliest
          // expiry. Its audit entry is queued in the same transaction and chained behind it.
          new Migration(
              4,
              "packed fields; receipts: body tags and tokens, audit queue",
              d ->
                  List.of(
                      "ALTER TABLE hg_records ADD COLUMN receipt_tag " + d.bytes(),
                      "ALTER TABLE hg_records ADD COLUMN body_token " + d.bytes(),
                      "ALTER TABLE hg_records ADD COLUMN receipt_expires_at " + d.int64(),
                      // Fields that need no row of their own (PackedFields), and their paths.
                      "ALTER TABLE hg_records ADD COLUMN packed " + d.bytes(),
                      "ALTER TABLE hg_records ADD COLUMN packed_paths TEXT",
                      // PostgreSQL: keep a record row of up to a page inline and uncompressed
                      // (sealed values do not compress); SQLite ignores this (a no-op update).
                      d == Dialect.POSTGRESQL
                          ? "ALTER TABLE hg_records SET (toast_tuple_target = 8160)"
                          : "UPDATE hg_records SET packed = NULL WHERE 1 = 0",
                      "CREATE UNIQUE INDEX hg_records_body_token"
                          + " ON hg_records (payload_type, body_token)"
                          + " WHERE body_token IS NOT NULL",
                      "CREATE INDEX hg_records_receipt_expires_at"
                          + " ON hg_records (receipt_expires_at)"
                          + " WHERE receipt_expires_at IS NOT NULL",
                      // Only deterministic fields carry a token: index only them.
                      "DROP INDEX hg_fields_lookup",
                      "CREATE INDEX hg_fields_lookup"
                          + " ON hg_fields (payload_type, path, lookup_token, record_id)"
                          + " WHERE lookup_token IS NOT NULL",
                      "CREATE TABLE IF NOT EXISTS hg_audit_queue ("
                          + " id " + d.autoIncrementKey() + ","
                          + AUDIT_EVENT_COLUMNS + ")")),
          // Version 5: the transactional outbox (dev.hookguard.runtime.outbox). A receipt of a
          // forwarded payload type writes one row in its own transaction; a relay publishes due
          // rows and deletes them once the broker confirmed them; rows the broker refused too
          // often are kept as dead letters; the retention sweep deletes rows past the record's
          // earliest expiry. Depends on version 1 only; IF NOT EXISTS throughout.
          new Migration(
              5,
              "transactional outbox",
              d ->
                  List.of(
                      "CREATE TABLE IF NOT EXISTS hg_outbox ("
                          + " id " + d.autoIncrementKey() + ","
                          + " topic TEXT NOT NULL,"
                          + " payload_type TEXT NOT NULL,"
                          + " message_id TEXT NOT NULL,"
                          + " record_id TEXT NOT NULL,"
                          + " received_at " + d.int64() + " NOT NULL,"
                          + " body TEXT NOT NULL,"
                          + " expires_at " + d.int64() + ","
                          + " attempts INTEGER NOT NULL DEFAULT 0,"
                          + " next_attempt_at " + d.int64() + " NOT NULL,"
                          + " dead_at " + d.int64() + ")",
                      "CREATE UNIQUE INDEX IF NOT EXISTS hg_outbox_message"
                          + " ON hg_outbox (payload_type, message_id)",
                      // What a relay polls: live rows that are due, oldest first.
                      "CREATE INDEX IF NOT EXISTS hg_outbox_due"
                          + " ON hg_outbox (next_attempt_at, id) WHERE dead_at IS NULL",
                      "CREATE INDEX IF NOT EXISTS hg_outbox_expires_at"
                          + " ON hg_outbox (expires_at) WHERE expires_at IS NOT NULL")),
          // Version 6: data subjects (dev.hookguard.runtime.subject). Each record about a person
          // is indexed under a keyed token of each of its subjects (never the value); the rows go
          // with the record. Erasures are journalled, so one interrupted by a crash is finished
          // by the next run (from the token: the value is not kept). Depends on version 1 only.
          new Migration(
              6,
              "data subjects: index, erasure journal",
              d ->
                  List.of(
                      "CREATE TABLE IF NOT EXISTS hg_subjects ("
                          + " subject_token " + d.bytes() + " NOT NULL,"
                          + " payload_type TEXT NOT NULL,"
                          + " record_id TEXT NOT NULL,"
                          + " PRIMARY KEY (subject_token, payload_type, record_id),"
                          + " FOREIGN KEY (payload_type, record_id)"
                          + " REFERENCES hg_records (payload_type, record_id) ON DELETE CASCADE)",
                      // The cascade from a deleted record finds its rows by this index.
                      "CREATE INDEX IF NOT EXISTS hg_subjects_record"
                          + " ON hg_subjects (payload_type, record_id)",
                      "CREATE TABLE IF NOT EXISTS hg_subject_erasures ("
                          + " erasure_id TEXT PRIMARY KEY,"
                          + " subject_token " + d.bytes() + " NOT NULL,"
                          + " reason TEXT NOT NULL,"
                          + " requested_at " + d.int64() + " NOT NULL,"
                          + " heartbeat_at " + d.int64() + " NOT NULL,"
                          + " finished_at " + d.int64() + ","
                          + " keys_destroyed " + d.int64() + " NOT NULL,"
                          + " records_erased " + d.int64() + " NOT NULL)")),
          // Version 7: the expiry indexes begin with the expiry. (payload_type, expires_at) began
          // as the records' primary key does, so a plan made while the table was small (before
          // PostgreSQL analysed it) could pick it for a look-up by type and id, foreign-key checks
          // included, and read every record of the type per look-up: inserting fields of 2 000
          // records took milliseconds each. One index per table now serves the sweep (a range of
          // expiry) and the report (counts by type and day, read from the index alone), and a
          // record has one index entry fewer to write. Depends on versions 1 and 2.
          new Migration(
              7,
              "expiry indexes led by the expiry",
              d ->
                  List.of(
                      "DROP INDEX IF EXISTS hg_records_type_expires_at",
                      "DROP INDEX IF EXISTS hg_records_expires_at",
                      "CREATE INDEX IF NOT EXISTS hg_records_expiry"
                          + " ON hg_records (expires_at, payload_type)",
                      "DROP INDEX IF EXISTS hg_fields_type_path_expires_at",
                      "DROP INDEX IF EXISTS hg_fields_expires_at",
                      "CREATE INDEX IF NOT EXISTS hg_fields_expiry"
                          + " ON hg_fields (expires_at, payload_type, path)")),
          // Version 8: PostgreSQL checks no foreign key on the rows a record needs beside its
          // own. Each key's check, a trigger per inserted row that locks the record's row, cost
          // the server about 20 µs of a stored record's 85 for three field rows, and 6 to 20 µs
          // for a subject row (toolkit-benchmarks/pg-foreign-keys.sh). What the keys' cascade did
          // on a record's deletion, a trigger does: it deletes the record's field and subject rows
          // by statements of its own, which see what other transactions committed meanwhile (a
          // field row a concurrent put or re-encryption wrote after the deleting transaction
          // began), and it serves instances not yet upgraded, which rely on the cascade for
          // subject rows; a TRUNCATE of the records, which the keys refused, empties both tables
          // too. So a record's deletion deletes nothing else itself; the sweep on PostgreSQL still
          // deletes field rows first, for the paths its audit names. The functions name their
          // tables with this schema, so a session on another search path (or with temporary
          // tables of those names) deletes the right rows. Every table is locked up front, in one
          // order, and the wait for the lock is bounded: behind a long transaction (a backup) the
          // start fails after ten seconds instead of holding every instance's reads and writes.
          // SQLite keeps both keys: it cannot drop one without copying the table, and its check
          // is a look-up in the page cache. Depends on versions 1 and 6.
          new Migration(
              8,
              "PostgreSQL: field and subject rows without foreign keys, deleted by a trigger",
              d ->
                  d == Dialect.POSTGRESQL
                      ? List.of(
                          "SET LOCAL lock_timeout = '10s'",
                          "LOCK TABLE hg_records, hg_fields, hg_subjects IN ACCESS EXCLUSIVE MODE",
                          "DO $do$ DECLARE s text := current_schema(); k record; BEGIN"
                              + " EXECUTE format('CREATE OR REPLACE FUNCTION"
                              + " %1$I.hg_records_delete_rows() RETURNS trigger LANGUAGE plpgsql"
                              + " AS $f$ BEGIN"
                              + " DELETE FROM %1$I.hg_fields WHERE payload_type = OLD.payload_type"
                              + " AND record_id = OLD.record_id;"
                              + " DELETE FROM %1$I.hg_subjects WHERE payload_type = OLD.payload_type"
                              + " AND record_id = OLD.record_id;"
                              + " RETURN NULL; END $f$', s);"
                              // A TRUNCATE of the records, which the keys refused, empties both.
                              + " EXECUTE format('CREATE OR REPLACE FUNCTION"
                              + " %1$I.hg_records_truncate_rows() RETURNS trigger LANGUAGE plpgsql"
                              + " AS $f$ BEGIN TRUNCATE %1$I.hg_fields, %1$I.hg_subjects;"
                              + " RETURN NULL; END $f$', s);"
                              // Whatever their names: every foreign key of the two tables.
                              + " FOR k IN SELECT c.conname, c.conrelid::regclass AS child"
                              + " FROM pg_constraint c WHERE c.contype = 'f'"
                              + " AND c.conrelid IN (format('%I.hg_fields', s)::regclass,"
                              + " format('%I.hg_subjects', s)::regclass) LOOP"
                              + " EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I',"
                              + " k.child, k.conname);"
                              + " END LOOP; END $do$",
                          "DROP TRIGGER IF EXISTS hg_records_delete_rows ON hg_records",
                          "CREATE TRIGGER hg_records_delete_rows AFTER DELETE ON hg_records"
                              + " FOR EACH ROW EXECUTE FUNCTION hg_records_delete_rows()",
                          "DROP TRIGGER IF EXISTS hg_records_truncate_rows ON hg_records",
                          "CREATE TRIGGER hg_records_truncate_rows AFTER TRUNCATE ON hg_records"
                              + " FOR EACH STATEMENT EXECUTE FUNCTION hg_records_truncate_rows()")
                      : List.of()));


  private Migrations() {}

  /** The newest schema version this runtime knows. */
  public static int latestVersion() {
    // The highest, not the last listed: migrations may be listed in any order.
    return MIGRATIONS.stream().mapToInt(Migration::version).max().orElse(0);
  }

  /** Brings the database up to {@link #latestVersion()}; returns the versions applied now. */
  public static List<Integer> migrate(Database database, Clock clock) {
    Dialect dialect = database.dialect();
    return database.inTransaction(
        "migrating the HookGuard schema",
        connection -> {
          if (dialect == Dialect.POSTGRESQL) {
            try (Statement lock = connection.createStatement()) {
              lock.execute(
                  "SELECT pg_advisory_xact_lock(hashtext('dev.hookguard.migrations:' ||"
                      + " current_schema()))");
            }
          }
          try (Statement statement = connection.createStatement()) {
            statement.execute(
                "CREATE TABLE IF NOT EXISTS hg_schema_migrations ("
                    + " version INTEGER PRIMARY KEY,"
                    + " description TEXT NOT NULL,"
                    + " applied_at " + dialect.int64() + " NOT NULL)");
          }
          TreeSet<Integer> applied = appliedVersions(connection);
          if (!applied.isEmpty() && applied.last() > latestVersion()) {
            throw new StoreException(
                StoreException.Reason.SCHEMA_TOO_NEW,
                "the database has schema version "
                    + applied.last()
                    + " but this HookGuard knows only up to "
                    + latestVersion());
          }
          List<Integer> now = new java.util.ArrayList<>();
          // In version order, whatever the list order; a version missing below an applied one
          // (migrations added by parallel branches) is applied now all the same.
          List<Migration> ordered = new java.util.ArrayList<>(MIGRATIONS);
          ordered.sort(java.util.Comparator.comparingInt(Migration::version));
          for (Migration migration : ordered) {
            if (applied.contains(migration.version())) {
              continue;
            }
            try (Statement statement = connection.createStatement()) {
              for (String sql : migration.ddl().apply(dialect)) {
                statement.execute(sql);
              }
            }
            try (PreparedStatement insert =
                connection.prepareStatement(
                    "INSERT INTO hg_schema_migrations (version, description, applied_at)"
                        + " VALUES (?, ?, ?)")) {
              insert.setInt(1, migration.version());
              insert.setString(2, migration.description());
              insert.setLong(3, clock.millis());
              insert.executeUpdate();
            }
            now.add(migration.version());
          }
          return List.copyOf(now);
        });
  }

  /** Version 3. */
  private static List<String> auditTrailAndReplayGuard(Dialect d) {
    List<String> ddl = new java.util.ArrayList<>();
    ddl.add(
        "CREATE TABLE IF NOT EXISTS hg_audit_entries ("
            + " sequence " + d.int64() + " PRIMARY KEY,"
            + AUDIT_EVENT_COLUMNS + ","
            + " prev_hash TEXT NOT NULL,"
            + " hash TEXT NOT NULL)");
    ddl.add(
        "CREATE TABLE IF NOT EXISTS hg_audit_head ("
            + " id INTEGER PRIMARY KEY CHECK (id = 1),"
            + " sequence " + d.int64() + " NOT NULL,"
            + " hash TEXT NOT NULL)");
    // Append-only in the database too: a careless script cannot change or delete an entry without
    // first dropping the trigger (which the hash chain then still exposes).
    if (d == Dialect.POSTGRESQL) {
      ddl.add(
          "CREATE OR REPLACE FUNCTION hg_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS"
              + " $$ BEGIN RAISE EXCEPTION 'hg_audit_entries is append-only'; END $$");
      ddl.add("DROP TRIGGER IF EXISTS hg_audit_append_only ON hg_audit_entries");
      ddl.add(
          "CREATE TRIGGER hg_audit_append_only BEFORE UPDATE OR DELETE ON hg_audit_entries"
              + " FOR EACH ROW EXECUTE FUNCTION hg_audit_append_only()");
    } else {
      for (String event : List.of("UPDATE", "DELETE")) {
        ddl.add(
            "CREATE TRIGGER IF NOT EXISTS hg_audit_no_" + event.toLowerCase(java.util.Locale.ROOT)
                + " BEFORE " + event + " ON hg_audit_entries"
                + " BEGIN SELECT RAISE(ABORT, 'hg_audit_entries is append-only'); END");
      }
    }
    ddl.add(
        "CREATE TABLE IF NOT EXISTS hg_replay_ids ("
            + " scope TEXT NOT NULL,"
            + " message_id TEXT NOT NULL,"
            + " expires_at " + d.int64() + " NOT NULL,"
            + " PRIMARY KEY (scope, message_id))");
    ddl.add("CREATE INDEX IF NOT EXISTS hg_replay_ids_expires_at ON hg_replay_ids (expires_at)");
    return List.copyOf(ddl);
  }

  private static TreeSet<Integer> appliedVersions(Connection connection) throws SQLException {
    TreeSet<Integer> versions = new TreeSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT version FROM hg_schema_migrations")) {
      while (rows.next()) {
        versions.add(rows.getInt(1));
      }
    }
    return versions;
  }
}
