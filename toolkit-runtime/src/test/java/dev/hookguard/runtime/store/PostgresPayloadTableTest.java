package dev.hookguard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.generated.GeneratedStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The behavioural suite on PostgreSQL (a fresh schema per test, dropped afterwards), plus what
 * only a shared server can show: instances starting at once.
 */
class PostgresPayloadTableTest extends PayloadTableContract {

  @Override
  StoreBackend newBackend(Path directory) {
    return new PostgresBackend(directory);
  }

  /**
   * A plan made while the records table is small and not yet analysed, as the foreign-key checks of
   * a fresh store's first inserts are (and kept by the connection until the table is analysed),
   * must still find a record by its type and id through the primary key. Before schema version 7,
   * the expiry index (payload_type, expires_at) won that tie, and each check then read every
   * record of the type.
   */
  @Test
  void lookUpsByTypeAndIdUseThePrimaryKeyInPlansMadeBeforeAnyAnalyse() throws Exception {
    PostgresBackend postgres = (PostgresBackend) backend;
    try (Connection raw = backend.rawConnection();
        Statement statement = raw.createStatement()) {
      String records = postgres.schema() + ".hg_records";
      statement.execute("INSERT INTO " + records + " (payload_type, record_id, format,"
          + " received_at, expires_at, key_generation, mac) SELECT 'shop.Order', 'order-' || i,"
          + " 1, 0, NULL, 1, '\\x00' FROM generate_series(1, 3) i");
      statement.execute("SET plan_cache_mode = force_generic_plan");
      statement.execute("PREPARE record_of(text, text) AS SELECT 1 FROM ONLY " + records
          + " x WHERE payload_type = $1 AND record_id = $2 FOR KEY SHARE OF x");
      statement.execute("PREPARE fields_of(text, text) AS SELECT path FROM "
          + postgres.schema() + ".hg_fields WHERE payload_type = $1 AND record_id = $2");

      assertThat(plan(statement, "EXPLAIN EXECUTE record_of('shop.Order', 'order-1')"))
          .contains("hg_records_pkey").doesNotContain("Filter");
      assertThat(plan(statement, "EXPLAIN EXECUTE fields_of('shop.Order', 'order-1')"))
          .contains("hg_fields_pkey").doesNotContain("Filter");
      statement.execute("DEALLOCATE ALL");
      statement.execute("RESET plan_cache_mode");
    }
  }

