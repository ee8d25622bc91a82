package dev.hookguard.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.testsupport.TestPostgres;
import dev.hookguard.runtime.audit.AuditEntry;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.audit.AuditVerification;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The receipt survives a crash. A child JVM runs the sample program's real receivers (see {@link
 * CrashReceiverMain}) on a SQLite file or a PostgreSQL schema, while {@value #CLIENTS} client
 * threads post signed GitHub and Shopify deliveries, each under its own message id and with its
 * own body. Each seed kills the child with SIGKILL two to four times, each time at a random point
 * of a burst (after a random number of answers, plus a random fraction of a few milliseconds, so
 * that other requests are in flight, queued for the group commit or committing). Every burst
 * holds a new wave of deliveries, everything earlier bursts left unanswered and redeliveries of
 * events already acknowledged, and carries some deliveries twice at once. Before about one round
 * in four a child is also killed while it starts (migrating the new database, loading keys,
 * chaining what the last kill left queued). After the last kill the child is restarted on the
 * same database, without kills, until every delivery has its answer, then stopped cleanly, and
 * the database is read in this JVM:
 *
 * <ul>
 *   <li>every delivery is stored exactly once: its record reads back, and {@code hg_records}
 *       holds exactly the delivered ids, each in one row;
 *   <li>every stored record has exactly one RECEIVED audit entry, no other id has one, and the
 *       audit chain verifies with nothing left in its queue;
 *   <li>every answer to a genuine delivery was {@code 200}: at most one {@code ACCEPTED} per
 *       message id, and every redelivery of an event already acknowledged {@code 200 DUPLICATE};
 *   <li>forged deliveries (signed, then altered) were refused 401 and left nothing behind.
 * </ul>
 *
 * <p>Seeds are fixed, so a failure reproduces as far as thread timing allows; {@code
 * -Dhookguard.crash.seed=N} starts them elsewhere and {@code -Dhookguard.crash.seeds=N} runs N
 * per backend. PostgreSQL is the tests' server ({@link TestPostgres}: embedded, or the one
 * {@code HOOKGUARD_TEST_POSTGRES_URL} names); each seed gets a fresh schema.
 */
class CrashTest {

  private static final int CLIENTS = 8;
  private static final int DELIVERIES = 300;
  /** Redeliveries of already acknowledged events per recovery round. */
  private static final int REDELIVERIES = 25;
  private static final int FORGED_PERCENT = 4;
  /** Deliveries sent twice at once in a burst. */
  private static final int TWICE_AT_ONCE_PERCENT = 5;
  /** Unkilled rounds after the last kill before giving up. */
  private static final int MAX_ROUNDS = 5;
  private static final int SEEDS = Integer.getInteger("hookguard.crash.seeds", 4);
  private static final long FIRST_SEED = Long.getLong("hookguard.crash.seed", 1);
  private static final Duration CHILD_START = Duration.ofSeconds(60);
  private static final Duration ROUND_LIMIT = Duration.ofSeconds(120);

  @TempDir
  static Path folder;

  /** The children's class path: this JVM's, with this build's own classes and jars copied. */
  private static String classPath;

  /**
   * Copies this build's classes and the HookGuard jars, so that every child runs the code this
   * JVM loaded even if the build tree is rebuilt while the test runs; other jars stay in place.
   */
  @BeforeAll
  static void snapshotClassPath() throws IOException {
    classPath = copyClassPath(folder.resolve("classpath"));
  }

  /**
   * Copies this build's classes and the HookGuard jars into {@code into}, so that every child
   * runs the code this JVM loaded even if the build tree is rebuilt while the test runs; other
   * jars stay in place. Returns the children's class path.
   */
  static String copyClassPath(Path into) throws IOException {
    List<String> entries = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path")).split(File.pathSeparator)) {
      Path source = Path.of(entry);
      Path copy = into.resolve(String.valueOf(n++));
      if (Files.isDirectory(source)) {
        try (Stream<Path> files = Files.walk(source)) {
          for (Path file : files.toList()) {
            Path target = copy.resolve(source.relativize(file).toString());
            if (Files.isDirectory(file)) {
              Files.createDirectories(target);
            } else {
              Files.copy(file, target);
            }
          }
        }
        entries.add(copy.toString());
      } else if (source.getFileName().toString().startsWith("hookguard-")) {
        Files.createDirectories(copy);
        entries.add(Files.copy(source, copy.resolve(source.getFileName())).toString());
      } else {
        entries.add(entry);
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /**
   * The command line of a child JVM running {@code main} with {@code arguments} on {@code
   * classPath}: this JVM's {@code java}, quick to start (C1 only), with {@code jvmOptions}.
   */
  static List<String> childCommand(String classPath, List<String> jvmOptions, Class<?> main,
      String... arguments) {
    String java = ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1",
        "-Xshare:auto"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classPath, main.getName()));
    command.addAll(List.of(arguments));
    return command;
  }

