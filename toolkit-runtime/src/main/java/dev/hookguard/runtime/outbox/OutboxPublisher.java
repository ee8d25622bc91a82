package dev.hookguard.runtime.outbox;

import java.util.List;

/**
 * Hands forwarded events to a message broker: the SPI between an {@link OutboxRelay} and a
 * broker client. {@code dev.hookguard.amqp.AmqpOutboxPublisher} publishes to RabbitMQ; a Kafka or
 * NATS publisher implements the same one method.
 *
 * <p>A publisher says only what it knows: a message is {@linkplain PublishResult#accepted()
 * accepted} once the broker has durably taken responsibility for it (RabbitMQ: a publisher
 * confirm of a persistent message routed to a durable queue), {@linkplain
 * PublishResult#refused() refused} when the broker said no (a negative acknowledgement, an
 * unroutable message). Anything else (no answer in time, a lost connection) is neither: the relay
 * publishes it again later. Publishing twice is always allowed: consumers deduplicate by {@link
 * OutboxMessage#deduplicationId()}.
 *
 * <p>Called by one relay thread at a time; several relays need one publisher each, or a
 * thread-safe one.
 */
public interface OutboxPublisher extends AutoCloseable {

  /**
   * Publishes {@code messages} and waits for the broker's answers.
   *
   * @param messages in outbox order; not empty
   * @return which messages the broker accepted and which it refused
   * @throws RuntimeException if the broker could not be reached or answered nothing usable: every
   *     message is then retried (its message must not quote a message's body)
   */
  PublishResult publish(List<OutboxMessage> messages);

  /** Releases the publisher's connections; by default nothing. */
  @Override
  default void close() {}
}
