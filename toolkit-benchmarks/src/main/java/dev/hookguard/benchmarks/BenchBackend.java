package dev.hookguard.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.internal.keys.RetentionKeyStore;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A fresh {@link HookGuard} for one benchmark trial: on SQLite, a file (WAL, {@code
 * synchronous=FULL}) in a new temporary folder; on PostgreSQL, a new schema, dropped on {@link
 * #close()}, through a HikariCP pool of {@value ReceiverThroughputBenchmark#POOL_SIZE}
 * connections, on the server {@link ReceiverThroughputBenchmark#postgresUrl()} names (never a
 * fixed address). The master key is a local file in the folder.
 *
 * <p>{@link #database()} is the store's own {@code Database} (its one SQLite connection, or its
 * pool), read from the {@code HookGuard} by reflection: plaintext baselines write through it, so
 * that they get the same connection, the same locking and the same durability.
 */
final class BenchBackend implements AutoCloseable {

  final String backend;
  final Path folder;
  final HookGuard hookGuard;
  private final HikariDataSource pool;
  private final String schema;

  private BenchBackend(String backend, Path folder, HikariDataSource pool, String schema, HookGuard hookGuard) {
    this.backend = backend;
    this.folder = folder;
    this.pool = pool;
    this.schema = schema;
    this.hookGuard = hookGuard;
  }

  static BenchBackend open(String backend, Clock clock) throws IOException, SQLException {
    Path folder = Files.createTempDirectory("hookguard-bench");
    HikariDataSource pool = null;
    String schema = null;
    HookGuard.Builder builder = HookGuard.builder()
        .masterKey(MasterKey.localFile(folder.resolve("master.key")));
    if (clock != null) {
      builder.clock(clock);
    }
    switch (backend) {
      case "sqlite" -> builder.sqlite(folder.resolve("hookguard.db"));
      case "postgres" -> {
        String url = ReceiverThroughputBenchmark.postgresUrl();
        schema = "hg_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(url);
            Statement statement = admin.createStatement()) {
          statement.execute("CREATE SCHEMA " + schema);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        config.setMaximumPoolSize(ReceiverThroughputBenchmark.POOL_SIZE);
        config.setPoolName("bench-" + schema);
        pool = new HikariDataSource(config);
        builder.postgres(pool);
      }
      default -> throw new IllegalArgumentException("backend: " + backend);
    }
    return new BenchBackend(backend, folder, pool, schema, builder.build());
  }

  /** The store's own database: its SQLite connection or its PostgreSQL pool. */
  Database database() {
    return internal("database", Database.class);
  }

  /** The store's own retention day keys (SQLite: the {@code .keys} file beside the database). */
  RetentionKeyStore retentionKeys() {
    return internal("retentionKeys", RetentionKeyStore.class);
  }

  private <T> T internal(String name, Class<T> type) {
    try {
      Field field = HookGuard.class.getDeclaredField(name);
      field.setAccessible(true);
      return type.cast(field.get(hookGuard));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("HookGuard keeps its " + type.getSimpleName() + " elsewhere now", e);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      hookGuard.close();
    } finally {
      if (pool != null) {
        pool.close();
        try (Connection admin = DriverManager.getConnection(ReceiverThroughputBenchmark.postgresUrl());
            Statement statement = admin.createStatement()) {
          statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
      }
      deleteFolder(folder);
    }
  }

  static void deleteFolder(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
