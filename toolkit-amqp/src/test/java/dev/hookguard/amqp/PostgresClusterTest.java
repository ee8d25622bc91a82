package dev.hookguard.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hookguard.runtime.outbox.OutboxMessage;
import dev.hookguard.runtime.outbox.OutboxPublisher;
import dev.hookguard.runtime.outbox.PublishResult;
import dev.hookguard.runtime.outbox.RelayOptions;
import dev.hookguard.testsupport.TestBroker;
import dev.hookguard.testsupport.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What issue 15 asks to be shown: three receiver instances (HTTP servers in one JVM, each with its
 * own {@code HookGuard} and its own connection pool) on one PostgreSQL and one broker.
 *
 * <ol>
 *   <li>Each delivery is sent to all three instances at once: one accepts it, two answer {@code
 *       DUPLICATE}; one record per message id.
 *   <li>The third instance's relay is killed in the middle of a batch: the broker has taken the
 *       batch, then the instance's database sessions are terminated (as when its process dies)
 *       and its relay thread dies before it could record anything. Its server stops.
 *   <li>More deliveries arrive at the two others, whose relays run meanwhile.
 *   <li>A consumer reading the queue and deduplicating by {@code message-id} sees every accepted
 *       event exactly once; the copies it dropped are at most the killed batch.
 * </ol>
 */
class PostgresClusterTest {

  /** Ends the relay thread that throws it, as the death of its process would. */
  static final class Death extends Error {
    private static final long serialVersionUID = 1L;
  }

  @TempDir
  Path work;

  final TestBroker broker = TestBroker.broker();
  final String exchange = TestBroker.uniqueName();
  final Payments payments = new Payments();
  final List<AutoCloseable> closing = new ArrayList<>();
  TestPostgres.Schema schema;

  @AfterEach
  void close() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      try {
        closing.get(i).close();
      } catch (RuntimeException e) {
        // The killed instance's pool and server are half gone already.
      }
    }
    if (schema != null) {
      schema.close();
    }
    broker.deleteTopology(exchange);
  }

  /** Instance {@code n}'s name, unique on a shared server: its sessions carry it. */
  String node(int n) {
    return "hookguard-node-" + n + "-" + schema.name();
  }

  /** A pool of its own, its sessions named so that the test can find and end them. */
  HikariDataSource pool(String name) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(schema.jdbcUrl() + "&ApplicationName=" + name);
    config.setMaximumPoolSize(10);
    config.setPoolName(name);
    HikariDataSource pool = new HikariDataSource(config);
    closing.add(pool);
    return pool;
  }

  Instance instance(String name, OutboxPublisher publisher, RelayOptions options) throws Exception {
    Instance instance = Instance.postgres(pool(name), work.resolve("master.key"),
        payments.signature, publisher, options);
    closing.add(instance);
    return instance;
  }

  AmqpOutboxPublisher publisher() {
    AmqpOutboxPublisher publisher = AmqpOutboxPublisher.builder(broker.uri()).exchange(exchange).build();
    closing.add(publisher);
    return publisher;
  }

  /** Ends every database session of {@code applicationName}, as the death of its process would. */
  void terminateSessions(String applicationName) {
    try (Connection admin = schema.connect(); Statement statement = admin.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                + " WHERE application_name = '" + applicationName + "'")) {
      while (rows.next()) {
        // each row: one session ended
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  long records() throws Exception {
    try (Connection admin = schema.connect(); Statement statement = admin.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM hg_records")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @Test
  void eachEventIsAcceptedOnceClusterWideAndDeliveredOnceAfterDeduplicationThoughARelayIsKilled()
      throws Exception {
    schema = TestPostgres.server().newSchema();
    RelayOptions options = RelayOptions.defaults().withBatchSize(10)
        .withPollInterval(Duration.ofMillis(20));
    AmqpOutboxPublisher real = publisher();
    List<OutboxMessage> publishedByTheKilled = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch killed = new CountDownLatch(1);
    // The third instance's publisher: the broker takes the batch, then the instance dies.
    OutboxPublisher dying = messages -> {
      PublishResult result = real.publish(messages);
      publishedByTheKilled.addAll(messages);
      assertThat(result.accepted()).hasSize(messages.size());
      terminateSessions(node(3));
      killed.countDown();
      throw new Death();
    };
    Instance first = instance(node(1), publisher(), options);
    Instance second = instance(node(2), publisher(), options);
    Instance third = instance(node(3), dying, options);
    List<Instance> all = List.of(first, second, third);

    // 1. Every delivery to all three at once.
    ExecutorService senders = Executors.newFixedThreadPool(6);
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    for (int n = 0; n < 40; n++) {
      int number = n;
      List<Future<List<String>>> answers = new ArrayList<>();
      for (Instance instance : all) {
        answers.add(senders.submit(() -> payments.post(instance.uri(), "msg_" + number, number)));
      }
      List<String> bodies = new ArrayList<>();
      for (Future<List<String>> answer : answers) {
        List<String> statusAndBody = answer.get(1, TimeUnit.MINUTES);
        assertThat(statusAndBody.get(0)).isEqualTo("200");
        bodies.add(statusAndBody.get(1));
      }
      assertThat(bodies).as("msg_" + n).containsExactlyInAnyOrder("ACCEPTED", "DUPLICATE", "DUPLICATE");
      accepted.add("msg_" + n);
    }
    assertThat(records()).isEqualTo(40);

    // 2. The third instance's relay dies in the middle of its first batch.
    third.relay.start();
    assertThat(killed.await(1, TimeUnit.MINUTES)).isTrue();
    assertThat(publishedByTheKilled).hasSize(10);
    assertThat(first.hookGuard.outbox().pending()).as("nothing of it recorded as sent").isEqualTo(40);

    // 3. The two others relay while more deliveries arrive, each to one of them.
    first.relay.start();
    second.relay.start();
    List<Future<List<String>>> more = new ArrayList<>();
    for (int n = 40; n < 100; n++) {
      int number = n;
      Instance to = n % 2 == 0 ? first : second;
      more.add(senders.submit(() -> payments.post(to.uri(), "msg_" + number, number)));
    }
    for (int i = 0; i < more.size(); i++) {
      assertThat(more.get(i).get(1, TimeUnit.MINUTES)).containsExactly("200", "ACCEPTED");
      accepted.add("msg_" + (40 + i));
    }
    senders.shutdown();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (first.hookGuard.outbox().pending() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(first.hookGuard.outbox().pending()).isZero();

    // 4. The consumer.
    Consumer consumer = new Consumer().drain(broker, exchange, 1_000);
    Map<String, String> unique = consumer.deduplicated();

    Set<String> expected = new TreeSet<>();
    accepted.forEach(id -> expected.add(Payments.TYPE + "/" + id));
    assertThat(new TreeSet<>(unique.keySet())).isEqualTo(expected);
    int copies = consumer.received.size() - unique.size();
    assertThat(copies).as("copies dropped by deduplication: the killed batch, republished")
        .isEqualTo(10);
    Set<String> copied = new TreeSet<>();
    publishedByTheKilled.forEach(m -> copied.add(m.deduplicationId()));
    Map<String, Integer> counts = new ConcurrentHashMap<>();
    consumer.received.forEach(d -> counts.merge(d.messageId(), 1, Integer::sum));
    counts.forEach((id, count) ->
        assertThat(count).as(id).isEqualTo(copied.contains(id) ? 2 : 1));
    unique.values().forEach(body -> assertThat(Payments.holdsACanary(body)).as(body).isFalse());
  }
}
