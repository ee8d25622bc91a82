package dev.hookguard.samples;

import com.zaxxer.hikari.HikariDataSource;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.testsupport.TestPostgres;
import dev.hookguard.runtime.crypto.MasterKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The two real backends the sample stores run on: a SQLite file in a temporary folder, and a
 * fresh schema on the tests' PostgreSQL ({@link TestPostgres}: embedded, or the server named by
 * {@code HOOKGUARD_TEST_POSTGRES_URL}).
 */
public abstract class Databases implements AutoCloseable {

  final Path directory;

  Databases(Path directory) {
    this.directory = directory;
    try {
      Files.createDirectories(directory);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public abstract HookGuard open();

  /** Opens the store with {@code clock}. */
  public abstract HookGuard open(java.time.Clock clock);

  /** Every byte the store wrote that could hold a value: files, or all rows of all tables. */
  abstract String rawContent() throws Exception;

  /** Whether {@code text} is in the raw content, as it is or hex-encoded (as bytea prints). */
  public boolean rawContains(String text) throws Exception {
    String raw = rawContent();
    String hex = java.util.HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    return raw.contains(text) || raw.contains(hex);
  }

  @Override
  public void close() throws Exception {}

  MasterKey masterKey() {
    return MasterKey.localFile(directory.resolve("master.key"));
  }

  public static final class Sqlite extends Databases {
    public Sqlite(Path directory) {
      super(directory);
    }

    @Override
    public HookGuard open() {
      return open(java.time.Clock.systemUTC());
    }

    @Override
    public HookGuard open(java.time.Clock clock) {
      return HookGuard.builder().sqlite(directory.resolve("hookguard.db")).masterKey(masterKey())
          .clock(clock).build();
    }

    @Override
    String rawContent() throws Exception {
      StringBuilder all = new StringBuilder();
      try (Stream<Path> files = Files.list(directory)) {
        for (Path file : files.toList()) {
          all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        }
      }
      return all.toString();
    }

    @Override
    public String toString() {
      return "SQLite";
    }
  }

  public static final class Postgres extends Databases {
    private final TestPostgres.Schema schema;
    private final HikariDataSource pool;

    public Postgres(Path directory) {
      super(directory);
      this.schema = TestPostgres.server().newSchema();
      this.pool = schema.newPool(8);
    }

    /** A JDBC URL (with credentials) in this database's schema. */
    public String jdbcUrl() {
      return schema.jdbcUrl();
    }

    @Override
    public HookGuard open() {
      return open(java.time.Clock.systemUTC());
    }

    @Override
    public HookGuard open(java.time.Clock clock) {
      return HookGuard.builder().postgres(pool).masterKey(masterKey()).clock(clock).build();
    }

    @Override
    String rawContent() throws Exception {
      StringBuilder all = new StringBuilder();
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
            + " WHERE table_schema = '" + schema.name() + "'")) {
          while (rows.next()) {
            tables.add(rows.getString(1));
          }
        }
        for (String table : tables) {
          try (ResultSet rows = statement.executeQuery("SELECT t::text FROM " + schema.name() + "." + table + " t")) {
            while (rows.next()) {
              all.append(rows.getString(1)).append('\n');
            }
          }
        }
      }
      return all.toString();
    }

    @Override
    public void close() throws Exception {
      schema.close();
    }

    @Override
    public String toString() {
      return "PostgreSQL";
    }
  }
}