  enum Backend { SQLITE, POSTGRESQL }

  static Stream<Arguments> runs() {
    List<Arguments> runs = new ArrayList<>();
    for (Backend backend : Backend.values()) {
      for (long seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) {
        runs.add(Arguments.of(backend, seed));
      }
    }
    return runs.stream();
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("runs")
  void everyDeliveryIsStoredExactlyOnceAcrossKills(Backend backend, long seed) throws Exception {
    Path run = Files.createDirectories(
        folder.resolve(backend + "-" + seed + "-" + System.nanoTime()));
    Workspace workspace = new Workspace(run.resolve("workspace"));
    Secrets secrets = workspace.secrets();
    try (Database database = backend == Backend.SQLITE
        ? new Database(workspace.database(), null) : Database.postgres()) {
      Random random = new Random(seed);
      int kills = 2 + random.nextInt(3);
      List<Delivery> deliveries = deliveries(random, secrets);
      Ledger ledger = new Ledger();
      List<String> rounds = new ArrayList<>();

      // Each of the first `kills` rounds sends a new wave of deliveries, with what earlier rounds
      // left unanswered and some redeliveries of what they acknowledged, and is killed at a
      // random point; then rounds go unkilled until every delivery is answered.
      int fresh = 0;
      for (int round = 0; ; round++) {
        if (round >= kills + MAX_ROUNDS) {
          fail("deliveries still unanswered after %d rounds: %s", round,
              ledger.unanswered(deliveries).stream().map(d -> d + " " + ledger.of(d)).toList());
        }
        boolean kill = round < kills;
        List<Delivery> sent = deliveries.subList(0, fresh);
        List<Delivery> toSend = new ArrayList<>(ledger.unanswered(sent));
        // Redeliveries of events already acknowledged, which must be answered 200 DUPLICATE.
        List<Delivery> acknowledged = new ArrayList<>(sent);
        acknowledged.removeAll(toSend);
        acknowledged.removeIf(Delivery::forged);
        Collections.shuffle(acknowledged, random);
        toSend.addAll(acknowledged.subList(0, Math.min(REDELIVERIES, acknowledged.size())));
        if (kill) {
          int wave = round == kills - 1 ? deliveries.size() - fresh : deliveries.size() / kills;
          toSend.addAll(deliveries.subList(fresh, fresh + wave));
          fresh += wave;
        }
        if (random.nextInt(4) == 0) {
          // Killed before it could answer anything (on the first round: while it migrates the
          // new database); the next child starts on what it left.
          long after = random.nextInt(900);
          Child.killWhileStarting(run, round + "-starting", workspace, database.childUrl(), after);
          rounds.add("killed " + after + " ms into its start");
        }
        long started = System.nanoTime();
        Child child = Child.start(run, String.valueOf(round), workspace, database.childUrl());
        try {
          long up = System.nanoTime();
          int answeredBefore = ledger.answeredCount();
          send(child, toSend, round, kill, random, ledger);
          rounds.add(toSend.size() + " requests, " + (ledger.answeredCount() - answeredBefore)
              + " answers" + (kill ? ", killed" : "") + " (start "
              + (up - started) / 1_000_000 + " ms, sending " + (System.nanoTime() - up) / 1_000_000
              + " ms)");
          if (!kill && ledger.unanswered(deliveries).isEmpty()) {
            child.stop();
            break;
          }
        } finally {
          child.kill();
        }
      }

      String story = backend + " seed " + seed + ": " + String.join("; ", rounds)
          + "; stored by a child killed before it answered: "
          + ledger.storedButUnanswered(deliveries);
      System.out.println(story);
      checkAnswers(deliveries, ledger, story);
      checkStore(workspace, database, deliveries, story);
    }
  }

  // --- the deliveries ------------------------------------------------------------------------

  /** One signed delivery: sent again byte for byte, as a provider redelivers. */
  record Delivery(Provider provider, String messageId, Map<String, String> headers, byte[] body,
      boolean forged) {
    @Override
    public String toString() {
      return provider.label() + "/" + messageId + (forged ? " (forged)" : "");
    }
  }

  static List<Delivery> deliveries(Random random, Secrets secrets) {
    return deliveries(random, secrets, DELIVERIES, FORGED_PERCENT);
  }

  /** {@code count} GitHub and Shopify deliveries, {@code forgedPercent} of them forged. */
  static List<Delivery> deliveries(Random random, Secrets secrets, int count,
      int forgedPercent) {
    byte[] github = Provider.GITHUB.sampleBody();
    byte[] shopify = Provider.SHOPIFY.sampleBody();
    List<Delivery> deliveries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Provider provider = random.nextInt(5) < 3 ? Provider.GITHUB : Provider.SHOPIFY;
      // Distinct ids and distinct bodies (by their white space), as distinct events have: where
      // the id is not signed (GitHub, Shopify) the body identifies a delivery too.
      String messageId = new UUID(random.nextLong(), random.nextLong()).toString();
      byte[] body = padded(provider == Provider.GITHUB ? github : shopify, 2 * i);
      Map<String, String> headers = new LinkedHashMap<>(
          provider.signature(secrets).sign(messageId, Instant.now(), body));
      boolean forged = random.nextInt(100) < forgedPercent;
      // A forged delivery: signed, then one more space in the body (an odd number: no genuine
      // delivery's body).
      deliveries.add(new Delivery(provider, messageId, headers,
          forged ? padded(body, 1) : body, forged));
    }
    return deliveries;
  }

