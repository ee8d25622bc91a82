package dev.hookguard.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.samples.cli.CrashTest.Backend;
import dev.hookguard.samples.cli.CrashTest.Child;
import dev.hookguard.samples.cli.CrashTest.Database;
import dev.hookguard.samples.cli.CrashTest.Delivery;
import dev.hookguard.samples.cli.CrashTest.Ledger;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A bounded load and flood test of the sample receiver, in a child JVM on loopback, on SQLite and
 * PostgreSQL.
 *
 * <p><b>Load:</b> signed GitHub and Shopify deliveries (some forged, some sent twice), signed
 * bodies that are not JSON and bodies over the limit, from many concurrent clients. <b>Flood:</b>
 * forged deliveries from many client addresses (127.1.0.0/16, one new connection each). It reports
 * requests per second, latency percentiles, the child's resident memory and heap in use after a
 * full collection, and the bytes its log grew by; and it checks that every delivery was answered
 * as it should be, every 2xx stored exactly once with one audit entry, nothing refused stored, and
 * the heap after the flood close to the heap before it.
 *
 * <p>The build runs a small load. A longer one, for the figures in {@code docs/SECURITY.md}:
 * {@code mvn -B test -pl toolkit-samples -am -Dtest=LoadAndFloodTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dhookguard.load.deliveries=10000
 * -Dhookguard.load.clients=32 -Dhookguard.flood.requests=20000 -Dhookguard.flood.addresses=5000}.
 */
@Timeout(900)
class LoadAndFloodTest {

  private static final int DELIVERIES = Integer.getInteger("hookguard.load.deliveries", 1500);
  private static final int CLIENTS = Integer.getInteger("hookguard.load.clients", 16);
  private static final int FLOOD = Integer.getInteger("hookguard.flood.requests", 3000);
  private static final int ADDRESSES = Integer.getInteger("hookguard.flood.addresses", 1000);
  private static final int FLOOD_CLIENTS = 16;
  private static final int FORGED_PERCENT = 5;
  private static final int TWICE_PERCENT = 10;
  private static final int MALFORMED_PERCENT = 3;
  private static final int OVERSIZED_PERCENT = 2;
  private static final int MAX_BODY_BYTES = 32 * 1024; // as CrashReceiverMain sets it
  /** How much more heap the receiver may hold after the flood than before it. */
  private static final long HEAP_GROWTH_LIMIT = 32L << 20;

  @TempDir
  static Path folder;

  private static String classPath;

  @BeforeAll
  static void snapshotClassPath() throws IOException {
    classPath = CrashTest.copyClassPath(folder.resolve("classpath"));
  }

  /** A refused request of the load: its expected status, and the status it got (0: none). */
  record Refusal(Provider provider, Map<String, String> headers, byte[] body, int expected) {}

  /** Latencies in microseconds, in buckets of powers of 2^(1/4). */
  static final class Latencies {
    private final AtomicLongArray counts = new AtomicLongArray(160);

    void add(long nanos) {
      double micros = Math.max(1, nanos / 1000.0);
      counts.incrementAndGet(Math.min(159, (int) (4 * Math.log(micros) / Math.log(2))));
    }

    /** The upper bound of the bucket holding the {@code p}th percentile, in milliseconds. */
    double percentile(double p) {
      long total = 0;
      for (int i = 0; i < counts.length(); i++) {
        total += counts.get(i);
      }
      long seen = 0;
      for (int i = 0; i < counts.length(); i++) {
        seen += counts.get(i);
        if (seen >= Math.ceil(total * p / 100.0)) {
          return Math.pow(2, (i + 1) / 4.0) / 1000.0;
        }
      }
      return Double.NaN;
    }

