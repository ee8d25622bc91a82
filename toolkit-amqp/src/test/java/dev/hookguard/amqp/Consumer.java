package dev.hookguard.amqp;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.hookguard.testsupport.TestBroker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A consumer as the issue asks for one: it reads every message of a queue, acknowledges it, and
 * deduplicates by the AMQP {@code message-id}.
 */
final class Consumer {

  /** One delivery: its message id and body. */
  record Delivery(String messageId, String body) {}

  final List<Delivery> received = new ArrayList<>();

  /** Reads until the queue has been empty for {@code quietMillis}. */
  Consumer drain(TestBroker broker, String queue, long quietMillis) throws Exception {
    try (Connection connection = broker.connect(); Channel channel = connection.createChannel()) {
      long quietSince = System.nanoTime();
      while ((System.nanoTime() - quietSince) / 1_000_000 < quietMillis) {
        GetResponse got = channel.basicGet(queue, false);
        if (got == null) {
          Thread.sleep(20);
          continue;
        }
        received.add(new Delivery(got.getProps().getMessageId(),
            new String(got.getBody(), StandardCharsets.UTF_8)));
        channel.basicAck(got.getEnvelope().getDeliveryTag(), false);
        quietSince = System.nanoTime();
      }
    }
    return this;
  }

  /** The deliveries after deduplication by message id: the first of each, by message id. */
  Map<String, String> deduplicated() {
    Map<String, String> unique = new LinkedHashMap<>();
    for (Delivery each : received) {
      unique.putIfAbsent(each.messageId(), each.body());
    }
    return unique;
  }
}
