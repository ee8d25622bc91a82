package dev.hookguard.runtime.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditEntry;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.audit.TestDatabase;
import dev.hookguard.runtime.generated.GeneratedStores;
import dev.hookguard.runtime.generated.StoredRecord;
import dev.hookguard.runtime.receiver.ReceiptEvent.Outcome;
import dev.hookguard.runtime.signature.ReplayGuard;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
 * A receiver keeping webhooks as receipts, on a real database: the message id, the encrypted
 * record and its audit entry commit together; a redelivery of a stored event is answered 2xx
 * without running the handler again, inside or outside any window; the same id with another body
 * is a conflict; concurrent deliveries of one event store it once.
 */
abstract class ReceiptContract {

  @TempDir
  Path work;

  final Fixture f = new Fixture();
  /** Receipts are the replay check: the verifier has no guard of its own. */
  final ReplayGuard none = messageId -> {};
  final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
  TestDatabase database;
  HookGuard hookGuard;

  abstract TestDatabase newDatabase(Path directory);

  @BeforeEach
  void open() {
    database = newDatabase(work);
    hookGuard = database.open(f.clock);
  }

  @AfterEach
  void close() throws Exception {
    database.close();
  }

  WebhookReceiver<Order> receiver(HookGuard on) {
    return WebhookReceiver.builder(Order.class, new OrderVerifier(f.signature, none))
        .messageIds(f.signature)
        .receipts(on.receipts(new OrderPayloadStore()))
        .handler((id, order) -> handled.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet())
        .redactor(new OrderRedactor())
        .listener(event -> {
          f.events.add(event);
          on.audit().receiptListener().onReceipt(event);
        })
        .clock(f.clock)
        .logger(f.log)
        .build();
  }

  List<AuditEntry> received(String id) {
    return hookGuard.audit().tail(10_000).stream()
        .filter(e -> e.event().kind() == AuditEvent.Kind.RECEIVED)
        .filter(e -> e.event().recordId().equals(id))
        .toList();
  }

  int recordRows(String id) throws Exception {
    try (Connection raw = database.raw();
        PreparedStatement select = raw.prepareStatement(
            "SELECT COUNT(*) FROM hg_records WHERE payload_type = 'Order' AND record_id = ?")) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  @Test
  void anAcceptedWebhookIsStoredEncryptedWithOneReceivedEntry() throws Exception {
    WebhookResponse response = receiver(hookGuard).handle(f.signed("msg_1", "ord_1"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ACCEPTED\n");
    StoredRecord record = GeneratedStores.table(hookGuard, OrderPayloadStore.SCHEMA).get("msg_1").orElseThrow();
    assertThat(record.fieldJson()).containsEntry("id", "\"ord_1\"");
    assertThat(received("msg_1")).hasSize(1);
    assertThat(f.events).extracting(ReceiptEvent::outcome).containsExactly(Outcome.ACCEPTED);
    assertThat(f.events.get(0).audited()).isTrue();
    assertThat(hookGuard.audit().verify().ok()).isTrue();
  }

  @Test
  void aRedeliveryInsideTheWindowIsAnswered2xxWithoutHandlingOrStoringAgain() throws Exception {
    WebhookReceiver<Order> receiver = receiver(hookGuard);
    assertThat(receiver.handle(f.signed("msg_1", "ord_1")).status()).isEqualTo(200);
    f.clock.advance(Duration.ofSeconds(30));

    WebhookResponse again = receiver.handle(f.signed("msg_1", "ord_1"));

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).isEqualTo("DUPLICATE\n");
    assertThat(handled.get("msg_1")).hasValue(1);
    assertThat(recordRows("msg_1")).isEqualTo(1);
    assertThat(received("msg_1")).hasSize(1);
  }

  @Test
  void aRedeliveryLongAfterAnyReplayWindowIsStillRecognised() throws Exception {
    assertThat(receiver(hookGuard).handle(f.signed("msg_1", "ord_1")).status()).isEqualTo(200);
    f.clock.advance(Duration.ofDays(3));

    // Signed anew, as a provider's retry days later is; a fresh receiver (a restart).
    WebhookResponse again = receiver(hookGuard).handle(f.signed("msg_1", "ord_1"));

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).isEqualTo("DUPLICATE\n");
    assertThat(handled.get("msg_1")).hasValue(1);
    assertThat(received("msg_1")).hasSize(1);
  }

  @Test
  void theSameIdWithAnotherBodyIsAConflictAndChangesNothing() throws Exception {
    WebhookReceiver<Order> receiver = receiver(hookGuard);
    assertThat(receiver.handle(f.signed("msg_1", "ord_1")).status()).isEqualTo(200);

    WebhookResponse conflict = receiver.handle(f.signed("msg_1", "ord_OTHER"));

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.body()).isEqualTo("CONFLICT\n");
    assertThat(GeneratedStores.table(hookGuard, OrderPayloadStore.SCHEMA).get("msg_1").orElseThrow().fieldJson())
        .containsEntry("id", "\"ord_1\"");
    assertThat(handled.get("msg_1")).hasValue(1);
    assertThat(hookGuard.audit().tail(10)).extracting(e -> e.event().reason())
        .contains("CONFLICT status=409");
  }

