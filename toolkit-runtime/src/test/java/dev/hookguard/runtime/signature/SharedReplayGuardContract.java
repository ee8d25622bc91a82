package dev.hookguard.runtime.signature;

import dev.hookguard.testsupport.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.TestDatabase;
import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import dev.hookguard.runtime.signature.internal.JdbcReplayGuard;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database-backed replay guard on every backend, run by one subclass per backend: an id is
 * accepted once within its window, by however many instances; it expires; it can be forgotten.
 */
abstract class SharedReplayGuardContract {

  static final Duration WINDOW = Duration.ofMinutes(10);

  @TempDir Path work;

  TestDatabase database;
  TestClock clock;
  HookGuard hookGuard;
  ReplayGuard guard;

  abstract TestDatabase newDatabase(Path directory);

  @BeforeEach
  void open() {
    database = newDatabase(work);
    clock = ReplayGuardTest.clock();
    hookGuard = database.open(clock);
    guard = hookGuard.replayGuard(WINDOW);
  }

  @AfterEach
  void close() throws Exception {
    database.close();
  }

  static Reason reasonOf(ReplayGuard guard, String id) {
    return ReplayGuardTest.reasonOf(guard, id);
  }

  @Test
  void anIdIsAcceptedOnceWithinTheWindow() throws Exception {
    guard.checkAndRecord("msg_1");

    assertThat(reasonOf(guard, "msg_1")).isEqualTo(Reason.REPLAYED);
    assertThatCode(() -> guard.checkAndRecord("msg_2")).doesNotThrowAnyException();
  }

  @Test
  void anIdIsAcceptedAgainOnceItsWindowEnds() throws Exception {
    guard.checkAndRecord("msg_1");

    clock.advance(WINDOW.minusSeconds(1));
    assertThat(reasonOf(guard, "msg_1")).isEqualTo(Reason.REPLAYED);

    clock.advance(Duration.ofSeconds(1));
    guard.checkAndRecord("msg_1");
    assertThat(reasonOf(guard, "msg_1")).as("taken over, with a new window").isEqualTo(Reason.REPLAYED);
  }

  @Test
  void aFullGuardFailsClosedUntilIdsExpire() throws Exception {
    ReplayGuard bounded = hookGuard.replayGuard("bounded", WINDOW, 3);
    bounded.checkAndRecord("msg_1");
    bounded.checkAndRecord("msg_2");
    bounded.checkAndRecord("msg_3");

    assertThat(reasonOf(bounded, "msg_4")).isEqualTo(Reason.REPLAY_GUARD_FULL);
    bounded.forget("msg_3");
    bounded.checkAndRecord("msg_4");
    assertThat(reasonOf(bounded, "msg_5")).isEqualTo(Reason.REPLAY_GUARD_FULL);

    clock.advance(WINDOW);
    assertThatCode(() -> bounded.checkAndRecord("msg_5"))
        .as("the expired ids are pruned and no longer counted").doesNotThrowAnyException();
    bounded.checkAndRecord("msg_6");
    bounded.checkAndRecord("msg_7");
    assertThat(reasonOf(bounded, "msg_8")).isEqualTo(Reason.REPLAY_GUARD_FULL);
    try (var raw = database.raw();
        var count = raw.prepareStatement("SELECT COUNT(*) FROM hg_replay_ids WHERE scope = ?")) {
      count.setString(1, "bounded");
      try (var rows = count.executeQuery()) {
        rows.next();
        assertThat(rows.getLong(1)).as("the table holds no more than the bound").isLessThanOrEqualTo(3);
      }
    }
  }

  @Test
  void aForgottenIdIsAcceptedAgain() throws Exception {
    guard.checkAndRecord("msg_1");

    guard.forget("msg_1");
    guard.forget("never-seen");

    guard.checkAndRecord("msg_1");
    assertThat(reasonOf(guard, "msg_1")).isEqualTo(Reason.REPLAYED);
  }

  @Test
  void scopesKeepTheirIdsApart() throws Exception {
    ReplayGuard github = hookGuard.replayGuard("github", WINDOW);
    guard.checkAndRecord("msg_1");

    github.checkAndRecord("msg_1");

    assertThat(reasonOf(github, "msg_1")).isEqualTo(Reason.REPLAYED);
  }

  @Test
  void idsAreKeptAsDigestsNotAsSent() throws Exception {
    guard.checkAndRecord("msg_visible_7731");

    try (Connection raw = database.raw();
        Statement statement = raw.createStatement();
        ResultSet rows = statement.executeQuery("SELECT message_id FROM hg_replay_ids")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).matches("[0-9a-f]{64}").doesNotContain("7731");
    }
  }

  @Test
  void twoInstancesAcceptEachIdExactlyOnce() throws Exception {
    HookGuard second = database.open(clock);
    List<ReplayGuard> guards =
        List.of(guard, second.replayGuard(WINDOW), guard, second.replayGuard(WINDOW));
    int ids = 40;
    ConcurrentHashMap<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    AtomicInteger replays = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(guards.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (ReplayGuard each : guards) {
        done.add(threads.submit(() -> {
          start.await();
          for (int i = 0; i < ids; i++) {
            String id = "msg_" + i;
            try {
              each.checkAndRecord(id);
              accepted.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            } catch (WebhookVerificationException e) {
              assertThat(e.reason()).isEqualTo(Reason.REPLAYED);
              replays.incrementAndGet();
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(accepted).hasSize(ids);
    assertThat(accepted.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
    assertThat(replays.get()).isEqualTo(ids * (guards.size() - 1));
  }

  @Test
  void expiredIdsArePrunedInBoundedBatches() throws Exception {
    int expired = JdbcReplayGuard.PRUNE_BATCH * 2 + 7;
    try (Connection raw = database.raw()) {
      raw.setAutoCommit(false);
      try (PreparedStatement insert = raw.prepareStatement(
          "INSERT INTO hg_replay_ids (scope, message_id, expires_at) VALUES ('default', ?, ?)")) {
        for (int i = 0; i < expired; i++) {
          insert.setString(1, String.format("%064x", i));
          insert.setLong(2, clock.millis() - 1);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      raw.commit();
    }
    guard.checkAndRecord("live");
    JdbcReplayGuard jdbc = (JdbcReplayGuard) hookGuard.replayGuard(WINDOW);

    List<Integer> batches = new ArrayList<>();
    int n;
    while ((n = jdbc.prune()) > 0) {
      batches.add(n);
    }

    assertThat(batches).allSatisfy(b -> assertThat(b).isLessThanOrEqualTo(JdbcReplayGuard.PRUNE_BATCH));
    assertThat(batches.stream().mapToInt(Integer::intValue).sum() + JdbcReplayGuard.PRUNE_BATCH)
        .as("the first batch went with the recording of 'live'")
        .isEqualTo(expired);
    assertThat(reasonOf(guard, "live")).isEqualTo(Reason.REPLAYED);
  }
}
