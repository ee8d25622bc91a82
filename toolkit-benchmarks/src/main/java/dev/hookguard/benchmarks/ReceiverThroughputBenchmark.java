package dev.hookguard.benchmarks;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.receiver.JdkWebhookHandler;
import dev.hookguard.runtime.receiver.WebhookReceiver;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.samples.github.GitHubPush;
import dev.hookguard.samples.github.GitHubPushRedactor;
import dev.hookguard.samples.github.GitHubPushStore;
import dev.hookguard.samples.github.GitHubPushVerifier;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Webhook receipts per second over loopback HTTP: HookGuard's receiver (generated verifier,
 * receipt store with group commit, encrypted record, audit entry, all in one transaction)
 * against a minimal hand-written one ({@link BaselineReceiver}: HMAC check, raw-body insert,
 * same durability), both served by the JDK's {@code HttpServer} on 127.0.0.1 in the same JVM,
 * on SQLite (a WAL file with {@code synchronous=FULL} in a fresh temporary folder) and on
 * PostgreSQL (a fresh schema, dropped afterwards, through HikariCP).
 *
 * <p>Every invocation posts the bundled GitHub push payload (2.8 KB) as a new push: a delivery id
 * and an {@code after} commit never used before, signed with {@code X-Hub-Signature-256} by the
 * client, and fails unless the answer is 200: a receiver that refuses cannot look fast, and one
 * that answers a duplicate without storing it is caught by the row count. After each trial the stored rows are counted and
 * must equal the 200s. Each JMH thread is one client with one kept-alive connection ({@link
 * LoopbackClient}), so the thread count is the number of concurrent clients. JMH's {@code -t}
 * takes one value; {@link ReceiverThroughputRunner} runs 1, 4, 16 and 32 clients and prints the
 * two receivers side by side.
 *
 * <pre>
 * java -jar toolkit-benchmarks/target/benchmarks.jar ReceiverThroughput -t 32
 * java -cp toolkit-benchmarks/target/benchmarks.jar dev.hookguard.benchmarks.ReceiverThroughputRunner
 * </pre>
 *
 * <p>PostgreSQL: the server named by {@code HOOKGUARD_BENCH_POSTGRES_URL} (environment, or the
 * system property {@code hookguard.bench.postgres.url} given to the fork with {@code
 * -jvmArgsAppend}), such as {@code jdbc:postgresql://db.example.com:5432/hookguard?user=app}, or else
 * the tests' server {@code HOOKGUARD_TEST_POSTGRES_URL}; its user
 * must be allowed to create a schema. Without one, a PostgreSQL started embedded in the fork
 * (zonky, with {@code synchronous_commit=on}, which zonky turns off by default: both receivers
 * must wait for durable commits).
 *
 * <p>The JDK's {@code HttpServer} leaves TCP_NODELAY off unless {@code
 * sun.net.httpserver.nodelay=true}, and every small response would then wait for the client's
 * delayed ACK (about 40 ms on Linux): the fork gets the property, and this class also sets it
 * before the first server is created. The receiver's per-request INFO line ({@code webhook
 * accepted ...}) is turned off (slf4j-simple would write it to the console through JMH): the
 * baseline does not log either.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Dsun.net.httpserver.nodelay=true",
      "-Dorg.slf4j.simpleLogger.log.dev.hookguard.receiver=warn",
      "-Dorg.slf4j.simpleLogger.log.com.zaxxer.hikari=warn",
      "-Xms1g",
      "-Xmx1g"
    })
// HookGuard's longer path is still being compiled by C2 for 15-20 s on a busy 2-core machine
// (iterations of 5 s from a cold start: ~1000, 1250, 1700, 1500, 2000, 1850 ops/s): four warm-up
// iterations, so that neither receiver is measured while its code is being compiled.
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 3, time = 5)
public class ReceiverThroughputBenchmark {

  static {
    // Read once, when the JDK's server configuration class loads: set before any server exists.
    // Also set here because a -jvmArgsAppend on JMH's command line replaces @Fork's.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // Read when slf4j-simple starts, on the first logger; -D on the command line still wins.
    quietUnlessSet("org.slf4j.simpleLogger.log.dev.hookguard.receiver");
    quietUnlessSet("org.slf4j.simpleLogger.log.com.zaxxer.hikari");
  }

