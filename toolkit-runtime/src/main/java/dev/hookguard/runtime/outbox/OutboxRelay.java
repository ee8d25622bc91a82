package dev.hookguard.runtime.outbox;

/**
 * Publishes outbox rows through an {@link OutboxPublisher} and deletes those the broker accepted.
 * Made by {@link Outbox#relay}.
 *
 * <p><b>Several relays.</b> On PostgreSQL, any number of relays on any number of instances share
 * the rows: each claims a batch with {@code FOR UPDATE SKIP LOCKED} in a transaction that it holds
 * while it publishes, and deletes the accepted rows in that same transaction; other relays skip
 * the rows it holds. On SQLite, the one writer, relays of one {@code HookGuard} take turns.
 *
 * <p><b>Crashes.</b> A relay that dies before its commit (process killed, connection lost) leaves
 * its rows as they were: they are published again by the next relay that claims them, so nothing
 * is lost and a consumer that deduplicates by {@link OutboxMessage#deduplicationId()} sees each
 * event once. Rows are deleted only after the broker accepted them.
 *
 * <p><b>Refusals.</b> A row the broker refuses is retried after {@link RelayOptions#backoffAfter}
 * and becomes a dead letter after {@link RelayOptions#maxAttempts()} refusals. A failed
 * publication (broker unreachable) retries every claimed row, and a started relay waits with the
 * same doubling backoff before trying again.
 *
 * <p>Logs (SLF4J {@code dev.hookguard.outbox}) name counts and exception classes, never a body.
 */
public interface OutboxRelay extends AutoCloseable {

  /** Claims one batch of due rows, publishes it and records the outcome; returns what it did. */
  RelayBatch relayOnce();

  /**
   * Relays in a background thread until {@link #close()}: batch after batch while rows are due,
   * then every {@link RelayOptions#pollInterval()}.
   *
   * @throws IllegalStateException if already started or closed
   */
  void start();

  /** Stops the background thread, if started, after the batch in flight; closes nothing else. */
  @Override
  void close();
}
