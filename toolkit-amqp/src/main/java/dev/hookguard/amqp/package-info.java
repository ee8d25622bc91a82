/**
 * Publishes the HookGuard outbox's forwarded events to RabbitMQ: {@link
 * dev.hookguard.amqp.AmqpOutboxPublisher}, an {@link dev.hookguard.runtime.outbox.OutboxPublisher}
 * with publisher confirms, persistent messages, a durable exchange and queue, and a dead-letter
 * exchange and queue.
 */
package dev.hookguard.amqp;
