package dev.hookguard.runtime.outbox;

/**
 * What one {@link OutboxRelay#relayOnce()} did.
 *
 * @param claimed due rows taken (others that relays held at the time were skipped)
 * @param published rows the broker accepted, now deleted
 * @param retried rows left for later: refused by the broker, or not answered
 * @param deadLettered rows refused for the last allowed time, now dead letters
 * @param failed whether the publisher threw (every claimed row is then retried)
 */
public record RelayBatch(int claimed, int published, int retried, int deadLettered, boolean failed) {

  /** Nothing was due. */
  public static RelayBatch empty() {
    return new RelayBatch(0, 0, 0, 0, false);
  }
}
