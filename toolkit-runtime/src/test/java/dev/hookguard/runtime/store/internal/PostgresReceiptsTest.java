package dev.hookguard.runtime.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.store.PostgresBackend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ReceiptsTest} on PostgreSQL (the embedded server, or the one {@code
 * HOOKGUARD_TEST_POSTGRES_URL} names), where a batch is first written as if all of it were new in
 * one round trip with the keyring check: and what is not all new is rolled back and decided
 * receipt by receipt.
 */
class PostgresReceiptsTest extends ReceiptsTest {

  private PostgresBackend backend;

  @Override
  Database openDatabase() {
    backend = new PostgresBackend(work);
    return Database.postgres(backend.dataSource());
  }

  @Override
  Database otherInstance() {
    return Database.postgres(backend.newPool(2));
  }

  @Override
  @AfterEach // an overriding method is no longer the inherited one's lifecycle method
  void close() throws Exception {
    super.close();
    backend.close();
  }

  /**
   * One writer, held by a first receipt's participant until {@code queued} receipts wait behind
   * it: they then form one batch. Returns each queued receipt's outcome by id.
   */
  private Map<String, Receipts.Outcome> oneBatch(
      Receipts receipts, CountDownLatch hold, List<String[]> queued) throws Exception {
    CompletableFuture<Receipts.Outcome> first = CompletableFuture.supplyAsync(
        () -> receipts.store(SCHEMA, "msg_first", body("first"), fields("first"), false));
    Map<String, CompletableFuture<Receipts.Outcome>> waiting = new LinkedHashMap<>();
    // Queued while the writer is held: the first receipt is in its transaction by now.
    Thread.sleep(200);
    for (String[] receipt : queued) {
      String id = receipt[0];
      String order = receipt[1];
      boolean bodyIdentifies = receipt.length > 2;
      waiting.put(id + (waiting.containsKey(id) ? "#2" : ""), CompletableFuture.supplyAsync(
          () -> receipts.store(SCHEMA, id, body(order), fields(order), bodyIdentifies)));
    }
    Thread.sleep(300);
    hold.countDown();
    assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(Receipts.Outcome.STORED);
    Map<String, Receipts.Outcome> outcomes = new LinkedHashMap<>();
    for (Map.Entry<String, CompletableFuture<Receipts.Outcome>> entry : waiting.entrySet()) {
      outcomes.put(entry.getKey(), entry.getValue().get(30, TimeUnit.SECONDS));
    }
    return outcomes;
  }

  @Test
  void aBatchOfNewReceiptsIsWrittenOnceWithOneEntryEach() throws Exception {
    CountDownLatch hold = new CountDownLatch(1);
    List<Integer> batchSizes = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (Receipts receipts = new Receipts(database, keys, dayKeys, clock, stored -> {
      if (stored.get(0).messageId().equals("msg_first")) {
        await(hold);
      }
      batchSizes.add(stored.size());
      return recording().rows(stored);
    }, 1)) {
      List<String[]> queued = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        queued.add(new String[] {"msg_" + i, "o" + i});
      }
      Map<String, Receipts.Outcome> outcomes = oneBatch(receipts, hold, queued);

      assertThat(outcomes.values()).hasSize(20).containsOnly(Receipts.Outcome.STORED);
      assertThat(batchSizes).containsExactly(1, 20);
      assertThat(receipts.rewrittenBatches()).isZero();
    }
    for (int i = 0; i < 20; i++) {
      assertThat(rows("hg_records", "msg_" + i)).isEqualTo(1);
    }
    assertThat(participantSaw()).hasSize(21).doesNotHaveDuplicates();
  }

  @Test
  void aBatchThatIsNotAllNewIsDecidedReceiptByReceipt() throws Exception {
    CountDownLatch hold = new CountDownLatch(1);
    try (Receipts receipts = new Receipts(database, keys, dayKeys, clock, stored -> {
      if (stored.get(0).messageId().equals("msg_first")) {
        await(hold);
      }
      return recording().rows(stored);
    }, 1)) {
      assertThat(receipts.store(SCHEMA, "msg_stored", body("o1"), fields("o1"), false))
          .isEqualTo(Receipts.Outcome.STORED);
      assertThat(receipts.store(SCHEMA, "delivery-1", body("o5"), fields("o5"), true))
          .isEqualTo(Receipts.Outcome.STORED);

      Map<String, Receipts.Outcome> outcomes = oneBatch(receipts, hold, List.of(
          new String[] {"msg_new", "o2"},
          new String[] {"msg_stored", "o1"},
          new String[] {"msg_stored", "o9"},
          new String[] {"delivery-2", "o5", "the body identifies"},
          new String[] {"msg_twice", "o7"},
          new String[] {"msg_twice", "o7"},
          new String[] {"msg_other", "o8"}));

      assertThat(outcomes).containsEntry("msg_new", Receipts.Outcome.STORED)
          .containsEntry("delivery-2", Receipts.Outcome.DUPLICATE)
          .containsEntry("msg_other", Receipts.Outcome.STORED);
      // Which of two receipts under one id came first is the batch's order, not the queue's.
      assertThat(List.of(outcomes.get("msg_stored"), outcomes.get("msg_stored#2")))
          .containsExactlyInAnyOrder(Receipts.Outcome.DUPLICATE, Receipts.Outcome.CONFLICT);
      assertThat(List.of(outcomes.get("msg_twice"), outcomes.get("msg_twice#2")))
          .containsExactlyInAnyOrder(Receipts.Outcome.STORED, Receipts.Outcome.DUPLICATE);
      assertThat(receipts.rewrittenBatches()).isEqualTo(1);
    }
    assertThat(participantSaw()).containsExactlyInAnyOrder(
        "msg_stored", "delivery-1", "msg_first", "msg_new", "msg_twice", "msg_other");
    assertThat(rows("hg_records", "delivery-2")).isZero();
    assertThat(rows("hg_records", "msg_twice")).isEqualTo(1);
  }

  @Test
  void poolsWithOtherDriverSettingsStillStoreEachReceiptOnce() throws Exception {
    // pgjdbc with autosave=always and cleanupSavepoints=true sets a savepoint before every
    // statement and releases it after: around the batch's own COMMIT too. With
    // preferQueryMode=simple it sends the batch's statements as text, values inlined.
    List<String> settings = List.of("autosave=always&cleanupSavepoints=true", "preferQueryMode=simple");
    for (String setting : settings) {
      com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
      config.setJdbcUrl(backend.jdbcUrl() + "&" + setting);
      config.setMaximumPoolSize(4);
      String id = "msg_" + settings.indexOf(setting);
      try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource(config);
          Receipts receipts = new Receipts(Database.postgres(pool), keys, dayKeys, clock,
              recording(), 1)) {
        assertThat(receipts.store(SCHEMA, id, body(id), fields(id), false))
            .as(setting).isEqualTo(Receipts.Outcome.STORED);
        assertThat(receipts.store(SCHEMA, id, body(id), fields(id), false))
            .as(setting).isEqualTo(Receipts.Outcome.DUPLICATE);
        assertThat(receipts.store(SCHEMA, id, body("other"), fields("other"), false))
            .as(setting).isEqualTo(Receipts.Outcome.CONFLICT);
      }
      assertThat(rows("hg_records", id)).as(setting).isEqualTo(1);
    }
    assertThat(participantSaw()).containsExactly("msg_0", "msg_1");
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the writer");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
