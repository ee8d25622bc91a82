package dev.hookguard.runtime.subject;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.store.PostgresBackend;
import dev.hookguard.runtime.store.StoreBackend;
import dev.hookguard.testsupport.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The data-subject suite on PostgreSQL, with the key store in a schema of its own; plus what only
 * a shared server can show: two instances erasing one person at once.
 */
class PostgresSubjectsTest extends SubjectsContract {

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
    extraSchemas.add(copy);
    List<String> tables = postgres().copyTo(copy);
    HikariDataSource pool = PostgresBackend.poolOn(copy, 3);
    return new Backup() {
      @Override
      public HookGuard.Builder configure(HookGuard.Builder builder) {
        return builder.postgres(pool).retentionKeys(postgres().dataSource(), keySchema);
      }

      @Override
      public List<byte[]> everythingStored() throws Exception {
        List<byte[]> contents = new ArrayList<>();
        try (Connection connection = pool.getConnection();
            Statement statement = connection.createStatement()) {
          for (String table : tables) {
            try (ResultSet rows =
                statement.executeQuery("SELECT t::text FROM " + copy + "." + table + " t")) {
              while (rows.next()) {
                contents.add(rows.getString(1).getBytes(StandardCharsets.UTF_8));
              }
            }
          }
        }
        return contents;
      }

      @Override
      public void close() {
        pool.close();
      }
    };
  }

  @Test
  void twoInstancesErasingOnePersonAtOnceDeleteAndAuditEachRecordOnce() throws Exception {
    int count = 500;
    Map<String, Map<String, String>> many = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      many.put("a" + i, order(ada(), "A" + i));
    }
    orders.putAll(many, false);
    orders.put("b1", order(bob(), "B1"), false);

    HikariDataSource secondPool = postgres().newPool(4);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try (HookGuard second = HookGuard.builder()
        .postgres(secondPool)
        .retentionKeys(postgres().dataSource(), keySchema)
        .masterKey(masterKey)
        .clock(clock)
        .auditSink(audit)
        .build()) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<ErasureReport>> erasures = new ArrayList<>();
      for (HookGuard eraser : List.of(hookGuard, second)) {
        erasures.add(threads.submit(() -> {
          start.await();
          return eraser.subjects().erase(ada(), "request 46");
        }));
      }
      start.countDown();
      List<ErasureReport> reports = new ArrayList<>();
      for (Future<ErasureReport> erasure : erasures) {
        reports.add(erasure.get());
      }
      assertThat(reports.stream().mapToLong(ErasureReport::recordsErased).sum()).isEqualTo(count);
      assertThat(reports.stream().mapToInt(ErasureReport::keysDestroyed).sum()).isEqualTo(1);
    } finally {
      threads.shutdownNow();
      secondPool.close();
    }
    assertThat(audit.events()).filteredOn(e -> e.kind() == AuditEvent.Kind.SUBJECT_RECORD_ERASED)
        .extracting(AuditEvent::recordId).hasSize(count).doesNotHaveDuplicates();
    assertThat(hookGuard.subjects().find(ada())).isEmpty();
    assertThat(hookGuard.subjects().find(bob())).extracting(SubjectRecord::id).containsExactly("b1");
    assertThat(hookGuard.audit().verify().ok()).isTrue();
  }

  @Test
  void subjectKeysLiveInTheKeySchemaNotInTheRecordStore() throws Exception {
    orders.put("o1", order(ada(), "A1"), false);
    try (Connection raw = backend.rawConnection();
        Statement statement = raw.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT table_schema FROM information_schema.tables"
                + " WHERE table_name IN ('hg_subject_keys', 'hg_subject_token_key')"
                + " AND table_schema IN ('" + postgres().schema() + "', '" + keySchema + "')"
                + " ORDER BY table_schema")) {
      List<String> schemas = new ArrayList<>();
      while (rows.next()) {
        schemas.add(rows.getString(1));
      }
      assertThat(schemas).containsExactly(keySchema, keySchema);
    }
  }

  /**
   * The key store sharing a pool of one connection with the records (the default place, in the
   * record store's schema): re-encryption and a sweep that opens a field group read the subject
   * keys they do not have cached on the connection they hold, never waiting for a second one.
   * Each runs on an instance with nothing cached.
   */
  @Test
  void reencryptionAndTheSweepWorkOnTheOneConnectionOfAPoolTheKeyStoreShares() throws Exception {
    try (HikariDataSource one = PostgresBackend.poolOn(postgres().schema(), 1)) {
      one.setConnectionTimeout(3_000); // waiting for a second connection fails in 3 s
      try (HookGuard first = HookGuard.builder().postgres(one).masterKey(masterKey).clock(clock)
          .build()) {
        dev.hookguard.runtime.generated.GeneratedStores.table(first, TICKETS)
            .put("t1", ticket(ada(), "T1"), false);
        dev.hookguard.runtime.generated.GeneratedStores.table(first, NOTES)
            .put("n1", note(ada()), false);
      }
      try (HookGuard fresh = HookGuard.builder().postgres(one).masterKey(masterKey).clock(clock)
          .build()) {
        fresh.keys().rotate();
        assertThat(fresh.keys().reencrypt().remaining()).isZero();
      }
      try (HookGuard fresh = HookGuard.builder().postgres(one).masterKey(masterKey).clock(clock)
          .build()) {
        dev.hookguard.runtime.generated.PayloadTable notes =
            dev.hookguard.runtime.generated.GeneratedStores.table(fresh, NOTES_BODY_3_DAYS);
        clock.set(T0.plus(java.time.Duration.ofDays(4)));
        assertThat(fresh.retention().sweep().fieldsDeleted()).isEqualTo(1);
        assertThat(notes.get("n1").orElseThrow().fieldJson()).containsOnlyKeys("author", "title");
        fresh.keys().destroyRetiredKeys();
        assertThat(dev.hookguard.runtime.generated.GeneratedStores.table(fresh, TICKETS)
            .get("t1").orElseThrow().fieldJson()).containsEntry("text", "\"TEXT-T1\"");
      }
    }
  }
}
