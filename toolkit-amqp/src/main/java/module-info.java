/**
 * The RabbitMQ (AMQP 0-9-1) publisher of the HookGuard outbox: {@link
 * dev.hookguard.amqp.AmqpOutboxPublisher}. A module of its own so that the runtime never requires
 * the broker client.
 */
module dev.hookguard.amqp {
  requires transitive dev.hookguard.runtime;
  // Transitive: builder(ConnectionFactory) and connectionFactory(uri) name its types.
  requires transitive com.rabbitmq.client;
  requires org.slf4j;

  exports dev.hookguard.amqp;
}
