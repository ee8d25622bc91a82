package dev.hookguard.runtime.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.TestDatabase;
import dev.hookguard.runtime.outbox.Forwarding;
import dev.hookguard.runtime.outbox.OutboxMessage;
import dev.hookguard.runtime.outbox.OutboxPublisher;
import dev.hookguard.runtime.outbox.OutboxRelay;
import dev.hookguard.runtime.outbox.PublishResult;
import dev.hookguard.runtime.outbox.RelayOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The outbox on PostgreSQL: relays of several instances share rows; a lost connection commits nothing. */
class PostgresOutboxTest extends OutboxContract {

  @Override
  TestDatabase newDatabase(Path directory) {
    return TestDatabase.postgres(directory);
  }

  @Test
  void relaysOfThreeInstancesShareTheRowsAndPublishEachOnce() throws Exception {
    receive(receiver(hookGuard, Forwarding.redacted(new OrderRedactor())), 150);
    List<OutboxMessage> published = new CopyOnWriteArrayList<>();
    Map<Integer, Integer> byRelay = new ConcurrentHashMap<>();
    ExecutorService threads = Executors.newFixedThreadPool(3);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      int relayNumber = i;
      HookGuard instance = database.open(f.clock);      // its own pool
      OutboxPublisher slow = messages -> {
        published.addAll(messages);
        byRelay.merge(relayNumber, messages.size(), Integer::sum);
        try {
          Thread.sleep(20);                               // a broker's round trip
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return PublishResult.allAccepted(messages);
      };
      OutboxRelay relay = instance.outbox().relay(slow, RelayOptions.defaults().withBatchSize(5));
      done.add(threads.submit(() -> {
        while (relay.relayOnce().claimed() > 0) {
          // until nothing is due
        }
        return null;
      }));
    }
    for (Future<?> each : done) {
      each.get(2, TimeUnit.MINUTES);
    }
    threads.shutdown();

    assertThat(published).hasSize(150);
    assertThat(published.stream().map(OutboxMessage::deduplicationId).distinct()).hasSize(150);
    assertThat(byRelay).as("work shared between relays").hasSizeGreaterThanOrEqualTo(2);
    assertThat(hookGuard.outbox().pending()).isZero();
  }

  @Test
  void aConnectionLostBeforeCommitLeavesNoRecordNoOutboxRowAndNoAuditEntry() throws Exception {
    WebhookReceiver<Order> receiver = receiver(hookGuard, Forwarding.redacted(new OrderRedactor()));
    // The audit entry is written last: hold the transaction there, with record and outbox row
    // written, and kill its server process, as a crash of the receiver's host would end it.
    // The held session names itself after this test's schema: the server may be shared.
    database.execute(
        "CREATE FUNCTION hg_test_hold() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN PERFORM set_config('application_name', 'hg_hold_' || current_schema(),"
            + " false); PERFORM pg_sleep(30); RETURN NEW; END $$",
        "CREATE TRIGGER hg_test_hold BEFORE INSERT ON hg_audit_queue"
            + " FOR EACH ROW EXECUTE FUNCTION hg_test_hold()");
    ExecutorService thread = Executors.newSingleThreadExecutor();
    Future<WebhookResponse> response = thread.submit(() -> receiver.handle(f.signed("msg_1", "ord_1")));
    int killed = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    try (Connection admin = database.raw(); Statement statement = admin.createStatement()) {
      while (killed == 0 && System.nanoTime() < deadline) {
        try (ResultSet rows = statement.executeQuery(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE application_name = 'hg_hold_' || current_schema()"
                + " AND wait_event = 'PgSleep' AND pid <> pg_backend_pid()")) {
          while (rows.next()) {
            killed++;
          }
        }
        Thread.sleep(20);
      }
    }
    assertThat(killed).isEqualTo(1);
    assertThat(response.get(1, TimeUnit.MINUTES).status()).isEqualTo(503);
    thread.shutdown();
    database.execute("DROP TRIGGER hg_test_hold ON hg_audit_queue");

    assertThat(count("hg_records")).isZero();
    assertThat(count("hg_outbox")).isZero();
    assertThat(count("hg_audit_queue") + count("hg_audit_entries")).isZero();
    assertThat(receiver.handle(f.signed("msg_1", "ord_1")).status()).as("the retry is accepted").isEqualTo(200);
    assertThat(count("hg_outbox")).isEqualTo(1);
  }
}
