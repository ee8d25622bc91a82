package dev.hookguard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.hookguard.runtime.HookGuard;
import java.nio.file.Path;
import java.sql.Connection;
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

  @Test
  void instancesStartingAtOnceMigrateOnceAndShareOneKeyring() throws Exception {
    hookGuard.close();
    hookGuard = null;
    PostgresBackend postgres = (PostgresBackend) backend;
    // A brand-new schema: drop what open() created.
    try (Connection raw = backend.rawConnection();
        Statement statement = raw.createStatement()) {
      statement.execute("DROP TABLE hg_fields, hg_records, hg_keyring, hg_schema_migrations");
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

      all.get(0).table(SCHEMA).put("shared", order("x@example.com", "1", "n"), false);
      for (HookGuard each : all) {
        assertThat(each.table(SCHEMA).get("shared")).isPresent();
        each.close();
      }
      assertThat(count("SELECT COUNT(*) FROM hg_schema_migrations")).isEqualTo(1);
      assertThat(count("SELECT COUNT(*) FROM hg_keyring")).isEqualTo(1);
    } finally {
      threads.shutdownNow();
      pools.forEach(HikariDataSource::close);
    }
  }

  @Test
  void tablesLiveInTheConfiguredSchema() throws Exception {
    assertThat(
            count(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                    + ((PostgresBackend) backend).schema()
                    + "'"))
        .isEqualTo(4);
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
