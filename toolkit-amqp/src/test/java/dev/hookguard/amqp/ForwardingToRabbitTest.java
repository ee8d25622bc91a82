package dev.hookguard.amqp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.outbox.RelayOptions;
import dev.hookguard.testsupport.TestBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One instance on SQLite, end to end over real HTTP and a real broker: every accepted payment is
 * published once, with its names around its redacted JSON and no canary of any sensitive
 * property; a redelivery is not published again; a topic no queue is bound to ends as a dead
 * letter after the allowed refusals.
 */
class ForwardingToRabbitTest {

  @TempDir
  Path work;

  final TestBroker broker = TestBroker.broker();
  final String exchange = TestBroker.uniqueName();
  final Payments payments = new Payments();
  final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
    broker.deleteTopology(exchange);
  }

  Instance instance(AmqpOutboxPublisher publisher, RelayOptions options) throws Exception {
    closing.add(publisher);
    Instance instance = Instance.sqlite(work.resolve("hookguard.db"), work.resolve("master.key"),
        payments.signature, publisher, options);
    closing.add(instance);
    return instance;
  }

  static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not done within 60 s");
      }
      Thread.sleep(20);
    }
  }

  @Test
  void everyAcceptedPaymentIsPublishedOnceRedactedWithoutAnyCanary() throws Exception {
    Instance instance = instance(AmqpOutboxPublisher.builder(broker.uri()).exchange(exchange).build(),
        RelayOptions.defaults().withPollInterval(Duration.ofMillis(20)));
    instance.relay.start();
    for (int n = 0; n < 20; n++) {
      assertThat(payments.post(instance.uri(), "msg_" + n, n)).containsExactly("200", "ACCEPTED");
    }
    assertThat(payments.post(instance.uri(), "msg_3", 3)).containsExactly("200", "DUPLICATE");
    await(() -> instance.hookGuard.outbox().pending() == 0);

    Consumer consumer = new Consumer().drain(broker, exchange, 500);

    assertThat(consumer.received).hasSize(20);
    Map<String, String> unique = consumer.deduplicated();
    assertThat(unique).hasSize(20);
    for (int n = 0; n < 20; n++) {
      String body = unique.get(Payments.TYPE + "/msg_" + n);
      assertThat(body).startsWith("{\"type\":\"" + Payments.TYPE + "\",\"messageId\":\"msg_" + n
          + "\",\"recordId\":\"msg_" + n + "\",\"receivedAt\":\"");
      assertThat(body).contains("\"payload\":{\"id\":\"pay_" + n + "\",\"amount_cents\":" + (1000 + n)
          + ",\"currency\":\"EUR\",\"email\":\"s***@example.com\"");
      assertThat(body).contains("\"card_number\":\"****" + String.format("%04d", n) + "\"");
      assertThat(body).doesNotContain("api_key");
      assertThat(Payments.holdsACanary(body)).as(body).isFalse();
    }
  }

  @Test
  void aTopicNoQueueIsBoundToEndsAsADeadLetterAfterTheAllowedRefusals() throws Exception {
    // The broker's exchange exists but routes nothing: every publication is returned.
    try (com.rabbitmq.client.Connection admin = broker.connect();
        com.rabbitmq.client.Channel channel = admin.createChannel()) {
      channel.exchangeDeclare(exchange, "topic", true);
    }
    Instance instance = instance(
        AmqpOutboxPublisher.builder(broker.uri()).exchange(exchange).declareTopology(false).build(),
        RelayOptions.defaults().withMaxAttempts(3)
            .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
            .withPollInterval(Duration.ofMillis(20)));
    assertThat(payments.post(instance.uri(), "msg_1", 1)).containsExactly("200", "ACCEPTED");

    instance.relay.start();
    await(() -> instance.hookGuard.outbox().deadLettered() == 1);

    assertThat(instance.hookGuard.outbox().pending()).isZero();
  }
}
