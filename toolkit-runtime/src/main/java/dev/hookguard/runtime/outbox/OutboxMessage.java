package dev.hookguard.runtime.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One forwarded event, as a relay hands it to an {@link OutboxPublisher}.
 *
 * <p>The {@link #body()} is a JSON object, the same whatever the broker:
 *
 * <pre>{@code
 * {"type":"Order","messageId":"msg_2Zx…","recordId":"msg_2Zx…","receivedAt":"2026-01-14T16:00:00.123Z",
 *  "payload":{"id":"ord_1","email":"j***@example.com"}}
 * }</pre>
 *
 * where {@code payload} is what the receipt store's {@link Forwarding} gives: redacted, never a
 * plaintext sensitive value.
 *
 * <p><b>Duplicates.</b> A relay publishes each row until the broker confirms it; a relay that
 * stops between the broker's confirmation and its own commit publishes it again later. Consumers
 * therefore deduplicate by {@link #deduplicationId()} (for AMQP, the {@code message-id}
 * property), which is the same for every copy of one event.
 *
 * @param sequence the outbox row's number: unique, increasing in the order rows were written
 * @param topic where it goes (for AMQP, the routing key): {@link Forwarding#withTopic} or the
 *     payload type
 * @param payloadType the payload type name the record is stored under
 * @param messageId the webhook's message id
 * @param recordId the id of the stored record ({@code XStore.find(recordId)})
 * @param receivedAt when the receipt was stored
 * @param body the JSON above
 * @param attempts how many publications the broker refused before this one
 */
public record OutboxMessage(
    long sequence,
    String topic,
    String payloadType,
    String messageId,
    String recordId,
    Instant receivedAt,
    String body,
    int attempts) {

  /** Checks the components. */
  public OutboxMessage {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payloadType, "payloadType");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(body, "body");
  }

  /**
   * What identifies the event for a consumer's deduplication: {@code payloadType + "/" +
   * messageId} (a message id is unique within its payload type).
   */
  public String deduplicationId() {
    return payloadType + "/" + messageId;
  }

  /** The body as UTF-8. */
  public byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /** Names the event; leaves the body out. */
  @Override
  public String toString() {
    return "OutboxMessage[" + sequence + " " + deduplicationId() + " -> " + topic + ", attempts="
        + attempts + "]";
  }
}