    String summary() {
      return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, p99.9 %.1f ms",
          percentile(50), percentile(90), percentile(99), percentile(99.9));
    }
  }

  @ParameterizedTest
  @EnumSource(Backend.class)
  void loadThenFlood(Backend backend) throws Exception {
    Path run = Files.createDirectories(folder.resolve(backend.name()));
    Workspace workspace = new Workspace(run.resolve("workspace"));
    Secrets secrets = workspace.secrets();
    Random random = new Random(42);
    try (Database database = backend == Backend.SQLITE
        ? new Database(workspace.database(), null) : Database.postgres()) {
      Child child = Child.start(classPath,
          List.of("-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=info"),
          run, "load", workspace, database.childUrl());
      List<String> report = new ArrayList<>();
      List<Delivery> deliveries;
      Ledger ledger = new Ledger();
      try {
        warmUp(child, secrets);
        long heapBefore = heap(child);
        long rssBefore = rss(child);
        long logBefore = Files.size(child.log);

        // --- the load ---
        deliveries = CrashTest.deliveries(random, secrets, DELIVERIES, FORGED_PERCENT);
        List<Object> order = new ArrayList<>(deliveries);
        for (Delivery delivery : deliveries) {
          if (random.nextInt(100) < TWICE_PERCENT) {
            order.add(delivery);
          }
        }
        List<Refusal> refusals = refusals(random, secrets);
        order.addAll(refusals);
        Collections.shuffle(order, random);
        Map<Refusal, Integer> refused = new ConcurrentHashMap<>();
        Latencies loadLatencies = new Latencies();
        long loadNanos = load(child, order, ledger, refused, loadLatencies);
        long heapAfterLoad = heap(child);
        long rssAfterLoad = rss(child);
        long logAfterLoad = Files.size(child.log);
        report.add(String.format("%s load: %d requests from %d clients in %.1f s: %.0f req/s; %s",
            backend, order.size(), CLIENTS, loadNanos / 1e9, order.size() * 1e9 / loadNanos,
            loadLatencies.summary()));

        // --- the flood ---
        Latencies floodLatencies = new Latencies();
        AtomicInteger unauthorized = new AtomicInteger();
        long floodNanos = flood(child, secrets, floodLatencies, unauthorized);
        long heapAfterFlood = heap(child);
        long rssAfterFlood = rss(child);
        long logAfterFlood = Files.size(child.log);
        report.add(String.format(
            "%s flood: %d forged requests from %d addresses, %d clients, one connection each,"
                + " in %.1f s: %.0f req/s; %s", backend, FLOOD, ADDRESSES, FLOOD_CLIENTS,
            floodNanos / 1e9, FLOOD * 1e9 / floodNanos, floodLatencies.summary()));
        report.add(String.format(
            "%s memory: heap in use after a full GC %d MiB before, %d MiB after the load,"
                + " %d MiB after the flood; resident %d / %d / %d MiB; log (INFO) grew %d KiB"
                + " over the load, %d KiB over the flood",
            backend, heapBefore >> 20, heapAfterLoad >> 20, heapAfterFlood >> 20,
            rssBefore >> 20, rssAfterLoad >> 20, rssAfterFlood >> 20,
            (logAfterLoad - logBefore) >> 10, (logAfterFlood - logAfterLoad) >> 10));
        report.forEach(System.out::println);

        assertThat(unauthorized.get()).as("forged flood answered 401").isEqualTo(FLOOD);
        assertThat(refused).as("every refusal of the load answered").hasSize(refusals.size());
        refused.forEach((refusal, status) ->
            assertThat(status).as("%s", refusal.provider()).isEqualTo(refusal.expected()));
        // Refusals of unauthenticated requests are logged at a bounded rate (20 lines a second).
        assertThat(logAfterFlood - logAfterLoad).as("log growth over the flood (%s)", report)
            .isLessThan(FLOOD * 40L);
        assertThat(heapAfterFlood - heapAfterLoad)
            .as("heap growth over the flood (%s)", report).isLessThan(HEAP_GROWTH_LIMIT);
        child.stop();
      } finally {
        child.kill();
      }
      String story = String.join("; ", report);
      CrashTest.checkAnswers(deliveries, ledger, story);
      CrashTest.checkStore(workspace, database, deliveries, story);
    }
  }

  /** Signed bodies that are not JSON (400) and bodies past the limit (413). */
  private static List<Refusal> refusals(Random random, Secrets secrets) {
    List<Refusal> refusals = new ArrayList<>();
    int malformed = DELIVERIES * MALFORMED_PERCENT / 100;
    int oversized = DELIVERIES * OVERSIZED_PERCENT / 100;
    for (int i = 0; i < malformed + oversized; i++) {
      Provider provider = random.nextBoolean() ? Provider.GITHUB : Provider.SHOPIFY;
      byte[] body = i < malformed
          ? ("{\"id\": " + i + ", \"truncated").getBytes(StandardCharsets.UTF_8)
          : CrashTest.padded(provider.sampleBody(), MAX_BODY_BYTES);
      Map<String, String> headers = new LinkedHashMap<>(
          provider.signature(secrets).sign(UUID.randomUUID().toString(), Instant.now(), body));
      refusals.add(new Refusal(provider, headers, body, i < malformed ? 400 : 413));
    }
    return refusals;
  }

  private static void warmUp(Child child, Secrets secrets) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    byte[] body = Provider.GITHUB.sampleBody();
    for (int i = 0; i < 200; i++) {
      // Forged: the warm-up stores nothing.
      Map<String, String> headers = Provider.GITHUB.signature(secrets)
          .sign(UUID.randomUUID().toString(), Instant.now(), body);
      HttpRequest.Builder request = HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + child.port + Provider.GITHUB.path()))
          .POST(HttpRequest.BodyPublishers.ofByteArray(CrashTest.padded(body, 1)));
      headers.forEach(request::header);
      assertThat(client.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(401);
    }
  }

  private static long load(Child child, List<Object> order, Ledger ledger,
      Map<Refusal, Integer> refused, Latencies latencies) throws Exception {
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    URI base = URI.create("http://127.0.0.1:" + child.port);
    return inParallel(CLIENTS, order.size(), i -> {
      long sent = System.nanoTime();
      if (order.get(i) instanceof Delivery delivery) {
        CrashTest.post(client, base, delivery, 0, ledger);
      } else {
        Refusal refusal = (Refusal) order.get(i);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(refusal.provider().path()))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(refusal.body()));
        refusal.headers().forEach(request::header);
        refused.put(refusal,
            client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
      }
      latencies.add(System.nanoTime() - sent);
    });
  }

  /** Forged GitHub deliveries over raw sockets, each from the next of {@link #ADDRESSES}. */
  private static long flood(Child child, Secrets secrets, Latencies latencies,
      AtomicInteger unauthorized) throws Exception {
    byte[] genuine = Provider.GITHUB.sampleBody();
    byte[] forged = CrashTest.padded(genuine, 1);
    StringBuilder head = new StringBuilder("POST " + Provider.GITHUB.path() + " HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: close\r\n"
        + "Content-Length: " + forged.length + "\r\n");
    Provider.GITHUB.signature(secrets).sign("flood", Instant.now(), genuine)
        .forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    byte[] request = concat(head.toString().getBytes(StandardCharsets.US_ASCII), forged);
    return inParallel(FLOOD_CLIENTS, FLOOD, i -> {
      int a = i % ADDRESSES;
      InetAddress from =
          InetAddress.getByAddress(new byte[] {127, 1, (byte) (a / 250), (byte) (a % 250 + 1)});
      long sent = System.nanoTime();
      if (post(from, child.port, request) == 401) {
        unauthorized.incrementAndGet();
      }
      latencies.add(System.nanoTime() - sent);
    });
  }

  /** One step of a parallel run: the work for index {@code i}. */
  @FunctionalInterface
  private interface Step {
    void run(int i) throws Exception;
  }

  /**
   * Runs {@code step} for every index below {@code count} from {@code threads} threads taking the
   * next index in turn; returns the nanoseconds it took.
   */
  private static long inParallel(int threads, int count, Step step) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long start = System.nanoTime();
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        running.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            step.run(i);
          }
          return null;
        }));
      }
      for (Future<?> future : running) {
        future.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    return System.nanoTime() - start;
  }

  /** Sends {@code request} from {@code from} and returns the answer's status code. */
  private static int post(InetAddress from, int port, byte[] request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.setSoTimeout(30_000);
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] statusLine = in.readNBytes(12); // "HTTP/1.1 401"
      in.readAllBytes();
      return Integer.parseInt(new String(statusLine, StandardCharsets.US_ASCII).substring(9, 12));
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  /** The child's resident set size, from {@code /proc}; 0 where there is none. */
  private static long rss(Child child) throws IOException {
    Path status = Path.of("/proc", String.valueOf(child.process.pid()), "status");
    if (!Files.exists(status)) {
      return 0;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return 0;
  }

  private static long heap(Child child) throws Exception {
    List<String> answer = child.ask("heap");
    assertThat(answer).hasSize(1);
    return Long.parseLong(answer.get(0).substring("HEAP ".length()));
  }
}
