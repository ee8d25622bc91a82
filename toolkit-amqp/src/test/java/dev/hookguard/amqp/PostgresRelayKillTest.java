package dev.hookguard.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.outbox.RelayOptions;
import dev.hookguard.testsupport.TestBroker;
import dev.hookguard.testsupport.TestPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A relay process killed with SIGKILL in the middle of a batch: the broker has taken the batch,
 * the relay has recorded nothing. Another instance's relay then publishes everything, and a
 * consumer that deduplicates by {@code message-id} sees each event exactly once; the only copies
 * are the killed batch.
 */
class PostgresRelayKillTest {

  @TempDir
  Path work;

  @Test
  void aRelayProcessKilledMidBatchLosesNothingAndDuplicatesOnlyItsBatch() throws Exception {
    TestBroker broker = TestBroker.broker();
    String exchange = TestBroker.uniqueName();
    Payments payments = new Payments();
    try (TestPostgres.Schema schema = TestPostgres.server().newSchema();
        AmqpOutboxPublisher publisher = AmqpOutboxPublisher.builder(broker.uri()).exchange(exchange).build();
        Instance survivor = Instance.postgres(schema.newPool(10), work.resolve("master.key"),
            payments.signature, publisher,
            RelayOptions.defaults().withPollInterval(Duration.ofMillis(20)))) {
      for (int n = 0; n < 30; n++) {
        assertThat(payments.post(survivor.uri(), "msg_" + n, n)).containsExactly("200", "ACCEPTED");
      }

      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String classPath = System.getProperty("surefire.test.class.path",
          System.getProperty("java.class.path"));
      Process child = new ProcessBuilder(java, "-cp", classPath, RelayChild.class.getName(),
          schema.jdbcUrl(), work.resolve("master.key").toString(), broker.uri(), exchange)
          .redirectError(work.resolve("child.log").toFile())
          .start();
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        do {
          line = out.readLine();
        } while (line != null && !line.startsWith("PUBLISHED"));
        assertThat(line).as("the child's log: %s", work.resolve("child.log")).isEqualTo("PUBLISHED 10");
      }
      child.destroyForcibly();                       // SIGKILL: no commit, no clean-up
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).isEqualTo(137);
      assertThat(survivor.hookGuard.outbox().pending()).as("nothing recorded as sent").isEqualTo(30);

      survivor.relay.start();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
      while (survivor.hookGuard.outbox().pending() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(survivor.hookGuard.outbox().pending()).isZero();

      Consumer consumer = new Consumer().drain(broker, exchange, 1_000);
      Map<String, String> unique = consumer.deduplicated();
      assertThat(unique).hasSize(30);
      assertThat(consumer.received).hasSize(40);
      List<String> copied = consumer.received.subList(0, 10).stream()
          .map(Consumer.Delivery::messageId).toList();
      assertThat(copied).doesNotHaveDuplicates();
      assertThat(consumer.received.stream().filter(d -> copied.contains(d.messageId())))
          .hasSize(20);
    } finally {
      broker.deleteTopology(exchange);
    }
  }
}
