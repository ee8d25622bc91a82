package dev.hookguard.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.api.Sensitive;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditVerification;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.store.Accessor;
import dev.hookguard.samples.cli.CrashTest.Backend;
import dev.hookguard.samples.cli.CrashTest.Database;
import dev.hookguard.samples.cli.CrashTest.Opened;
import dev.hookguard.samples.github.GitHubPush;
import dev.hookguard.samples.github.GitHubPushVerifier;
import dev.hookguard.samples.shopify.ShopifyOrder;
import dev.hookguard.samples.shopify.ShopifyOrderVerifier;
import dev.hookguard.testsupport.TestClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A retention sweep and a re-encryption, each killed with SIGKILL at a random point in a child
 * JVM, then run again to the end, on SQLite and PostgreSQL: every record that has not expired is
 * still there and reveals exactly what was stored, every expired one is gone, the audit trail
 * verifies, and after a re-encryption the retired keys can be destroyed.
 */
@Timeout(600)
class MaintenanceCrashTest {

  private static final int SEEDS = Integer.getInteger("hookguard.crash.seeds", 2);
  private static final int PER_GROUP = 150;
  private static final Instant T0 = Instant.parse("2026-02-01T08:00:00Z");
  private static final Accessor DPO = Accessor.of("dpo", Sensitive.Category.values());
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  static Path folder;

  private static String classPath;

  @BeforeAll
  static void snapshotClassPath() throws IOException {
    classPath = CrashTest.copyClassPath(folder.resolve("classpath"));
  }

  static Stream<Arguments> runs() {
    List<Arguments> runs = new ArrayList<>();
    for (Backend backend : Backend.values()) {
      for (String action : List.of("sweep", "reencrypt")) {
        for (long seed = 1; seed <= SEEDS; seed++) {
          runs.add(Arguments.of(backend, action, seed));
        }
      }
    }
    return runs.stream();
  }

