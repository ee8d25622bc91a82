package dev.hookguard.runtime.subject;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored record about a data subject: where it is, never what it holds.
 *
 * @param payloadType the payload type it is stored under
 * @param id its record id (for a receipt, the message id)
 * @param receivedAt when it was stored
 */
public record SubjectRecord(String payloadType, String id, Instant receivedAt) {

  /** Checks the components. */
  public SubjectRecord {
    Objects.requireNonNull(payloadType, "payloadType");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }
}