  private static void quietUnlessSet(String property) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, "warn");
    }
  }

  /** The embedded server of this fork, started on first use when no URL is given. */
  private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres embedded;

  /** Server threads: enough for 32 clients and more, each holding a connection. */
  static final int SERVER_THREADS = 64;

  /** HikariCP's default pool size, for both receivers. */
  static final int POOL_SIZE = 10;

  static final String PATH = "/webhooks/github";

  private static final String HOOKGUARD_COUNT = "SELECT COUNT(*) FROM hg_records WHERE payload_type = '"
      + GitHubPushStore.SCHEMA.payloadType().replace("'", "''") + "'";

  @Param({"sqlite", "postgres"})
  public String backend;

  @Param({"hookguard", "baseline"})
  public String receiver;

  private Path folder;
  private String schema;
  private HikariDataSource pool;
  private HookGuard hookGuard;
  private BaselineReceiver baseline;
  private ExecutorService serverThreads;
  private HttpServer server;

  /** The request every client sends, up to its signature header; the body it varies. */
  byte[] headPrefix;
  byte[] body;
  /** Where in {@link #body} the 40 hex digits of the push's {@code after} commit are. */
  int afterOffset;
  InetSocketAddress address;

  /** Answers of 200 during the trial, counted by the clients; checked against the stored rows. */
  final LongAdder accepted = new LongAdder();

  final LongAdder connectionsOpened = new LongAdder();

  @Setup(Level.Trial)
  public void start() throws Exception {
    if (!"true".equals(System.getProperty("sun.net.httpserver.nodelay"))) {
      throw new IllegalStateException("sun.net.httpserver.nodelay must be true");
    }
    body = Samples.payload(Samples.GITHUB_PUSH);
    WebhookSignature signature = Signatures.github(Samples.GITHUB_SECRET);
    folder = Files.createTempDirectory("hookguard-throughput");
    switch (backend) {
      case "sqlite" -> {}
      case "postgres" -> pool = postgresPool();
      default -> throw new IllegalArgumentException("backend: " + backend);
    }
    com.sun.net.httpserver.HttpHandler handler;
    switch (receiver) {
      case "hookguard" -> {
        HookGuard.Builder builder = HookGuard.builder();
        if (pool == null) {
          builder.sqlite(folder.resolve("hookguard.db"));
        } else {
          builder.postgres(pool);
        }
        hookGuard = builder.masterKey(MasterKey.localFile(folder.resolve("master.key"))).build();
        WebhookReceiver<GitHubPush> webhooks =
            WebhookReceiver.builder(GitHubPush.class, GitHubPushVerifier.create(signature))
                .receipts(hookGuard.receipts(GitHubPushStore.create(hookGuard)))
                .redactor(GitHubPushRedactor.create())
                .allowPlainHttp()
                .build();
        handler = JdkWebhookHandler.of(webhooks);
      }
      case "baseline" -> {
        baseline = pool == null
            ? BaselineReceiver.sqlite(Samples.GITHUB_SECRET, folder.resolve("baseline.db"))
            : BaselineReceiver.postgres(Samples.GITHUB_SECRET, pool);
        handler = baseline;
      }
      default -> throw new IllegalArgumentException("receiver: " + receiver);
    }

    AtomicInteger threadNumber = new AtomicInteger();
    serverThreads = Executors.newFixedThreadPool(SERVER_THREADS, task -> {
      Thread thread = new Thread(task, "http-server-" + threadNumber.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.createContext(PATH, handler);
    server.setExecutor(serverThreads);
    server.start();
    address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getAddress().getPort());

    // Every delivery is a new push: a new delivery id and a new "after" commit (same length),
    // signed by the client. GitHub signs the body alone, so HookGuard also recognises a resent
    // body under a new delivery id as a duplicate: one body for all would measure that path.
    // The client sends this prefix, its signature and delivery id lines, CRLF, the body.
    byte[] marker = "\"after\": \"".getBytes(StandardCharsets.US_ASCII);
    afterOffset = indexOf(body, marker) + marker.length;
    if (afterOffset < marker.length || afterOffset + 41 > body.length || body[afterOffset + 40] != '"') {
      throw new IllegalStateException("the sample push has no 40-digit \"after\" commit");
    }
    headPrefix = ("POST " + PATH + " HTTP/1.1\r\n"
        + "Host: 127.0.0.1:" + address.getPort() + "\r\n"
        + "User-Agent: GitHub-Hookshot/hookguard-bench\r\n"
        + "Content-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n"
        + "X-GitHub-Event: push\r\n").getBytes(StandardCharsets.US_ASCII);
    accepted.reset();
    connectionsOpened.reset();
  }

  private HikariDataSource postgresPool() throws SQLException {
    String url = postgresUrl();
    schema = "hg_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = DriverManager.getConnection(url);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setPoolName("bench-" + receiver);
    return new HikariDataSource(config);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static synchronized String postgresUrl() {
    String url = System.getProperty("hookguard.bench.postgres.url");
    if (url == null || url.isBlank()) {
      url = System.getenv("HOOKGUARD_BENCH_POSTGRES_URL");
    }
    if (url == null || url.isBlank()) {
      // The tests' server (toolkit-test-support's TestPostgres) when one is named.
      url = System.getenv("HOOKGUARD_TEST_POSTGRES_URL");
    }
    if (url != null && !url.isBlank()) {
      return url;
    }
    if (embedded == null) {
      try {
        embedded = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
            .setServerConfig("synchronous_commit", "on")
            .start();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("the embedded PostgreSQL did not start", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          embedded.close();
        } catch (IOException e) {
          // The fork is exiting.
        }
      }));
    }
    return embedded.getJdbcUrl("postgres", "postgres");
  }


  @TearDown(Level.Trial)
  public void stop() throws Exception {
    long stored = -1;
    try {
      if (server != null) {
        server.stop(0);
      }
      if (serverThreads != null) {
        serverThreads.shutdownNow();
        serverThreads.awaitTermination(30, TimeUnit.SECONDS);
      }
      if (hookGuard != null) {
        if (pool != null) {
          stored = count(pool.getConnection(),
              HOOKGUARD_COUNT);
        }
        hookGuard.close();
        if (pool == null) {
          stored = count(DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("hookguard.db")),
              HOOKGUARD_COUNT);
        }
      }
      if (baseline != null) {
        if (pool != null) {
          stored = count(pool.getConnection(), "SELECT COUNT(*) FROM " + BaselineReceiver.TABLE);
        }
        baseline.close();
        if (pool == null) {
          stored = count(DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("baseline.db")),
              "SELECT COUNT(*) FROM " + BaselineReceiver.TABLE);
        }
      }
    } finally {
      if (pool != null) {
        pool.close();
        try (Connection admin = DriverManager.getConnection(postgresUrl());
            Statement statement = admin.createStatement()) {
          statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
      }
      deleteFolder();
    }
    System.out.printf("%n[check] %s on %s: %d answered 200, %d rows stored, %d connections opened%n",
        receiver, backend, accepted.sum(), stored, connectionsOpened.sum());
    if (stored != accepted.sum()) {
      throw new IllegalStateException(
          receiver + " on " + backend + ": " + accepted.sum() + " deliveries answered 200 but "
              + stored + " stored");
    }
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (connection;
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private void deleteFolder() throws IOException {
    if (folder == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /**
   * One webhook sender: one kept-alive connection; every delivery has a unique delivery id
   * (UUID, thread id, counter) and a unique body (its {@code after} commit: thread id, counter,
   * random), signed here as GitHub would.
   */
  @State(Scope.Thread)
  public static class Client {

    private static final HexFormat HEX = HexFormat.of();

    private ReceiverThroughputBenchmark server;
    private LoopbackClient http;
    private Mac mac;
    private byte[] body;
    private String idPrefix;
    private String afterPrefix;
    private long next;

    @Setup(Level.Trial)
    public void connect(ReceiverThroughputBenchmark server) throws GeneralSecurityException {
      this.server = server;
      this.http = new LoopbackClient(server.address);
      this.mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Samples.GITHUB_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      this.body = server.body.clone();
      UUID uuid = UUID.randomUUID();
      long thread = Thread.currentThread().getId();
      // Unique across threads (thread id), trials and runs (UUID), requests (counter).
      this.idPrefix = uuid + "-t" + thread + "-";
      // 24 of the 40 hex digits; the counter fills the last 16.
      this.afterPrefix = HEX.toHexDigits((int) thread) + HEX.toHexDigits(uuid.getMostSignificantBits());
      this.next = 0;
    }

    /** Posts one delivery; throws unless it was answered 200. */
    int post() throws IOException {
      long n = next++;
      byte[] after = (afterPrefix + HEX.toHexDigits(n)).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(after, 0, body, server.afterOffset, after.length);
      byte[] lines = ("X-Hub-Signature-256: sha256=" + HEX.formatHex(mac.doFinal(body)) + "\r\n"
          + "X-GitHub-Delivery: " + idPrefix + n + "\r\n").getBytes(StandardCharsets.US_ASCII);
      byte[] head = new byte[server.headPrefix.length + lines.length];
      System.arraycopy(server.headPrefix, 0, head, 0, server.headPrefix.length);
      System.arraycopy(lines, 0, head, server.headPrefix.length, lines.length);
      LoopbackClient.Response response = http.post(head, body);
      if (response.status() != 200) {
        throw new IllegalStateException(
            server.receiver + " on " + server.backend + " answered " + response.status() + ": "
                + response.body().strip());
      }
      server.accepted.increment();
      return response.status();
    }

    @TearDown(Level.Trial)
    public void disconnect() {
      server.connectionsOpened.add(http.connections());
      http.close();
    }
  }

  @Benchmark
  public int receipt(Client client) throws IOException {
    return client.post();
  }
}
