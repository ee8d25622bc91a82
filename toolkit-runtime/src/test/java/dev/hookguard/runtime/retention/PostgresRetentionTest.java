package dev.hookguard.runtime.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.store.PostgresBackend;
import dev.hookguard.runtime.store.StoreBackend;
import java.nio.file.Path;
import dev.hookguard.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The retention suite on PostgreSQL, with the day keys in a schema of their own; plus what only a
 * shared server can show: sweepers racing.
 */
class PostgresRetentionTest extends RetentionContract {

  private String keySchema;
  private final List<String> extraSchemas = new ArrayList<>();

  @Override
  StoreBackend newBackend(Path directory) {
    PostgresBackend postgres = new PostgresBackend(directory);
    keySchema = postgres.schema() + "_keys";
    extraSchemas.add(keySchema);
    return postgres;
  }

  private PostgresBackend postgres() {
    return (PostgresBackend) backend;
  }

  @Override
  HookGuard.Builder configure(HookGuard.Builder builder) {
    return backend.configure(builder).retentionKeys(postgres().dataSource(), keySchema);
  }

  @AfterEach
  void dropExtraSchemas() throws Exception {
    try (Connection admin = TestPostgres.server().connect();
        Statement statement = admin.createStatement()) {
      for (String schema : extraSchemas) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  /**
   * No: the backup below copies rows only ({@code CREATE TABLE AS}), without the column defaults
   * and sequences that appending to the audit trail needs.
   */
  @Override
  boolean backupsTakeWrites() {
    return false;
  }

  /** A SELECT-dump of every table of the record store's schema into a schema of its own. */
  @Override
  Backup takeBackup() throws Exception {
    String copy = postgres().schema() + "_bk";
    String foreignKeys = copy + "_fk";
    extraSchemas.add(copy);
    extraSchemas.add(foreignKeys);
    postgres().copyTo(copy);
    HikariDataSource pool = PostgresBackend.poolOn(copy, 3);
    return new Backup() {
      @Override
      public HookGuard.Builder configure(HookGuard.Builder builder, boolean liveKeys) {
        return builder
            .postgres(pool)
            .retentionKeys(
                liveKeys ? postgres().dataSource() : pool, liveKeys ? keySchema : foreignKeys);
      }

      @Override
      public void close() {
        pool.close();
      }
    };
  }

  @Test
  void dayKeysLiveInTheirOwnSchemaNotInTheRecordStore() throws Exception {
    signups.put("a", signup(run), false);

    try (Connection raw = backend.rawConnection();
        PreparedStatement select =
            raw.prepareStatement(
                "SELECT table_schema FROM information_schema.tables"
                    + " WHERE table_name = 'hg_retention_keys' AND table_schema IN (?, ?)")) {
      select.setString(1, postgres().schema());
      select.setString(2, keySchema);
      try (ResultSet rows = select.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo(keySchema);
        assertThat(rows.next()).isFalse();
      }
    }
  }

  @Test
  void twoSweepersRacingDeleteEachExpiredRowOnceAndLoseNothingUnexpired() throws Exception {
    int expired = 120;
    int live = 40;
    for (int i = 0; i < expired; i++) {
      signups.put("x" + i, signup(run + "x" + i), false);
    }
    at(Duration.ofDays(1));
    for (int i = 0; i < live; i++) {
      signups.put("live" + i, signup(run + "l" + i), false);
    }
    at(RECORD_RETENTION.plusHours(1));

    HikariDataSource secondPool = postgres().newPool(4);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (HookGuard second =
        HookGuard.builder()
            .postgres(secondPool)
            .retentionKeys(postgres().dataSource(), keySchema)
            .masterKey(masterKey)
            .clock(clock)
            .auditSink(audit)
            .build()) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<SweepReport>> sweeps = new ArrayList<>();
      for (HookGuard sweeper : List.of(hookGuard, second)) {
        sweeps.add(
            threads.submit(
                () -> {
                  start.await();
                  return sweeper.retention().sweep(SweepOptions.defaults().withBatchSize(7));
                }));
      }
      start.countDown();
      List<SweepReport> reports = new ArrayList<>();
      for (Future<SweepReport> sweep : sweeps) {
        reports.add(sweep.get());
      }

      assertThat(reports.stream().mapToLong(SweepReport::recordsDeleted).sum()).isEqualTo(expired);
      assertThat(reports.stream().mapToLong(SweepReport::fieldsDeleted).sum()).isEqualTo(3L * live);
      assertThat(reports.stream().mapToInt(SweepReport::dayKeysDestroyed).sum()).isEqualTo(2);
    } finally {
      threads.shutdownNow();
      secondPool.close();
    }
    List<AuditEvent> events = audit.events();
    List<String> deleted =
        events.stream()
            .filter(e -> e.kind() == AuditEvent.Kind.SWEEP_RECORD_DELETED)
            .map(AuditEvent::recordId)
            .toList();
    assertThat(deleted).hasSize(expired).doesNotHaveDuplicates();
    assertThat(
            events.stream()
                .filter(e -> e.kind() == AuditEvent.Kind.SWEEP_FIELDS_DELETED)
                .map(AuditEvent::recordId)
                .toList())
        .hasSize(live)
        .doesNotHaveDuplicates();
    assertThat(events).filteredOn(e -> e.kind() == AuditEvent.Kind.RETENTION_KEY_DESTROYED).hasSize(2);
    for (int i = 0; i < live; i++) {
      assertThat(signups.get("live" + i).orElseThrow().fieldJson())
          .containsOnlyKeys("status", "email", "notes")
          .containsEntry("notes", "\"NOTE" + run + "l" + i + "\"");
    }
    RetentionReport report = hookGuard.retention().report();
    assertThat(report.recordsPastExpiry()).isZero();
    assertThat(report.fieldsPastExpiry()).isZero();
    assertThat(report.type(TYPE).orElseThrow().records()).isEqualTo(live);
  }
}
