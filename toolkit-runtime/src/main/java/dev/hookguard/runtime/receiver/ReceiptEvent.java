package dev.hookguard.runtime.receiver;

import dev.hookguard.runtime.signature.WebhookVerificationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One answered request: how it ended and why, never what it carried. Safe to log, count and keep:
 * every component is an enum constant, a number, a time, the configured payload type name, or the
 * provider's message id.
 *
 * @param time when the answer was decided, from the receiver's clock
 * @param payloadType the configured payload type name (the payload class's simple name)
 * @param outcome how the request ended
 * @param reason for {@link Outcome#REJECTED}, the verifier's reason; empty otherwise
 * @param messageId the message id, once the request is authenticated (accepted, failed after
 *     verification, or refused as a replay); empty before that, since an unauthenticated id proves
 *     nothing
 * @param status the HTTP status answered
 * @param latency the time from receipt to the answer
 * @param audited whether the audit entry for this answer was already written in the receipt's
 *     own transaction (an accepted webhook kept through a {@link ReceiptStore}); an audit listener
 *     then appends nothing
 */
public record ReceiptEvent(
    Instant time,
    String payloadType,
    Outcome outcome,
    Optional<WebhookVerificationException.Reason> reason,
    Optional<String> messageId,
    int status,
    Duration latency,
    boolean audited) {

  /**
   * How a request ended. Names are stable: metrics and the audit trail key on them. The pipeline
   * checks in the order listed, so the first that applies is the outcome.
   */
  public enum Outcome {
    /** Verified, handled and stored: answered 2xx. */
    ACCEPTED,
    /**
     * Verified, and already stored under its message id with this same body (a redelivery, or a
     * replay of a stored event): answered 2xx, nothing run or written again.
     */
    DUPLICATE,
    /** Verified, but its message id is already stored with a different body: 409. */
    CONFLICT,
    /** Neither the connection nor a trusted proxy vouched for HTTPS: 403. */
    NOT_HTTPS,
    /** A trusted proxy forwarded a client address that is not an IP address: 403. */
    ADDRESS_UNRESOLVED,
    /** The client address is outside the IP allow-list: 403. */
    ADDRESS_NOT_ALLOWED,
    /** The client's own rate limit is used up: 429 with {@code Retry-After}. */
    RATE_LIMITED_SOURCE,
    /** The receiver's overall rate limit is used up: 429 with {@code Retry-After}. */
    RATE_LIMITED_OVERALL,
    /** The method is not {@code POST}: 405 with {@code Allow: POST}. */
    METHOD_NOT_ALLOWED,
    /** The body (or its declared {@code Content-Length}) exceeds the receiver's limit: 413. */
    PAYLOAD_TOO_LARGE,
    /** The verifier refused the request; {@link ReceiptEvent#reason()} says why and sets the status. */
    REJECTED,
    /** The verifier failed unexpectedly (threw an unchecked exception or returned null): 500. */
    VERIFIER_FAILED,
    /** The application's handler threw: 500; nothing stored. */
    HANDLER_FAILED,
    /** The sink threw: 503, so the sender retries; nothing reported as accepted. */
    SINK_FAILED,
    /** The receipt listener threw for a stored payload: 500. */
    LISTENER_FAILED
  }

  /** Checks that every component is present. */
  public ReceiptEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(payloadType, "payloadType");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(latency, "latency");
  }

  /** An event whose audit entry, if any, is still to be written ({@code audited} false). */
  public ReceiptEvent(
      Instant time,
      String payloadType,
      Outcome outcome,
      Optional<WebhookVerificationException.Reason> reason,
      Optional<String> messageId,
      int status,
      Duration latency) {
    this(time, payloadType, outcome, reason, messageId, status, latency, false);
  }
}
