package dev.hookguard.runtime.audit;

import java.util.Objects;

/**
 * One entry of the {@link AuditTrail}: an {@link AuditEvent} at its place in the chain. Like the
 * event it holds no payload value.
 *
 * @param sequence its position, from 1, without gaps
 * @param event what was recorded
 * @param hash the chain hash after it (covers this entry and every one before it)
 */
public record AuditEntry(long sequence, AuditEvent event, String hash) {

  /** Checks that every component is present. */
  public AuditEntry {
    if (sequence < 1) {
      throw new IllegalArgumentException("audit sequence numbers start at 1");
    }
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(hash, "hash");
  }

  /** This entry as a checkpoint: verifying against it proves nothing up to here changed. */
  public AuditCheckpoint checkpoint() {
    return new AuditCheckpoint(sequence, hash);
  }
}
