package dev.hookguard.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.hookguard.runtime.outbox.OutboxMessage;
import dev.hookguard.runtime.outbox.PublishResult;
import dev.hookguard.testsupport.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The RabbitMQ publisher against a real broker (embedded Qpid Broker-J, or the RabbitMQ named by
 * {@code HOOKGUARD_TEST_AMQP_URL}): confirmed messages are on the durable queue, persistent, with
 * the deduplication id as message id; an unroutable message is refused; a message a consumer
 * rejects goes to the dead-letter queue; an unreachable broker is a failure naming no password.
 */
class AmqpOutboxPublisherTest {

  final TestBroker broker = TestBroker.broker();
  final String exchange = TestBroker.uniqueName();
  final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable each : closing) {
      each.close();
    }
    broker.deleteTopology(exchange);
  }

  AmqpOutboxPublisher publisher() {
    AmqpOutboxPublisher publisher =
        AmqpOutboxPublisher.builder(broker.uri()).exchange(exchange).build();
    closing.add(publisher);
    return publisher;
  }

  static OutboxMessage message(long sequence, String topic) {
    return new OutboxMessage(sequence, topic, "Order", "msg_" + sequence, "msg_" + sequence,
        Instant.parse("2026-01-14T16:00:00Z"),
        "{\"type\":\"Order\",\"messageId\":\"msg_" + sequence + "\"}", 0);
  }

  Channel channel() throws Exception {
    Connection connection = broker.connect();
    closing.add(connection);
    return connection.createChannel();
  }

  @Test
  void confirmedMessagesArePersistentOnTheDurableQueueWithTheDeduplicationIdAsMessageId()
      throws Exception {
    List<OutboxMessage> messages = List.of(message(1, "Order"), message(2, "Order"), message(3, "orders.eu"));

    PublishResult result = publisher().publish(messages);

    assertThat(result.accepted()).containsExactlyInAnyOrder(1L, 2L, 3L);
    assertThat(result.refused()).isEmpty();
    Channel channel = channel();
    List<GetResponse> got = new ArrayList<>();
    GetResponse each;
    while ((each = channel.basicGet(exchange, true)) != null) {
      got.add(each);
    }
    assertThat(got).hasSize(3);
    GetResponse first = got.get(0);
    assertThat(first.getProps().getMessageId()).isEqualTo("Order/msg_1");
    assertThat(first.getProps().getDeliveryMode()).isEqualTo(2);
    assertThat(first.getProps().getType()).isEqualTo("Order");
    assertThat(first.getProps().getContentType()).isEqualTo("application/json");
    assertThat(first.getProps().getHeaders().get("hookguard-record-id").toString()).isEqualTo("msg_1");
    assertThat(new String(first.getBody(), StandardCharsets.UTF_8))
        .isEqualTo("{\"type\":\"Order\",\"messageId\":\"msg_1\"}");
    assertThat(got.get(2).getEnvelope().getRoutingKey()).isEqualTo("orders.eu");
  }

  @Test
  void anUnroutableMessageIsRefusedAndTheOthersAccepted() throws Exception {
    // An exchange no queue is bound to: the broker returns every mandatory message.
    Channel admin = channel();
    String lonely = TestBroker.uniqueName();
    admin.exchangeDeclare(lonely, "topic", true);
    admin.queueDeclare(lonely, true, false, false, null);
    admin.queueBind(lonely, lonely, "kept.#");
    try (AmqpOutboxPublisher publisher = AmqpOutboxPublisher.builder(broker.uri())
        .exchange(lonely).declareTopology(false).build()) {

      PublishResult result = publisher.publish(List.of(message(1, "kept.a"), message(2, "nowhere")));

      assertThat(result.accepted()).containsExactly(1L);
      assertThat(result.refused()).containsExactly(2L);
    } finally {
      admin.queueDelete(lonely);
      admin.exchangeDelete(lonely);
    }
  }

  @Test
  void aMessageAConsumerRejectsGoesToTheDeadLetterQueue() throws Exception {
    publisher().publish(List.of(message(7, "Order")));
    Channel channel = channel();
    GetResponse got = channel.basicGet(exchange, false);
    assertThat(got).isNotNull();

    channel.basicReject(got.getEnvelope().getDeliveryTag(), false);

    GetResponse dead = null;
    for (int i = 0; i < 100 && dead == null; i++) {
      dead = channel.basicGet(exchange + ".dead-letter", true);
      if (dead == null) {
        Thread.sleep(20);
      }
    }
    assertThat(dead).isNotNull();
    assertThat(dead.getProps().getMessageId()).isEqualTo("Order/msg_7");
    assertThat(channel.basicGet(exchange, true)).isNull();
  }

  @Test
  void thePublisherReconnectsAfterItsConnectionIsLost() throws Exception {
    AmqpOutboxPublisher publisher = publisher();
    assertThat(publisher.publish(List.of(message(1, "Order"))).accepted()).containsExactly(1L);
    // Break its channel from the inside: a publication to an exchange that does not exist
    // closes the channel (404), as a broker restart closes the connection.
    try (AmqpOutboxPublisher broken = AmqpOutboxPublisher.builder(broker.uri())
        .exchange(TestBroker.uniqueName()).declareTopology(false).build()) {
      assertThatThrownBy(() -> broken.publish(List.of(message(2, "Order"))))
          .isInstanceOf(IllegalStateException.class);
    }

    assertThat(publisher.publish(List.of(message(3, "Order"))).accepted()).containsExactly(3L);
  }

  @Test
  void anUnreachableBrokerIsAFailureWhoseMessageNamesNoPassword() throws Exception {
    int closedPort;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    try (AmqpOutboxPublisher publisher = AmqpOutboxPublisher
        .builder("amqp://app:s3cr3t-pw@127.0.0.1:" + closedPort + "/").build()) {

      assertThatThrownBy(() -> publisher.publish(List.of(message(1, "Order"))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageNotContaining("s3cr3t-pw");
      assertThat(publisher.toString()).doesNotContain("s3cr3t-pw").contains("127.0.0.1");
    }
  }

  @Test
  void connectDeclaresTheTopologyBeforeAnyPublication() throws Exception {
    publisher().connect();

    Channel channel = channel();
    assertThat(channel.queueDeclarePassive(exchange).getMessageCount()).isZero();
    assertThat(channel.queueDeclarePassive(exchange + ".dead-letter").getMessageCount()).isZero();
  }

  @Test
  void connectingToAnUnreachableBrokerFailsAtOnce() throws Exception {
    int closedPort;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    try (AmqpOutboxPublisher publisher = AmqpOutboxPublisher
        .builder("amqp://app:s3cr3t-pw@127.0.0.1:" + closedPort + "/").build()) {
      assertThatThrownBy(publisher::connect)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageNotContaining("s3cr3t-pw");
    }
  }

  @Test
  void aMalformedUriIsRefusedWithoutQuotingIt() {
    assertThatThrownBy(() -> AmqpOutboxPublisher.builder("http://app:s3cr3t-pw@host/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("s3cr3t-pw");
  }

  @Test
  void publishResultsNeverCountAMessageTwice() {
    assertThatThrownBy(() -> new PublishResult(Set.of(1L), Set.of(1L)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
