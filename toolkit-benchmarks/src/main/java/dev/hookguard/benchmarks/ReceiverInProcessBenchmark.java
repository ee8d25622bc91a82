package dev.hookguard.benchmarks;

import dev.hookguard.runtime.receiver.WebhookReceiver;
import dev.hookguard.runtime.receiver.WebhookRequest;
import dev.hookguard.runtime.receiver.WebhookResponse;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.samples.github.GitHubPush;
import dev.hookguard.samples.github.GitHubPushRedactor;
import dev.hookguard.samples.github.GitHubPushStore;
import dev.hookguard.samples.github.GitHubPushVerifier;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
 * The whole receiver in process, without HTTP: {@code WebhookReceiver.handle(WebhookRequest)}, as
 * a servlet or framework adapter calls it. Per request: the GitHub HMAC over the raw body, the
 * generated parse, the receipt store (sealed record, keyed receipt tag, audit entry, one
 * transaction with group commit, durable before the answer) and the redacted log line (the
 * receiver's INFO line is on, written by slf4j-simple to {@code /dev/null}: formatted and
 * redacted, never shown). Compare with {@link ReceiverCryptoPartsBenchmark}, the same request's
 * HMAC and field seals alone: the floor this path cannot beat.
 *
 * <p>Each JMH thread is one sender; run with {@code -t 1}, {@code -t 2}, {@code -t 4}. Every
 * request is a new push (a new delivery id and {@code after} commit, signed in the benchmark
 * thread: one HMAC over 2.8 KB, about 2 % of a request), and any answer but 200 fails the run; after
 * the trial the stored records must equal the 200s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Dorg.slf4j.simpleLogger.logFile=/dev/null",
      "-Dorg.slf4j.simpleLogger.log.dev.hookguard.receiver=info",
      "-Dorg.slf4j.simpleLogger.log.com.zaxxer.hikari=warn",
      "-Xms1g",
      "-Xmx1g"
    })
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
public class ReceiverInProcessBenchmark {

  @Param({"sqlite", "postgres"})
  public String backend;

  private BenchBackend store;
  WebhookReceiver<GitHubPush> receiver;
  byte[] body;
  int afterOffset;
  final LongAdder accepted = new LongAdder();

  @Setup(Level.Trial)
  public void start() throws Exception {
    body = Samples.payload(Samples.GITHUB_PUSH);
    afterOffset = afterOffset(body);
    store = BenchBackend.open(backend, null);
    receiver = WebhookReceiver
        .builder(GitHubPush.class, GitHubPushVerifier.create(Signatures.github(Samples.GITHUB_SECRET)))
        .receipts(store.hookGuard.receipts(GitHubPushStore.create(store.hookGuard)))
        .redactor(GitHubPushRedactor.create())
        .allowPlainHttp()
        .build();
    accepted.reset();
  }

  /** Where the 40 hex digits of the push's {@code after} commit start. */
  static int afterOffset(byte[] body) {
    String text = new String(body, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("\"after\": \"") + "\"after\": \"".length();
    if (at < 10 || body[at + 40] != '"') {
      throw new IllegalStateException("the sample push has no 40-digit \"after\" commit");
    }
    return at;
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    long stored;
    if (store.backend.equals("sqlite")) {
      // Every 200 was committed before it was answered: a second connection sees them all.
      stored = count(DriverManager.getConnection("jdbc:sqlite:" + store.folder.resolve("hookguard.db")));
    } else {
      stored = store.database().inTransaction("counting", ReceiverInProcessBenchmark::count);
    }
    store.close();
    System.out.printf("%n[check] in process on %s: %d answered 200, %d records stored%n",
        backend, accepted.sum(), stored);
    if (stored != accepted.sum()) {
      throw new IllegalStateException(accepted.sum() + " answered 200 but " + stored + " stored");
    }
  }

  private static long count(Connection connection) throws java.sql.SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM hg_records WHERE payload_type = '"
            + GitHubPushStore.SCHEMA.payloadType().replace("'", "''") + "'")) {
      rows.next();
      return rows.getLong(1);
    } finally {
      if (connection.getAutoCommit()) {
        connection.close();
      }
    }
  }

  /** One sender: unique delivery ids and bodies, signed as GitHub signs them. */
  @State(Scope.Thread)
  public static class Sender {
    private static final HexFormat HEX = HexFormat.of();
    private static final InetAddress PEER = InetAddress.getLoopbackAddress();

    private Mac mac;
    private byte[] template;
    private int afterOffset;
    private String idPrefix;
    private String afterPrefix;
    private long next;

    @Setup(Level.Trial)
    public void prepare(ReceiverInProcessBenchmark bench) throws GeneralSecurityException {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Samples.GITHUB_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      template = bench.body;
      afterOffset = bench.afterOffset;
      UUID uuid = UUID.randomUUID();
      long thread = Thread.currentThread().getId();
      idPrefix = uuid + "-t" + thread + "-";
      afterPrefix = HEX.toHexDigits((int) thread) + HEX.toHexDigits(uuid.getMostSignificantBits());
    }

    WebhookRequest next() {
      long n = next++;
      // The request takes its body over (a receipt may still hold it): a new array each time.
      byte[] body = template.clone();
      byte[] after = (afterPrefix + HEX.toHexDigits(n)).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(after, 0, body, afterOffset, after.length);
      Map<String, List<String>> headers = new LinkedHashMap<>();
      headers.put("Content-Type", List.of("application/json"));
      headers.put("User-Agent", List.of("GitHub-Hookshot/hookguard-bench"));
      headers.put("X-GitHub-Event", List.of("push"));
      headers.put("X-GitHub-Delivery", List.of(idPrefix + n));
      headers.put("X-Hub-Signature-256", List.of("sha256=" + HEX.formatHex(mac.doFinal(body))));
      return new WebhookRequest(PEER, false, "POST", ReceiverThroughputBenchmark.PATH, headers, body);
    }
  }

  @Benchmark
  public int receive(Sender sender) {
    WebhookResponse response = receiver.handle(sender.next());
    if (response.status() != 200) {
      throw new IllegalStateException("answered " + response.status() + " on " + backend);
    }
    accepted.increment();
    return response.status();
  }
}
