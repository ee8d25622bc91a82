package dev.hookguard.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.locks.ReentrantLock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * The baseline: the GitHub receiver a developer would write by hand with nothing but the JDK and
 * JDBC. It reads the body (at most 1 MiB), checks {@code X-Hub-Signature-256} (HMAC-SHA256 of the
 * raw body, compared in constant time), inserts the delivery id and the raw body in one
 * transaction, and answers 200 once that is committed. A delivery id already stored is ignored
 * ({@code ON CONFLICT DO NOTHING}) and answered 200, so a redelivery is harmless.
 *
 * <p>Durability as HookGuard's: SQLite in WAL mode with {@code synchronous = FULL} (a commit is
 * fsynced before the 200), on one connection guarded by a lock (SQLite has one writer at a time
 * anyway, so that is what a hand-written receiver does); PostgreSQL with its default {@code
 * synchronous_commit = on}, through a HikariCP pool.
 *
 * <p>Nothing else: no parse, no encryption, no audit trail, no replay check beyond the primary
 * key, no logging. That is the point of a baseline.
 */
final class BaselineReceiver implements HttpHandler, AutoCloseable {

  static final String TABLE = "baseline_deliveries";

  private static final int MAX_BODY_BYTES = 1 << 20;
  private static final String INSERT =
      "INSERT INTO " + TABLE + " (delivery_id, body, received_at) VALUES (?, ?, ?)"
          + " ON CONFLICT (delivery_id) DO NOTHING";

  /** Where the deliveries go: one committed insert per call. */
  private interface Inserter extends AutoCloseable {
    void insert(String deliveryId, byte[] body) throws SQLException;

    @Override
    void close() throws SQLException;
  }

  private final byte[] secret;
  private final ThreadLocal<Mac> macs;
  private final Inserter inserter;

  private BaselineReceiver(String secret, Inserter inserter) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.macs = ThreadLocal.withInitial(this::newMac);
    this.inserter = inserter;
  }

  /** A receiver writing to the SQLite file {@code file} (created, WAL, {@code synchronous=FULL}). */
  static BaselineReceiver sqlite(String secret, Path file) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = 30000");
      statement.execute("PRAGMA journal_mode = WAL");
      statement.execute("PRAGMA synchronous = FULL");
      statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE
          + " (delivery_id TEXT PRIMARY KEY, body BLOB NOT NULL, received_at INTEGER NOT NULL)");
    }
    PreparedStatement insert = connection.prepareStatement(INSERT);
    ReentrantLock lock = new ReentrantLock();
    return new BaselineReceiver(secret, new Inserter() {
      @Override
      public void insert(String deliveryId, byte[] body) throws SQLException {
        lock.lock();
        try {
          // Autocommit: the one statement is the transaction, committed (fsynced) on return.
          insert.setString(1, deliveryId);
          insert.setBytes(2, body);
          insert.setLong(3, System.currentTimeMillis());
          insert.executeUpdate();
        } finally {
          lock.unlock();
        }
      }

      @Override
      public void close() throws SQLException {
        lock.lock();
        try {
          insert.close();
          connection.close();
        } finally {
          lock.unlock();
        }
      }
    });
  }

  /** A receiver writing to the PostgreSQL database behind {@code pool} (the pool stays open). */
  static BaselineReceiver postgres(String secret, DataSource pool) throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE
          + " (delivery_id TEXT PRIMARY KEY, body BYTEA NOT NULL, received_at BIGINT NOT NULL)");
    }
    return new BaselineReceiver(secret, new Inserter() {
      @Override
      public void insert(String deliveryId, byte[] body) throws SQLException {
        try (Connection connection = pool.getConnection();
            PreparedStatement insert = connection.prepareStatement(INSERT)) {
          // Autocommit (HikariCP's default): one statement, one transaction, committed on return.
          insert.setString(1, deliveryId);
          insert.setBytes(2, body);
          insert.setLong(3, System.currentTimeMillis());
          insert.executeUpdate();
        }
      }

      @Override
      public void close() {}
    });
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY_BYTES + 1);
      }
      if (body.length > MAX_BODY_BYTES) {
        exchange.sendResponseHeaders(413, -1);
        return;
      }
      String signature = exchange.getRequestHeaders().getFirst("X-Hub-Signature-256");
      String deliveryId = exchange.getRequestHeaders().getFirst("X-GitHub-Delivery");
      if (signature == null || deliveryId == null || deliveryId.isEmpty()
          || deliveryId.length() > 200 || !authentic(signature, body)) {
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      try {
        inserter.insert(deliveryId, body);
      } catch (SQLException | RuntimeException e) {
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      exchange.sendResponseHeaders(200, -1);
    }
  }

  private boolean authentic(String header, byte[] body) {
    if (!header.startsWith("sha256=") || header.length() != 7 + 64) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header, 7, header.length());
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(macs.get().doFinal(body), given);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  @Override
  public void close() throws SQLException {
    inserter.close();
  }
}
