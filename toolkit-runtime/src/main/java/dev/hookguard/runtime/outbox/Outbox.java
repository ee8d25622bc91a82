package dev.hookguard.runtime.outbox;

/**
 * The outbox of a {@code HookGuard}'s database ({@code hookGuard.outbox()}): the rows that
 * receipt stores with {@link Forwarding} write, and relays that publish them.
 *
 * <pre>{@code
 * try (OutboxRelay relay = hookGuard.outbox().relay(publisher)) {
 *   relay.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>Rows live until the broker accepted them. Those it refused {@link RelayOptions#maxAttempts()}
 * times are kept as dead letters, counted by {@link #deadLettered()}, until {@link
 * #redriveDeadLetters()} puts them back. The retention sweep deletes any row, sent or not, once
 * the record it came from has passed its earliest {@code @Retain} expiry.
 *
 * <p>On PostgreSQL a relay holds one connection of the {@code HookGuard}'s pool while it publishes
 * a batch: size the pool for it. Close relays before the {@code HookGuard} they came from.
 */
public interface Outbox {

  /** A relay through {@code publisher} with {@link RelayOptions#defaults()}; not started. */
  OutboxRelay relay(OutboxPublisher publisher);

  /** A relay through {@code publisher} with {@code options}; not started. */
  OutboxRelay relay(OutboxPublisher publisher, RelayOptions options);

  /** Rows waiting to be published (due or backing off), dead letters not included. */
  long pending();

  /** Rows the broker refused too often, kept aside. */
  long deadLettered();

  /** Makes every dead letter due again with its attempts reset; returns how many. */
  int redriveDeadLetters();
}