  /**
   * Schema version 8: the rows a record needs beside its own are inserted without a foreign-key
   * check; a trigger deletes them with it ({@link
   * PayloadTableContract#noFieldRowOutlivesItsRecord}, {@code
   * SubjectsContract#aRecordDeletedByAnyStatementTakesItsSubjectRowsWithIt}).
   */
  @Test
  void noForeignKeyIsCheckedOnInsert() throws Exception {
    PostgresBackend postgres = (PostgresBackend) backend;
    List<String> keys = new ArrayList<>();
    try (Connection raw = backend.rawConnection();
        PreparedStatement select = raw.prepareStatement(
            "SELECT c.conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace"
                + " WHERE c.contype = 'f' AND n.nspname = ?")) {
      select.setString(1, postgres.schema());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          keys.add(rows.getString(1));
        }
      }
    }
    assertThat(keys).isEmpty();
  }

  /**
   * A deletion's two statements, the field rows' and then the record's, each see what was committed
   * when it began: a put of the same id committed between them leaves field rows its first
   * statement did not see. The trigger of schema version 8 deletes them with the record, as the
   * foreign key's cascade did.
   */
  @Test
  void fieldRowsCommittedBetweenADeletionsTwoStatementsGoWithTheRecord() throws Exception {
    try (Connection deleter = backend.rawConnection()) {
      deleter.setAutoCommit(false);
      try (PreparedStatement fields = deleter.prepareStatement(
          "DELETE FROM hg_fields WHERE payload_type = ? AND record_id = ?")) {
        fields.setString(1, TYPE);
        fields.setString(2, "raced");
        assertThat(fields.executeUpdate()).isZero();
      }
      orders.put("raced", order("raced@example.com", "4242424242424242", "n"), false);
      try (PreparedStatement record = deleter.prepareStatement(
          "DELETE FROM hg_records WHERE payload_type = ? AND record_id = ?")) {
        record.setString(1, TYPE);
        record.setString(2, "raced");
        assertThat(record.executeUpdate()).isEqualTo(1);
      }
      deleter.commit();
    }
    assertThat(fieldRows()).isEmpty();
    orders.put("raced", order("again@example.com", "5555555555554444", "m"), false);
    assertThat(orders.get("raced").orElseThrow().fieldJson())
        .containsEntry("email", "\"again@example.com\"");
  }

  /**
   * The trigger names its tables with the schema it was made in: a session on another search path,
   * with temporary tables of the same names, deletes a record's rows all the same.
   */
  @Test
  void aRecordDeletedFromASessionOnAnotherSearchPathTakesItsRowsWithIt() throws Exception {
    String schema = ((PostgresBackend) backend).schema();
    try (Connection other = backend.rawConnection();
        Statement statement = other.createStatement()) {
      putWithASubjectRow("elsewhere", statement);
      statement.execute("SET search_path = public");
      statement.execute("CREATE TEMP TABLE hg_fields (payload_type text, record_id text)");
      statement.execute("CREATE TEMP TABLE hg_subjects (payload_type text, record_id text)");
      assertThat(statement.executeUpdate(
          "DELETE FROM " + schema + ".hg_records WHERE record_id = 'elsewhere'")).isEqualTo(1);
      // The connection goes back to a pool.
      statement.execute("DROP TABLE pg_temp.hg_fields, pg_temp.hg_subjects");
      statement.execute("RESET search_path");
    }
    assertThat(fieldRows()).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM hg_subjects")).isZero();
  }

  /** A TRUNCATE of the records, which the foreign keys refused, takes the other rows with them. */
  @Test
  void truncatingTheRecordsEmptiesTheirFieldAndSubjectRows() throws Exception {
    try (Connection raw = backend.rawConnection();
        Statement statement = raw.createStatement()) {
      putWithASubjectRow("t1", statement);
      statement.execute("TRUNCATE hg_records");
    }
    assertThat(fieldRows()).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM hg_subjects")).isZero();
    orders.put("t1", order("u@example.com", "5555555555554444", "m"), false);
    assertThat(orders.get("t1").orElseThrow().fieldJson()).containsEntry("email", "\"u@example.com\"");
  }

  /**
   * Stores order {@code id}, with a subject row for it written by {@code statement} (this test's
   * records are about no one; the row stands for a data subject's).
   */
  private void putWithASubjectRow(String id, Statement statement) throws Exception {
    orders.put(id, order(id + "@example.com", "4242424242424242", "n"), false);
    statement.execute("INSERT INTO hg_subjects (subject_token, payload_type, record_id)"
        + " VALUES ('\\x01', '" + TYPE + "', '" + id + "')");
  }

  /**
   * Version 8 locks the three tables: behind a transaction that holds one of them (a backup, a
   * long report) the start fails after ten seconds, naming the lock, instead of holding every other
   * instance's reads and writes until that transaction ends; started again later, it migrates.
   */
  @Test
  void versionEightGivesUpOnItsLocksBehindALongTransactionAndMigratesLater() throws Exception {
    hookGuard.close();
    hookGuard = null;
    try (Connection raw = backend.rawConnection();
        Statement statement = raw.createStatement()) {
      statement.execute("DELETE FROM hg_schema_migrations WHERE version = 8");
    }
    try (Connection reader = backend.rawConnection();
        Statement statement = reader.createStatement()) {
      reader.setAutoCommit(false);
      statement.executeQuery("SELECT COUNT(*) FROM hg_records").close();
      long started = System.nanoTime();
      // Bounded here too: without its lock timeout the start would wait for the reader for ever.
      assertThatThrownBy(() -> org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
              java.time.Duration.ofSeconds(60), this::newInstance))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("migrating the HookGuard schema failed: a lock was not granted")
          .rootCause().hasMessageContaining("SQLState 55P03");
      assertThat(java.time.Duration.ofNanos(System.nanoTime() - started))
          .isBetween(java.time.Duration.ofSeconds(9), java.time.Duration.ofSeconds(30));
      reader.rollback();
    }
    hookGuard = newInstance();
    assertThat(count("SELECT COUNT(*) FROM hg_schema_migrations WHERE version = 8")).isEqualTo(1);
    orders = GeneratedStores.table(hookGuard, SCHEMA);
    orders.put("after", order("a@example.com", "4242424242424242", "n"), false);
    assertThat(orders.delete("after")).isTrue();
    assertThat(fieldRows()).isEmpty();
  }

  private static String plan(Statement statement, String explain) throws Exception {
    StringBuilder plan = new StringBuilder();
    try (ResultSet rows = statement.executeQuery(explain)) {
      while (rows.next()) {
        plan.append(rows.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }

  @Test
  void instancesStartingAtOnceMigrateOnceAndShareOneKeyring() throws Exception {
    hookGuard.close();
    hookGuard = null;
    PostgresBackend postgres = (PostgresBackend) backend;
    // A brand-new schema: drop what open() created, whatever tables the migrations made.
    try (Connection raw = backend.rawConnection();
        Statement statement = raw.createStatement()) {
      statement.execute("DROP SCHEMA " + postgres.schema() + " CASCADE");
      statement.execute("CREATE SCHEMA " + postgres.schema());
    }

    int instances = 4;
    List<HikariDataSource> pools = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(instances);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<HookGuard>> started = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        HikariDataSource pool = postgres.newPool(2);
        pools.add(pool);
        Callable<HookGuard> task =
            () -> {
              start.await();
              return HookGuard.builder()
                  .postgres(pool)
                  .masterKey(masterKey)
                  .auditSink(audit)
                  .build();
            };
        started.add(threads.submit(task));
      }
      start.countDown();
      List<HookGuard> all = new ArrayList<>();
      for (Future<HookGuard> future : started) {
        all.add(future.get());
      }

      GeneratedStores.table(all.get(0), SCHEMA).put("shared", order("x@example.com", "1", "n"), false);
      for (HookGuard each : all) {
        assertThat(GeneratedStores.table(each, SCHEMA).get("shared")).isPresent();
        each.close();
      }
      assertThat(count("SELECT COUNT(*) FROM hg_schema_migrations"))
          .isEqualTo(dev.hookguard.runtime.internal.schema.Migrations.latestVersion());
      assertThat(count("SELECT COUNT(*) FROM hg_keyring")).isEqualTo(1);
    } finally {
      threads.shutdownNow();
      pools.forEach(HikariDataSource::close);
    }
  }

  @Test
  void tablesLiveInTheConfiguredSchema() throws Exception {
    List<String> tables = new ArrayList<>();
    try (Connection raw = backend.rawConnection();
        Statement statement = raw.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + ((PostgresBackend) backend).schema()
                    + "'")) {
      while (rows.next()) {
        tables.add(rows.getString(1));
      }
    }
    assertThat(tables)
        .contains(
            "hg_schema_migrations",
            "hg_keyring",
            "hg_records",
            "hg_fields",
            "hg_retention_sweeps",
            "hg_retention_keys");
  }

  private long count(String sql) throws Exception {
    try (Connection raw = backend.rawConnection();
        Statement statement = raw.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }
}
