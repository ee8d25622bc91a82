package dev.hookguard.runtime.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.testsupport.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A fresh schema on the tests' PostgreSQL ({@link TestPostgres}: embedded, or the server named by
 * {@code HOOKGUARD_TEST_POSTGRES_URL}), reached through a HikariCP pool and dropped on close. When
 * the server cannot be reached the tests fail: they are never skipped.
 */
public final class PostgresBackend implements StoreBackend {

  private final TestPostgres.Schema schema;
  private final Path directory;
  private final HikariDataSource pool;

  public PostgresBackend(Path directory) {
    this.directory = directory;
    this.schema = TestPostgres.server().newSchema();
    this.pool = schema.newPool(8);
  }

  /** A new pool on this backend's schema, for a second HookGuard instance; closed with it. */
  public HikariDataSource newPool(int size) {
    return schema.newPool(size);
  }

  /** The pool HookGuard instances of this backend use. */
  public HikariDataSource dataSource() {
    return pool;
  }

  public String schema() {
    return schema.name();
  }

  /** A JDBC URL (with credentials) whose connections use this backend's schema. */
  public String jdbcUrl() {
    return schema.jdbcUrl();
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
        select.setString(1, schema.name());
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            tables.add(rows.getString(1));
          }
        }
      }
      if (tables.isEmpty()) {
        throw new AssertionError("no tables in " + schema.name());
      }
      for (String table : tables) {
        try (Statement statement = connection.createStatement();
            ResultSet rows =
                statement.executeQuery("SELECT t::text FROM " + schema.name() + "." + table + " t")) {
          while (rows.next()) {
            contents.add(rows.getString(1).getBytes(StandardCharsets.UTF_8));
          }
        }
      }
    }
    return contents;
  }

  /**
   * A SELECT-dump of every table of this backend's schema into the new schema {@code copy}, as a
   * dump of the record store holds it: rows only ({@code CREATE TABLE AS}), without the column
   * defaults and sequences that appending to the audit trail needs. Returns the tables copied;
   * the caller drops the schema.
   */
  public List<String> copyTo(String copy) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection raw = rawConnection();
        Statement statement = raw.createStatement()) {
      try (ResultSet rows = statement.executeQuery(
          "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
              + schema.name() + "'")) {
        while (rows.next()) {
          tables.add(rows.getString(1));
        }
      }
      statement.execute("CREATE SCHEMA " + copy);
      for (String table : tables) {
        statement.execute(
            "CREATE TABLE " + copy + "." + table + " AS TABLE " + schema.name() + "." + table);
      }
    }
    return tables;
  }

  /** A pool of {@code size} connections whose default schema is {@code other}; the caller closes it. */
  public static com.zaxxer.hikari.HikariDataSource poolOn(String other, int size) {
    com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
    String url = TestPostgres.server().jdbcUrl();
    config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + other);
    config.setMaximumPoolSize(size);
    config.setPoolName("hookguard-copy-" + java.util.UUID.randomUUID());
    return new com.zaxxer.hikari.HikariDataSource(config);
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
    schema.close();
  }
}
