package dev.hookguard.runtime.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookguard.api.Sensitive;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.TestDatabase;
import dev.hookguard.runtime.generated.FieldSpec;
import dev.hookguard.runtime.generated.PayloadStore;
import dev.hookguard.runtime.generated.Protection;
import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.outbox.Forwarding;
import dev.hookguard.runtime.outbox.OutboxMessage;
import dev.hookguard.runtime.outbox.OutboxPublisher;
import dev.hookguard.runtime.outbox.OutboxRelay;
import dev.hookguard.runtime.outbox.PublishResult;
import dev.hookguard.runtime.outbox.RelayBatch;
import dev.hookguard.runtime.outbox.RelayOptions;
import dev.hookguard.runtime.signature.ReplayGuard;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transactional outbox on a real database: a forwarded receipt writes its outbox row in its
 * own transaction (none without forwarding, none for a duplicate, none when the receipt fails),
 * the row holds the redacted JSON and never a sensitive value, and a relay publishes rows, deletes
 * the accepted ones, retries refused ones with backoff, dead-letters them after the last attempt,
 * and republishes what a relay that died before its commit had published.
 */
abstract class OutboxContract {

  @TempDir
  Path work;

  final Fixture f = new Fixture();
  final ReplayGuard none = messageId -> {};
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

  WebhookReceiver<Order> receiver(HookGuard on, Forwarding<Order> forwarding) {
    return receiver(on, on.receipts(new OrderPayloadStore(), forwarding));
  }

  WebhookReceiver<Order> receiver(HookGuard on, ReceiptStore<Order> receipts) {
    return WebhookReceiver.builder(Order.class, new OrderVerifier(f.signature, none))
        .messageIds(f.signature)
        .receipts(receipts)
        .clock(f.clock)
        .logger(f.log)
        .build();
  }