  @ParameterizedTest(name = "{0} {1} seed {2}")
  @MethodSource("runs")
  void killedAndRunAgainLosesNothingUnexpired(Backend backend, String action, long seed)
      throws Exception {
    Path run = Files.createDirectories(folder.resolve(backend + "-" + action + "-" + seed));
    Workspace workspace = new Workspace(run.resolve("workspace"));
    Random random = new Random(seed);
    // GitHub pushes are kept 30 days; Shopify orders 365, their browser IP and note 30.
    Instant at = T0.plus(Duration.ofDays(action.equals("sweep") ? 35 : 25));
    try (Database database = backend == Backend.SQLITE
        ? new Database(workspace.database(), null) : Database.postgres()) {
      Map<String, String> pushes = new LinkedHashMap<>();
      Map<String, String> orders = new LinkedHashMap<>();
      TestClock clock = new TestClock(T0);
      try (Opened opened = database.open(workspace, clock)) {
        HookGuard hookGuard = opened.hookGuard();
        SampleReceivers.Stores stores = SampleReceivers.Stores.of(hookGuard);
        GitHubPush push = GitHubPushVerifier.create(Signatures.github("unused"))
            .readTrusted(Provider.GITHUB.sampleBody());
        ShopifyOrder order = ShopifyOrderVerifier.create(Signatures.shopify("unused"))
            .readTrusted(Provider.SHOPIFY.sampleBody());
        for (int i = 0; i < 2 * PER_GROUP; i++) {
          if (i == PER_GROUP) {
            clock.set(T0.plus(Duration.ofDays(20))); // these pushes outlive the sweep
          }
          stores.github().put("push-" + i, push);
          pushes.put("push-" + i, GitHubPushVerifier.toJson(push));
        }
        clock.set(T0);
        for (int i = 0; i < PER_GROUP; i++) {
          stores.shopify().put("order-" + i, order);
          orders.put("order-" + i, ShopifyOrderVerifier.toJson(order));
        }
        if (action.equals("reencrypt")) {
          hookGuard.keys().rotate();
        }
      }

      int killAfter = random.nextInt(5); // PROGRESS lines seen before the kill
      long delayNanos = random.nextInt(4_000_000);
      String killed = runChild(run, workspace, database, action, at, killAfter, delayNanos);
      String finished = runChild(run, workspace, database, action, at, -1, 0);
      String story = backend + " " + action + " seed " + seed + ": first run " + killed
          + ", second " + finished;
      System.out.println(story);
      assertThat(finished).as(story).isEqualTo("done");

      clock.set(at);
      try (Opened opened = database.open(workspace, clock)) {
        HookGuard hookGuard = opened.hookGuard();
        SampleReceivers.Stores stores = SampleReceivers.Stores.of(hookGuard);
        if (action.equals("reencrypt")) {
          assertThat(hookGuard.keys().destroyRetiredKeys()).as(story).isPositive();
        }
        List<String> wrong = new ArrayList<>();
        pushes.forEach((id, json) -> {
          boolean expired = action.equals("sweep")
              && Integer.parseInt(id.substring(5)) < PER_GROUP;
          var revealed = stores.github().reveal(id, DPO, "crash test");
          if (expired ? revealed.isPresent()
              : !revealed.map(GitHubPushVerifier::toJson).orElse("").equals(json)) {
            wrong.add(id + (expired ? " still readable" : " lost or changed"));
          }
        });
        orders.forEach((id, json) -> {
          var revealed = stores.shopify().reveal(id, DPO, "crash test");
          if (revealed.isEmpty()) {
            wrong.add(id + " lost");
            return;
          }
          JsonNode expected = JSON.readTree(json);
          if (action.equals("sweep")) {
            // Past their 30 days: the browser IP and the note read as null.
            ((ObjectNode) expected).putNull("browser_ip");
            ((ObjectNode) expected).putNull("note");
          }
          if (!JSON.readTree(ShopifyOrderVerifier.toJson(revealed.get())).equals(expected)) {
            wrong.add(id + " changed");
          }
        });
        assertThat(wrong).as(story).isEmpty();
        assertThat(database.recordRows().keySet().stream()
                .filter(key -> key.contains("push-")).count())
            .as("push records left (%s)", story)
            .isEqualTo(action.equals("sweep") ? PER_GROUP : 2 * PER_GROUP);
        AuditVerification verification = hookGuard.audit().verify();
        assertThat(verification.ok()).as("audit chain (%s): %s", story, verification).isTrue();
      }
    }
  }

  static Stream<Arguments> erasures() {
    List<Arguments> runs = new ArrayList<>();
    for (Backend backend : Backend.values()) {
      for (long seed = 1; seed <= SEEDS; seed++) {
        runs.add(Arguments.of(backend, seed));
      }
    }
    return runs.stream();
  }

