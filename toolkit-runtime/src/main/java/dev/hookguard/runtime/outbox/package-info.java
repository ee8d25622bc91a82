/**
 * The transactional outbox: forwarding of kept webhooks to the rest of a system through a message
 * broker, exactly when they were kept.
 *
 * <p>A receipt store made with {@code hookGuard.receipts(store, Forwarding.redacted(redactor))}
 * writes, in the transaction of each receipt, one outbox row holding what is forwarded: the
 * redactor's JSON (never a plaintext {@code @Sensitive} value), optionally only some of its
 * properties, with the payload type, message id, record id and receipt time. A receipt that fails
 * leaves no row; a row is never written for a receipt that did not commit. An {@link
 * dev.hookguard.runtime.outbox.OutboxRelay} (from {@code hookGuard.outbox().relay(publisher)})
 * publishes due rows through an {@link dev.hookguard.runtime.outbox.OutboxPublisher}, such as the
 * RabbitMQ one of module {@code dev.hookguard.amqp}, and deletes those the broker confirmed.
 */
package dev.hookguard.runtime.outbox;