  /** The same JSON object with {@code spaces} more spaces before its closing brace. */
  static byte[] padded(byte[] body, int spaces) {
    int close = new String(body, StandardCharsets.ISO_8859_1).lastIndexOf('}');
    byte[] padded = new byte[body.length + spaces];
    System.arraycopy(body, 0, padded, 0, close);
    Arrays.fill(padded, close, close + spaces, (byte) ' ');
    System.arraycopy(body, close, padded, close + spaces, body.length - close);
    return padded;
  }

  // --- sending -------------------------------------------------------------------------------

  /** One HTTP answer to one delivery. */
  record Answer(int round, int status, String body) {
    boolean ok() {
      return status / 100 == 2;
    }

    @Override
    public String toString() {
      return "round " + round + ": " + status + " " + body;
    }
  }

  /** Every answer each delivery got, in the order it got them. */
  static final class Ledger {
    private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger answered = new AtomicInteger();

    void answer(Delivery delivery, Answer answer) {
      answers.computeIfAbsent(delivery.messageId(), id -> Collections.synchronizedList(
          new ArrayList<>())).add(answer);
      answered.incrementAndGet();
    }

    List<Answer> of(Delivery delivery) {
      return List.copyOf(answers.getOrDefault(delivery.messageId(), List.of()));
    }

    int answeredCount() {
      return answered.get();
    }

    /** Genuine deliveries with no 2xx yet, and forged ones with no answer at all. */
    List<Delivery> unanswered(List<Delivery> deliveries) {
      return deliveries.stream()
          .filter(d -> d.forged() ? of(d).isEmpty() : of(d).stream().noneMatch(Answer::ok))
          .toList();
    }

    /** Genuine deliveries never answered ACCEPTED: stored by a child killed before it answered. */
    long storedButUnanswered(List<Delivery> deliveries) {
      return deliveries.stream()
          .filter(d -> !d.forged() && of(d).stream().noneMatch(a -> a.body().equals("ACCEPTED")))
          .count();
    }
  }

