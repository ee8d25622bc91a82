package dev.hookguard.runtime.signature;

import java.time.Clock;
import java.time.Duration;

/**
 * Remembers the message ids of accepted webhooks for a window of time and refuses an id seen
 * again within it. Record an id only after its request is authenticated (see {@link
 * WebhookSignature#verify(java.util.Map, byte[], ReplayGuard)}), so forgeries cannot fill it.
 *
 * <p>The window should be at least twice the signature tolerance: a request is acceptable from
 * {@code tolerance} before to {@code tolerance} after its signed timestamp, and its id must be
 * remembered for as long as it could be replayed.
 *
 * <p>{@link #inMemory} suits a single receiver instance; receivers that run several instances
 * need a shared, database-backed guard: {@code HookGuard.replayGuard(window)}. A {@code
 * WebhookReceiver} that keeps receipts ({@code receipts(hookGuard.receipts(store))}) needs no
 * guard at all: the stored receipt is the replay check, in the same transaction as the record.
 */
public interface ReplayGuard {

  /**
   * Records {@code messageId} as seen now.
   *
   * @throws WebhookVerificationException with {@link WebhookVerificationException.Reason#REPLAYED}
   *     if the id was already recorded within the window, or {@link
   *     WebhookVerificationException.Reason#REPLAY_GUARD_FULL} if it cannot be recorded (the
   *     guard fails closed rather than accept what it could not later recognise)
   */
  void checkAndRecord(String messageId) throws WebhookVerificationException;

  /**
   * Forgets {@code messageId}, so that it is accepted again. A receiver calls this when a message
   * it recorded could not be kept (its handler or sink failed): the provider's retry of that
   * message is then accepted instead of refused as a replay. Forgetting an id that is not recorded
   * does nothing. The default does nothing, for guards that cannot forget.
   */
  default void forget(String messageId) {}

  /**
   * How long an id is remembered, if the guard tells; empty by default. A posture audit compares
   * it with the signature's tolerance and the records' retention.
   */
  default java.util.Optional<Duration> window() {
    return java.util.Optional.empty();
  }

  /**
   * An in-memory guard on the system UTC clock.
   *
   * @param window how long an id is remembered
   * @param maxEntries the most unexpired ids held at once; beyond it requests are refused
   */
  static ReplayGuard inMemory(Duration window, int maxEntries) {
    return new InMemoryReplayGuard(window, maxEntries, Clock.systemUTC());
  }

  /**
   * An in-memory guard reading time from {@code clock}.
   *
   * @param window how long an id is remembered
   * @param maxEntries the most unexpired ids held at once; beyond it requests are refused
   * @param clock the clock entries expire by
   */
  static ReplayGuard inMemory(Duration window, int maxEntries, Clock clock) {
    return new InMemoryReplayGuard(window, maxEntries, clock);
  }
}