  @Test
  void aFailedHandlerStoresNothingAndItsRetryIsAccepted() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    WebhookReceiver<Order> receiver =
        WebhookReceiver.builder(Order.class, new OrderVerifier(f.signature, none))
            .messageIds(f.signature)
            .receipts(hookGuard.receipts(new OrderPayloadStore()))
            .handler((id, order) -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("downstream unavailable");
              }
            })
            .clock(f.clock)
            .logger(f.log)
            .build();

    assertThat(receiver.handle(f.signed("msg_1", "ord_1")).status()).isEqualTo(500);
    assertThat(recordRows("msg_1")).isZero();
    assertThat(received("msg_1")).isEmpty();
    assertThat(receiver.handle(f.signed("msg_1", "ord_1")).status()).isEqualTo(200);
    assertThat(recordRows("msg_1")).isEqualTo(1);
    assertThat(received("msg_1")).hasSize(1);
  }

  @Test
  void concurrentDeliveriesOfOneEventStoreAndHandleItOnce() throws Exception {
    WebhookReceiver<Order> receiver = receiver(hookGuard);
    WebhookRequest request = f.signed("msg_1", "ord_1");
    List<WebhookResponse> responses = all(16, () -> receiver.handle(request));

    assertThat(responses).extracting(WebhookResponse::status).containsOnly(200);
    assertThat(responses).extracting(WebhookResponse::body)
        .containsOnlyOnce("ACCEPTED\n").filteredOn("DUPLICATE\n"::equals).hasSize(15);
    assertThat(handled.get("msg_1")).hasValue(1);
    assertThat(recordRows("msg_1")).isEqualTo(1);
    assertThat(received("msg_1")).hasSize(1);
  }

  @Test
  void concurrentDistinctDeliveriesAreEachStoredAndChainedOnce() throws Exception {
    WebhookReceiver<Order> receiver = receiver(hookGuard);
    int n = 200;
    AtomicInteger next = new AtomicInteger();
    List<WebhookResponse> responses = all(n, () -> {
      int i = next.getAndIncrement();
      return receiver.handle(f.signed("msg_" + i, "ord_" + i));
    });

    assertThat(responses).extracting(WebhookResponse::status).containsOnly(200);
    List<AuditEntry> entries = hookGuard.audit().tail(10_000);
    assertThat(entries).filteredOn(e -> e.event().kind() == AuditEvent.Kind.RECEIVED)
        .extracting(e -> e.event().recordId()).doesNotHaveDuplicates().hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(recordRows("msg_" + i)).as("msg_" + i).isEqualTo(1);
    }
    assertThat(hookGuard.audit().verify().ok()).isTrue();
  }

  @Test
  void aReceiptRevealsNoValueInTheAuditTrailOrTheLog() throws Exception {
    receiver(hookGuard).handle(f.signed("msg_1", "ord_1"));

    assertThat(hookGuard.audit().tail(10)).allSatisfy(entry ->
        assertThat(entry.event().toString()).doesNotContain(Fixture.MARKER));
    assertThat(f.log.lines()).noneMatch(line -> line.contains(Fixture.MARKER));
  }

  @Test
  void queuedEntriesAreChainedInTheBackgroundWithoutAnyRead() throws Exception {
    receiver(hookGuard).handle(f.signed("msg_1", "ord_1"));

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    long pending;
    do {
      try (Connection raw = database.raw();
          PreparedStatement count = raw.prepareStatement("SELECT COUNT(*) FROM hg_audit_queue");
          ResultSet rows = count.executeQuery()) {
        rows.next();
        pending = rows.getLong(1);
      }
      if (pending > 0) {
        Thread.sleep(20);
      }
    } while (pending > 0 && System.nanoTime() < deadline);
    assertThat(pending).isZero();
  }

  @Test
  void withoutAMessageIdAReceiptIsRefusedAndNothingStored() throws Exception {
    WebhookReceiver<Order> receiver =
        WebhookReceiver.builder(Order.class, new OrderVerifier(f.signature, none))
            .receipts(hookGuard.receipts(new OrderPayloadStore()))
            .clock(f.clock)
            .logger(f.log)
            .build();

    WebhookResponse response = receiver.handle(f.signed("msg_1", "ord_1"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("REJECTED MISSING_MESSAGE_ID\n");
    assertThat(GeneratedStores.table(hookGuard, OrderPayloadStore.SCHEMA).get("msg_1")).isEmpty();
  }

  @Test
  void whereTheIdIsNotSignedACapturedBodyUnderANewIdIsADuplicate() throws Exception {
    WebhookSignature github = Signatures.github("github-secret-for-tests").withClock(f.clock);
    WebhookReceiver<Order> receiver =
        WebhookReceiver.builder(Order.class, new OrderVerifier(github, none))
            .messageIds(github)
            .receipts(hookGuard.receipts(new OrderPayloadStore()))
            .handler((id, order) ->
                handled.computeIfAbsent(order.id(), k -> new AtomicInteger()).incrementAndGet())
            .clock(f.clock)
            .logger(f.log)
            .build();
    byte[] body = Fixture.json("ord_1");

    WebhookResponse first = receiver.handle(github("delivery-1", body, github));
    // An attacker's copy: the same signed body, any delivery id it likes.
    WebhookResponse replay = receiver.handle(github("delivery-forged", body, github));

    assertThat(first.body()).isEqualTo("ACCEPTED\n");
    assertThat(replay.status()).isEqualTo(200);
    assertThat(replay.body()).isEqualTo("DUPLICATE\n");
    assertThat(handled.get("ord_1")).hasValue(1);
    assertThat(recordRows("delivery-forged")).isZero();
    assertThat(receiver.handle(github("delivery-2", Fixture.json("ord_2"), github)).body())
        .isEqualTo("ACCEPTED\n");
  }

  private static WebhookRequest github(String delivery, byte[] body, WebhookSignature github) {
    Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
    github.sign(delivery, Fixture.NOW, body).forEach((k, v) -> headers.put(k, List.of(v)));
    return Fixture.request(Fixture.CLIENT, true, headers, body);
  }

  @Test
  void receiptsAndAReplayGuardTogetherAreRefusedAtBuildTime() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
            WebhookReceiver.builder(Order.class, new OrderVerifier(f.signature, none))
                .messageIds(f.signature)
                .receipts(hookGuard.receipts(new OrderPayloadStore()))
                .replayGuard(f.replayGuard)
                .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("replay guard");
  }

  @Test
  void aFailingExtraAuditSinkDoesNotUndoAStoredReceipt() throws Exception {
    try (HookGuard withSink = database.builder().clock(f.clock)
        .auditSink(event -> {
          throw new IllegalStateException("SIEM unreachable");
        })
        .build()) {
      WebhookResponse response = receiver(withSink).handle(f.signed("msg_1", "ord_1"));

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("ACCEPTED\n");
      assertThat(received("msg_1")).hasSize(1);
    }
  }

  /** Runs {@code task} {@code n} times on 16 threads released together; their results. */
  static <T> List<T> all(int n, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