  /**
   * Posts {@code toSend} from {@link #CLIENTS} threads; if {@code kill}, kills the child with
   * SIGKILL once a random number of them have been answered (or failed), a random fraction of a
   * few milliseconds later, while the others are in flight.
   */
  private static void send(Child child, List<Delivery> toSend, int round, boolean kill,
      Random random, Ledger ledger) throws Exception {
    List<Delivery> shuffled = new ArrayList<>(toSend);
    Collections.shuffle(shuffled, random);
    // Some deliveries twice in a row, so that two client threads carry them at once, as a
    // provider's retry does when it gave up waiting for the first answer.
    List<Delivery> order = new ArrayList<>();
    for (Delivery delivery : shuffled) {
      order.add(delivery);
      if (random.nextInt(100) < TWICE_AT_ONCE_PERCENT) {
        order.add(delivery);
      }
    }
    int killAfter = kill ? 1 + random.nextInt(Math.max(1, order.size() - 2)) : 0;
    long killDelayNanos = kill ? random.nextInt(3_000_000) : 0;
    CountDownLatch done = new CountDownLatch(killAfter);
    AtomicInteger next = new AtomicInteger();
    HttpClient client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    URI base = URI.create("http://127.0.0.1:" + child.port);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        running.add(clients.submit(() -> {
          int i;
          while ((i = next.getAndIncrement()) < order.size()) {
            post(client, base, order.get(i), round, ledger);
            done.countDown();
          }
          return null;
        }));
      }
      if (kill) {
        assertThat(done.await(ROUND_LIMIT.toSeconds(), TimeUnit.SECONDS))
            .as("%d deliveries answered before the kill", killAfter).isTrue();
        LockSupport.parkNanos(killDelayNanos);
        child.kill();
      }
      for (Future<?> future : running) {
        future.get(ROUND_LIMIT.toSeconds(), TimeUnit.SECONDS);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  static void post(HttpClient client, URI base, Delivery delivery, int round, Ledger ledger)
      throws InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(delivery.provider().path()))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
    delivery.headers().forEach(request::header);
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      ledger.answer(delivery, new Answer(round, response.statusCode(), response.body().strip()));
    } catch (IOException e) {
      // No answer: the child was killed before it answered (or before it was asked). The
      // delivery is redelivered in the next round.
    }
  }

  // --- the checks ----------------------------------------------------------------------------

  /** Every genuine delivery acknowledged, once accepted, and every redelivery a duplicate. */
  static void checkAnswers(List<Delivery> deliveries, Ledger ledger, String story) {
    List<String> wrong = new ArrayList<>();
    for (Delivery delivery : deliveries) {
      List<Answer> answers = ledger.of(delivery);
      if (delivery.forged()) {
        if (answers.isEmpty() || answers.stream().anyMatch(a -> a.status() != 401)) {
          wrong.add(delivery + ": " + answers);
        }
        continue;
      }
      // The round of the first 2xx; answers of one round may arrive in any order, since a
      // delivery can be in flight twice at once.
      int acknowledgedIn = Integer.MAX_VALUE;
      int accepted = 0;
      for (Answer answer : answers) {
        boolean fine = answer.round() > acknowledgedIn
            // A redelivery of an event acknowledged before: stored, so a duplicate.
            ? answer.status() == 200 && answer.body().equals("DUPLICATE")
            // Stored now, or stored by a child killed before its answer got out, or by the
            // other request carrying it at the same time.
            : answer.status() == 200
                && (answer.body().equals("ACCEPTED") || answer.body().equals("DUPLICATE"));
        if (!fine) {
          wrong.add(delivery + ": " + answers);
          break;
        }
        acknowledgedIn = Math.min(acknowledgedIn, answer.round());
        accepted += answer.body().equals("ACCEPTED") ? 1 : 0;
      }
      if (acknowledgedIn == Integer.MAX_VALUE || accepted > 1) {
        wrong.add(delivery + ": " + answers);
      }
    }
    assertThat(wrong).as("deliveries answered wrongly (%s)", story).isEmpty();
  }

  /** Exactly the genuine deliveries stored, each once, each with one RECEIVED entry. */
  static void checkStore(Workspace workspace, Database database, List<Delivery> deliveries,
      String story) throws Exception {
    try (Opened opened = database.open(workspace)) {
      HookGuard hookGuard = opened.hookGuard();
      SampleReceivers.Stores stores = SampleReceivers.Stores.of(hookGuard);
      Map<Provider, String> types = Map.of(
          Provider.GITHUB, stores.github().schema().payloadType(),
          Provider.SHOPIFY, stores.shopify().schema().payloadType());

      Map<String, Integer> expected = new TreeMap<>();
      List<String> unreadable = new ArrayList<>();
      for (Delivery delivery : deliveries) {
        boolean found = delivery.provider() == Provider.GITHUB
            ? stores.github().find(delivery.messageId()).isPresent()
            : stores.shopify().find(delivery.messageId()).isPresent();
        if (found == delivery.forged()) {
          unreadable.add(delivery + (found ? " stored" : " not found"));
        }
        if (!delivery.forged()) {
          expected.put(types.get(delivery.provider()) + "/" + delivery.messageId(), 1);
        }
      }
      assertThat(unreadable).as("records found or missing (%s)", story).isEmpty();

      // Straight from the table: each delivered id in exactly one row, and nothing else.
      assertThat(differences(expected, database.recordRows()))
          .as("hg_records rows that are not one per delivered id (%s)", story).isEmpty();

      AuditVerification verification = hookGuard.audit().verify();
      assertThat(verification.ok()).as("audit chain (%s): %s", story, verification).isTrue();
      List<AuditEntry> trail = hookGuard.audit().tail(1_000_000);
      assertThat(trail).as("audit trail").hasSize((int) verification.entriesChecked());
      Map<String, Integer> received = new TreeMap<>();
      Map<AuditEvent.Kind, Integer> kinds = new TreeMap<>();
      for (AuditEntry entry : trail) {
        kinds.merge(entry.event().kind(), 1, Integer::sum);
        if (entry.event().kind() == AuditEvent.Kind.RECEIVED) {
          received.merge(entry.event().payloadType() + "/" + entry.event().recordId(), 1,
              Integer::sum);
        }
      }
      assertThat(differences(expected, received))
          .as("records without exactly one RECEIVED entry, and RECEIVED entries without a record"
              + " (%s)", story).isEmpty();
      assertThat(database.count("hg_audit_queue")).as("entries left unchained").isZero();
      System.out.println("  audit trail: " + kinds);
    }
  }

  /** Each key whose count is not the expected one, and each key not expected at all. */
  private static List<String> differences(
      Map<String, Integer> expected, Map<String, Integer> actual) {
    List<String> differences = new ArrayList<>();
    expected.forEach((key, count) -> {
      int found = actual.getOrDefault(key, 0);
      if (found != count) {
        differences.add(key + ": " + found + " instead of " + count);
      }
    });
    actual.forEach((key, count) -> {
      if (!expected.containsKey(key)) {
        differences.add(key + ": " + count + ", none expected");
      }
    });
    return differences;
  }

  // --- the child JVM -------------------------------------------------------------------------

  /** A running {@link CrashReceiverMain}. */
  static final class Child {
    final Process process;
    final int port;
    final Path log;
    private final LinkedBlockingQueue<String> lines;

    private Child(Process process, int port, Path log, LinkedBlockingQueue<String> lines) {
      this.process = process;
      this.port = port;
      this.log = log;
      this.lines = lines;
    }

    private static final String END = "\u0000end";

    /** Starts the receiver and waits for its port. */
    static Child start(Path run, String name, Workspace workspace, String postgresUrl)
        throws Exception {
      return start(classPath, List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"), run, name,
          workspace, postgresUrl);
    }

    /** Starts the receiver on {@code classPath} with {@code jvmOptions}, and waits for its port. */
    static Child start(String classPath, List<String> jvmOptions, Path run, String name,
        Workspace workspace, String postgresUrl) throws Exception {
      Path log = run.resolve("child-" + name + ".log");
      Process process = launch(classPath, jvmOptions, log, workspace, postgresUrl);
      LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader out = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = out.readLine()) != null) {
            lines.add(line);
          }
        } catch (IOException e) {
          // Killed: its output ends here.
        } finally {
          lines.add(END);
        }
      }, "crash-child-" + name);
      reader.setDaemon(true);
      reader.start();
      String first = lines.poll(CHILD_START.toSeconds(), TimeUnit.SECONDS);
      if (first == null || !first.startsWith("PORT ")) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        fail("the receiver did not start (first line %s); its log:%n%s", first,
            Files.readString(log));
      }
      return new Child(process, Integer.parseInt(first.substring(5).strip()), log, lines);
    }

    /**
     * Starts the receiver and kills it {@code afterMillis} later, whatever it is doing by then:
     * migrating a new database, loading keys, chaining what the last crash left queued.
     */
    static void killWhileStarting(Path run, String name, Workspace workspace, String postgresUrl,
        long afterMillis) throws Exception {
      Process process = launch(classPath, List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
          run.resolve("child-" + name + ".log"), workspace, postgresUrl);
      process.getInputStream().close();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(afterMillis));
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed child gone").isTrue();
    }

    private static Process launch(String classPath, List<String> jvmOptions, Path log,
        Workspace workspace, String postgresUrl) throws IOException {
      List<String> command = childCommand(classPath, jvmOptions, CrashReceiverMain.class,
          workspace.directory().toString());
      if (postgresUrl != null) {
        command.add(postgresUrl);
      }
      return new ProcessBuilder(command).redirectError(log.toFile()).start();
    }

    /** SIGKILL, and wait until it is gone. */
    void kill() throws InterruptedException {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("killed child gone").isTrue();
    }

    /**
     * Sends {@code command} on the child's standard input and returns the lines it answers, up
     * to the line {@code END}.
     */
    List<String> ask(String command) throws Exception {
      OutputStream in = process.getOutputStream();
      in.write((command + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      List<String> answer = new ArrayList<>();
      for (String line = lines.poll(60, TimeUnit.SECONDS); !"END".equals(line);
          line = lines.poll(60, TimeUnit.SECONDS)) {
        assertThat(line).as("child's answer to %s; log %s", command, log).isNotNull()
            .isNotEqualTo(END);
        answer.add(line);
      }
      return answer;
    }

    /** A clean stop: the server and the store closed, then exit 0. */
    void stop() throws Exception {
      try (OutputStream in = process.getOutputStream()) {
        in.write("stop\n".getBytes(StandardCharsets.UTF_8));
      }
      String line = lines.poll(60, TimeUnit.SECONDS);
      assertThat(line).as("child's answer to stop; log %s", log).isEqualTo("STOPPED");
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stopped child gone").isTrue();
      assertThat(process.exitValue()).isZero();
    }
  }

  // --- the databases -------------------------------------------------------------------------

  /** The store the child and the checks share: a SQLite file, or a fresh PostgreSQL schema. */
  static final class Database implements AutoCloseable {
    private final Path sqlite;
    private final TestPostgres.Schema schema;

    Database(Path sqlite, TestPostgres.Schema schema) {
      this.sqlite = sqlite;
      this.schema = schema;
    }

    static Database postgres() {
      return new Database(null, TestPostgres.server().newSchema());
    }

    /** The child's {@code --postgres} URL, or null for the workspace's SQLite file. */
    String childUrl() {
      return schema == null ? null : schema.jdbcUrl();
    }

    Opened open(Workspace workspace) {
      return open(workspace, Clock.systemUTC());
    }

    Opened open(Workspace workspace, Clock clock) {
      HookGuard.Builder builder =
          HookGuard.builder().masterKey(workspace.masterKey()).clock(clock);
      if (schema == null) {
        return new Opened(builder.sqlite(sqlite).build(), null);
      }
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(childUrl());
      config.setMaximumPoolSize(4);
      HikariDataSource pool = new HikariDataSource(config);
      try {
        return new Opened(builder.postgres(pool).build(), pool);
      } catch (RuntimeException e) {
        pool.close();
        throw e;
      }
    }

    private Connection connect() throws SQLException {
      return schema == null
          ? DriverManager.getConnection("jdbc:sqlite:" + sqlite)
          : schema.connect();
    }

    /** Each (payload type / record id) in {@code hg_records} with its number of rows. */
    Map<String, Integer> recordRows() throws SQLException {
      Map<String, Integer> rows = new TreeMap<>();
      try (Connection connection = connect(); Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery(
              "SELECT payload_type, record_id, COUNT(*) FROM hg_records"
                  + " GROUP BY payload_type, record_id")) {
        while (result.next()) {
          rows.put(result.getString(1) + "/" + result.getString(2), result.getInt(3));
        }
      }
      return rows;
    }

    long count(String table) throws SQLException {
      try (Connection connection = connect(); Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
        result.next();
        return result.getLong(1);
      }
    }

    @Override
    public void close() throws SQLException {
      if (schema != null) {
        schema.close();
      }
    }
  }

  /** A HookGuard opened in this JVM, with the pool it owns (PostgreSQL). */
  record Opened(HookGuard hookGuard, HikariDataSource pool) implements AutoCloseable {
    @Override
    public void close() {
      try {
        hookGuard.close();
      } finally {
        if (pool != null) {
          pool.close();
        }
      }
    }
  }
}