  /**
   * An erasure of one person killed at a random point (before its keys are destroyed, between
   * its batches, in one), then finished as {@code hookguard subject erase} does: nothing of the
   * person is left, everyone else's orders are whole, and each erased record is audited once.
   */
  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("erasures")
  void anErasureKilledAndFinishedLeavesNothingOfThePersonAndEveryoneElse(Backend backend,
      long seed) throws Exception {
    Path run = Files.createDirectories(folder.resolve(backend + "-erase-" + seed));
    Workspace workspace = new Workspace(run.resolve("workspace"));
    Random random = new Random(seed);
    int erasedOrders = 450; // three batches of 200
    Map<String, String> others = new LinkedHashMap<>();
    try (Database database = backend == Backend.SQLITE
        ? new Database(workspace.database(), null) : Database.postgres()) {
      TestClock clock = new TestClock(T0);
      try (Opened opened = database.open(workspace, clock)) {
        SampleReceivers.Stores stores = SampleReceivers.Stores.of(opened.hookGuard());
        String body = new String(Provider.SHOPIFY.sampleBody(), StandardCharsets.UTF_8);
        ShopifyOrder theirs = ShopifyOrderVerifier.create(Signatures.shopify("unused"))
            .readTrusted(body.replace("jon.doe@example.com", MaintenanceMain.ERASED)
                .getBytes(StandardCharsets.UTF_8));
        ShopifyOrder someoneElses = ShopifyOrderVerifier.create(Signatures.shopify("unused"))
            .readTrusted(Provider.SHOPIFY.sampleBody());
        Map<String, ShopifyOrder> batch = new LinkedHashMap<>();
        for (int i = 0; i < erasedOrders; i++) {
          batch.put("theirs-" + i, theirs);
        }
        for (int i = 0; i < PER_GROUP; i++) {
          batch.put("other-" + i, someoneElses);
          others.put("other-" + i, ShopifyOrderVerifier.toJson(someoneElses));
        }
        stores.shopify().putAll(batch);
      }

      int killAfter = random.nextInt(4); // PROGRESS lines seen before the kill
      long delayNanos = random.nextInt(4_000_000);
      String killed = runChild(run, workspace, database, "erase", T0, killAfter, delayNanos);
      String finished = runChild(run, workspace, database, "finish-erase", T0, -1, 0);
      String story = backend + " erase seed " + seed + ": first run " + killed + ", second "
          + finished;
      System.out.println(story);
      assertThat(finished).as(story).isEqualTo("done");

      try (Opened opened = database.open(workspace, clock)) {
        HookGuard hookGuard = opened.hookGuard();
        SampleReceivers.Stores stores = SampleReceivers.Stores.of(hookGuard);
        assertThat(hookGuard.subjects().find(MaintenanceMain.ERASED)).as(story).isEmpty();
        assertThat(database.recordRows().keySet().stream()
                .filter(key -> key.contains("theirs-")).count())
            .as("erased records left (%s)", story).isZero();
        List<String> wrong = new ArrayList<>();
        others.forEach((id, json) -> {
          String revealed = stores.shopify().reveal(id, DPO, "crash test")
              .map(ShopifyOrderVerifier::toJson).orElse("");
          if (!revealed.equals(json)) {
            wrong.add(id + " lost or changed");
          }
        });
        assertThat(wrong).as(story).isEmpty();
        List<String> audited;
        try (var entries = hookGuard.audit().entries()) {
          audited = entries.map(entry -> entry.event())
              .filter(e -> e.kind() == dev.hookguard.runtime.audit.AuditEvent.Kind
                  .SUBJECT_RECORD_ERASED)
              .map(e -> e.recordId())
              .toList();
        }
        assertThat(audited).as(story).hasSize(erasedOrders).doesNotHaveDuplicates();
        assertThat(hookGuard.subjects().resumeErasures()).as(story).isEmpty();
        AuditVerification verification = hookGuard.audit().verify();
        assertThat(verification.ok()).as("audit chain (%s): %s", story, verification).isTrue();
      }
    }
  }

  /**
   * Runs {@link MaintenanceMain}; if {@code killAfter} is not negative, kills it with SIGKILL
   * {@code delayNanos} after its {@code killAfter}th {@code PROGRESS} line (0: after {@code
   * STARTED}). Returns "done", or how far it got when it was killed.
   */
  private static String runChild(Path run, Workspace workspace, Database database, String action,
      Instant at, int killAfter, long delayNanos) throws Exception {
    List<String> command = CrashTest.childCommand(classPath,
        List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"), MaintenanceMain.class,
        workspace.directory().toString(), action, Long.toString(at.toEpochMilli()));
    if (database.childUrl() != null) {
      command.add(database.childUrl());
    }
    Path log = run.resolve("child-" + System.nanoTime() + ".log");
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    int progress = 0;
    boolean started = false;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.equals("STARTED")) {
          started = true;
        } else if (line.equals("PROGRESS")) {
          progress++;
        } else if (line.equals("DONE")) {
          break;
        }
        if (started && killAfter >= 0 && progress == killAfter) {
          LockSupport.parkNanos(delayNanos);
          process.destroyForcibly();
          assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
          return "killed after " + progress + " batches";
        }
      }
    } finally {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    assertThat(process.exitValue()).as("child exit; its log:%n%s", Files.readString(log))
        .isZero();
    return killAfter >= 0 ? "done before the kill (" + progress + " batches)" : "done";
  }
}
