package dev.hookguard.runtime.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hookguard.runtime.HookGuard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh schema on the PostgreSQL server at 127.0.0.1:5432 (database {@code test}, user
 * {@code postgres}), reached through a HikariCP pool and dropped on close. When the server is
 * unreachable the tests fail: they are never skipped.
 */
public final class PostgresBackend implements StoreBackend {

  public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";
  public static final String USER = "postgres";

  private final String schema;
  private final Path directory;
  private final HikariDataSource pool;

  public PostgresBackend(Path directory) {
    this.directory = directory;
    this.schema = "hg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection admin = DriverManager.getConnection(SERVER, USER, "");
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      // The tests need the server (README, .ci/run): a missing one fails them, never skips them.
      throw new AssertionError("PostgreSQL at " + SERVER + " is required by these tests", e);
    }
    pool = newPool(8);
  }

  /** A new pool on this backend's schema, for a second HookGuard instance. */
  public HikariDataSource newPool(int size) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(SERVER + "?currentSchema=" + schema);
    config.setUsername(USER);
    config.setMaximumPoolSize(size);
    config.setPoolName("hookguard-test-" + schema.substring(8, 14) + "-" + UUID.randomUUID());
    return new HikariDataSource(config);
  }

  /** The pool HookGuard instances of this backend use. */
  public HikariDataSource dataSource() {
    return pool;
  }

  public String schema() {
    return schema;
  }

  @Override
  public HookGuard.Builder configure(HookGuard.Builder builder) {
    return builder.postgres(pool);
  }

  @Override
  public Connection rawConnection() throws SQLException {
    return pool.getConnection();
  }

  /**
   * Every row of every table of the schema, each rendered whole as PostgreSQL text (byte strings
   * as {@code \x…} hex), so a canary is searched for both as text and as hex.
   */
  @Override
  public List<byte[]> everythingStored() throws SQLException {
    List<byte[]> contents = new ArrayList<>();
    try (Connection connection = rawConnection()) {
      List<String> tables = new ArrayList<>();
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
        select.setString(1, schema);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            tables.add(rows.getString(1));
          }
        }
      }
      if (tables.isEmpty()) {
        throw new AssertionError("no tables in " + schema);
      }
      for (String table : tables) {
        try (Statement statement = connection.createStatement();
            ResultSet rows =
                statement.executeQuery("SELECT t::text FROM " + schema + "." + table + " t")) {
          while (rows.next()) {
            contents.add(rows.getString(1).getBytes(StandardCharsets.UTF_8));
          }
        }
      }
    }
    return contents;
  }

  /** How a canary would look in PostgreSQL's hex rendering of a byte string. */
  public static String hex(String text) {
    StringBuilder hex = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hex.append(String.format(Locale.ROOT, "%02x", b));
    }
    return hex.toString();
  }

  @Override
  public Path workDirectory() {
    return directory;
  }

  @Override
  public void close() throws SQLException {
    pool.close();
    try (Connection admin = DriverManager.getConnection(SERVER, USER, "");
        Statement statement = admin.createStatement()) {
      statement.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }
}