  /** Every outbox row as (message id, body, attempts, dead), in row order. */
  List<Map<String, Object>> rows() throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection raw = database.raw();
        Statement statement = raw.createStatement();
        ResultSet result = statement.executeQuery(
            "SELECT message_id, body, attempts, dead_at, topic FROM hg_outbox ORDER BY id")) {
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("messageId", result.getString(1));
        row.put("body", result.getString(2));
        row.put("attempts", result.getInt(3));
        row.put("dead", result.getObject(4) != null);
        row.put("topic", result.getString(5));
        rows.add(row);
      }
    }
    return rows;
  }

  long count(String table) throws Exception {
    try (Connection raw = database.raw();
        Statement statement = raw.createStatement();
        ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      result.next();
      return result.getLong(1);
    }
  }

  void receive(WebhookReceiver<Order> receiver, int n) {
    for (int i = 0; i < n; i++) {
      assertThat(receiver.handle(f.signed("msg_" + i, "ord_" + i)).status()).isEqualTo(200);
    }
  }

  /** What kills a relay's thread in the middle of its work, as a process death would. */
  static final class Death extends Error {
    private static final long serialVersionUID = 1L;
  }

  /** Accepts everything and remembers what it was given. */
  static final class Collecting implements OutboxPublisher {
    final List<OutboxMessage> published = new CopyOnWriteArrayList<>();

    @Override
    public PublishResult publish(List<OutboxMessage> messages) {
      published.addAll(messages);
      return PublishResult.allAccepted(messages);
    }
  }

  // --- the row --------------------------------------------------------------------------------

  @Test
  void aForwardedReceiptWritesOneRowWithTheRedactedJsonAndTheEventsNames() throws Exception {
    WebhookResponse response =
        receiver(hookGuard, Forwarding.redacted(new OrderRedactor())).handle(f.signed("msg_1", "ord_1"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(rows()).hasSize(1);
    assertThat(rows().get(0).get("body")).isEqualTo(
        "{\"type\":\"Order\",\"messageId\":\"msg_1\",\"recordId\":\"msg_1\",\"receivedAt\":\""
            + Fixture.NOW + "\",\"payload\":{\"id\":\"ord_1\",\"email\":\"[REDACTED]\"}}");
    assertThat(rows().get(0).get("topic")).isEqualTo("Order");
    assertThat(hookGuard.outbox().pending()).isEqualTo(1);
  }

  @Test
  void theRowHoldsNoSensitiveValue() throws Exception {
    receive(receiver(hookGuard, Forwarding.redacted(new OrderRedactor())), 3);

    assertThat(rows()).hasSize(3);
    assertThat(rows()).allSatisfy(row ->
        assertThat((String) row.get("body")).doesNotContain(Fixture.MARKER));
  }

  @Test
  void onlyTheNamedPropertiesAreForwardedToTheNamedTopic() throws Exception {
    receiver(hookGuard, Forwarding.redacted(new OrderRedactor()).onlyProperties("id").withTopic("orders"))
        .handle(f.signed("msg_1", "ord_1"));

    assertThat((String) rows().get(0).get("body")).endsWith(",\"payload\":{\"id\":\"ord_1\"}}");
    assertThat(rows().get(0).get("topic")).isEqualTo("orders");
  }

  @Test
  void aReceiverWithoutForwardingWritesNoRow() throws Exception {
    receive(receiver(hookGuard, hookGuard.receipts(new OrderPayloadStore())), 2);

    assertThat(count("hg_records")).isEqualTo(2);
    assertThat(count("hg_outbox")).isZero();
  }

  @Test
  void aRedeliveryWritesNoSecondRow() throws Exception {
    WebhookReceiver<Order> receiver = receiver(hookGuard, Forwarding.redacted(new OrderRedactor()));
    receiver.handle(f.signed("msg_1", "ord_1"));

    assertThat(receiver.handle(f.signed("msg_1", "ord_1")).body()).isEqualTo("DUPLICATE\n");
    assertThat(count("hg_outbox")).isEqualTo(1);
  }

  @Test
  void aReceiptWhoseAuditEntryFailsLeavesNoRecordAndNoOutboxRow() throws Exception {
    WebhookReceiver<Order> receiver = receiver(hookGuard, Forwarding.redacted(new OrderRedactor()));
    // The audit queue is written after the outbox row, in the same transaction.
    database.execute("ALTER TABLE hg_audit_queue RENAME TO hg_audit_queue_away");

    WebhookResponse response = receiver.handle(f.signed("msg_1", "ord_1"));

    assertThat(response.status()).isEqualTo(503);
    assertThat(count("hg_records")).isZero();
    assertThat(count("hg_outbox")).isZero();
  }

  @Test
  void aReceiptWhoseOutboxRowFailsLeavesNoRecordAndNoAuditEntry() throws Exception {
    WebhookReceiver<Order> receiver = receiver(hookGuard, Forwarding.redacted(new OrderRedactor()));
    database.execute("ALTER TABLE hg_outbox RENAME TO hg_outbox_away");

    WebhookResponse response = receiver.handle(f.signed("msg_1", "ord_1"));

    assertThat(response.status()).isEqualTo(503);
    assertThat(count("hg_records")).isZero();
    assertThat(count("hg_audit_queue") + count("hg_audit_entries")).isZero();
  }

  // --- the relay ------------------------------------------------------------------------------

  @Test
  void aRelayPublishesRowsInOrderAndDeletesThoseTheBrokerAccepted() throws Exception {
    receive(receiver(hookGuard, Forwarding.redacted(new OrderRedactor())), 5);
    Collecting broker = new Collecting();

    RelayBatch batch = hookGuard.outbox().relay(broker).relayOnce();

    assertThat(batch).isEqualTo(new RelayBatch(5, 5, 0, 0, false));
    assertThat(broker.published).extracting(OutboxMessage::messageId)
        .containsExactly("msg_0", "msg_1", "msg_2", "msg_3", "msg_4");
    assertThat(broker.published.get(0).deduplicationId()).isEqualTo("Order/msg_0");
    assertThat(count("hg_outbox")).isZero();
    assertThat(hookGuard.outbox().relay(broker).relayOnce()).isEqualTo(RelayBatch.empty());
  }

  @Test
  void aRelayWorksInBatches() throws Exception {
    receive(receiver(hookGuard, Forwarding.redacted(new OrderRedactor())), 5);
    OutboxRelay relay =
        hookGuard.outbox().relay(new Collecting(), RelayOptions.defaults().withBatchSize(2));

    assertThat(relay.relayOnce().published()).isEqualTo(2);
    assertThat(hookGuard.outbox().pending()).isEqualTo(3);
  }

  @Test
  void aRefusedRowIsRetriedAfterABackoffThatDoublesAndThenDeadLettered() throws Exception {
    receive(receiver(hookGuard, Forwarding.redacted(new OrderRedactor())), 1);
    List<OutboxMessage> offered = new CopyOnWriteArrayList<>();
    OutboxPublisher refusing = messages -> {
      offered.addAll(messages);
      Set<Long> all = new HashSet<>();
      messages.forEach(m -> all.add(m.sequence()));
      return new PublishResult(Set.of(), all);
    };
    OutboxRelay relay = hookGuard.outbox().relay(refusing,
        RelayOptions.defaults().withMaxAttempts(3).withBackoff(Duration.ofSeconds(10), Duration.ofMinutes(1)));

    assertThat(relay.relayOnce().retried()).isEqualTo(1);
    assertThat(relay.relayOnce().claimed()).as("backing off for 10 s").isZero();
    f.clock.advance(Duration.ofSeconds(10));
    assertThat(relay.relayOnce().retried()).isEqualTo(1);
    f.clock.advance(Duration.ofSeconds(10));
    assertThat(relay.relayOnce().claimed()).as("now backing off for 20 s").isZero();
    f.clock.advance(Duration.ofSeconds(10));
    RelayBatch last = relay.relayOnce();

    assertThat(last.deadLettered()).isEqualTo(1);
    assertThat(offered).extracting(OutboxMessage::attempts).containsExactly(0, 1, 2);
    assertThat(hookGuard.outbox().deadLettered()).isEqualTo(1);
    assertThat(hookGuard.outbox().pending()).isZero();
    f.clock.advance(Duration.ofHours(1));
    assertThat(relay.relayOnce().claimed()).as("a dead letter is not retried").isZero();

    assertThat(hookGuard.outbox().redriveDeadLetters()).isEqualTo(1);
    Collecting broker = new Collecting();
    assertThat(hookGuard.outbox().relay(broker).relayOnce().published()).isEqualTo(1);
    assertThat(broker.published.get(0).attempts()).isZero();
  }

  @Test
  void aPublisherThatThrowsLeavesEveryRowForLater() throws Exception {
    receive(receiver(hookGuard, Forwarding.redacted(new OrderRedactor())), 3);
    OutboxPublisher down = messages -> {
      throw new IllegalStateException("broker unreachable");
    };

    RelayBatch batch = hookGuard.outbox().relay(down).relayOnce();

    assertThat(batch.failed()).isTrue();
    assertThat(batch.retried()).isEqualTo(3);
    assertThat(hookGuard.outbox().pending()).isEqualTo(3);
    assertThat(rows()).extracting(r -> r.get("attempts")).containsOnly(0);
  }

  @Test
  void aRelayThatDiesAfterPublishingAndBeforeItsCommitLosesNothing() throws Exception {
    receive(receiver(hookGuard, Forwarding.redacted(new OrderRedactor())), 4);
    Collecting broker = new Collecting();
    OutboxPublisher dying = messages -> {
      broker.publish(messages.subList(0, 2));    // the broker took two, then the process died
      throw new Death();
    };

    assertThatThrownBy(() -> hookGuard.outbox().relay(dying).relayOnce())
        .isInstanceOf(Death.class);
    assertThat(hookGuard.outbox().pending()).as("nothing marked sent").isEqualTo(4);
    hookGuard.outbox().relay(broker).relayOnce();

    assertThat(broker.published).extracting(OutboxMessage::messageId)
        .containsExactly("msg_0", "msg_1", "msg_0", "msg_1", "msg_2", "msg_3");
    assertThat(broker.published.stream().map(OutboxMessage::deduplicationId).distinct())
        .as("after deduplication, each event once").hasSize(4);
    assertThat(hookGuard.outbox().pending()).isZero();
  }

  @Test
  void aStartedRelayPublishesWhatArrivesUntilClosed() throws Exception {
    Collecting broker = new Collecting();
    WebhookReceiver<Order> receiver = receiver(hookGuard, Forwarding.redacted(new OrderRedactor()));
    try (OutboxRelay relay = hookGuard.outbox().relay(broker,
        RelayOptions.defaults().withPollInterval(Duration.ofMillis(20)))) {
      relay.start();
      receive(receiver, 10);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (hookGuard.outbox().pending() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThatThrownBy(relay::start).isInstanceOf(IllegalStateException.class);
    }
    assertThat(broker.published).hasSize(10);
    assertThat(hookGuard.outbox().pending()).isZero();
  }

  @Test
  void deletingARecordTakesItsUnsentRowWithIt() throws Exception {
    receive(receiver(hookGuard, Forwarding.redacted(new OrderRedactor())), 2);

    assertThat(dev.hookguard.runtime.generated.GeneratedStores
        .table(hookGuard, OrderPayloadStore.SCHEMA).delete("msg_0")).isTrue();

    assertThat(rows()).extracting(r -> r.get("messageId")).containsExactly("msg_1");
  }

  // --- retention ------------------------------------------------------------------------------

  /** The order store's schema under another type name, kept one day. */
  static final class RetainedOrderStore implements PayloadStore<Order> {
    static final StoreSchema SCHEMA = new StoreSchema("RetainedOrder", OptionalInt.of(1),
        List.of(new FieldSpec("id", null, Protection.PLAIN, OptionalInt.empty()),
            new FieldSpec("email", Sensitive.Category.CONTACT, Protection.RANDOMIZED, OptionalInt.empty())));

    @Override
    public StoreSchema schema() {
      return SCHEMA;
    }

    @Override
    public Map<String, String> fields(Order value) {
      return new OrderPayloadStore().fields(value);
    }
  }

  @Test
  void theSweepDeletesRowsPastTheirRecordsRetentionSentOrNot() throws Exception {
    WebhookReceiver<Order> kept = receiver(hookGuard,
        hookGuard.receipts(new RetainedOrderStore(), Forwarding.redacted(new OrderRedactor())));
    receive(kept, 2);
    // One of the two becomes a dead letter.
    OutboxPublisher refuseFirst = messages -> new PublishResult(Set.of(), Set.of(messages.get(0).sequence()));
    hookGuard.outbox().relay(refuseFirst, RelayOptions.defaults().withMaxAttempts(1).withBatchSize(1)).relayOnce();
    assertThat(hookGuard.outbox().deadLettered()).isEqualTo(1);
    assertThat(hookGuard.outbox().pending()).isEqualTo(1);

    hookGuard.retention().sweep();
    assertThat(count("hg_outbox")).as("not expired yet").isEqualTo(2);
    f.clock.advance(Duration.ofDays(2));
    hookGuard.retention().sweep();

    assertThat(count("hg_outbox")).isZero();
    assertThat(count("hg_records")).isZero();
  }
}
