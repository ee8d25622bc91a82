package dev.hookguard.runtime.receiver;

import dev.hookguard.runtime.receiver.ReceiptEvent.Outcome;
import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;

/**
 * The HTTP status for each outcome and verification reason. Both switches are exhaustive with no
 * default branch, so a new outcome or reason does not compile until someone decides its status.
 */
final class Statuses {

  private Statuses() {}

  /** The status for {@code outcome}; {@code reason} decides for {@link Outcome#REJECTED}. */
  static int of(Outcome outcome, Reason reason) {
    return switch (outcome) {
      case ACCEPTED, DUPLICATE -> 200;
      case CONFLICT -> 409;
      case NOT_HTTPS, ADDRESS_UNRESOLVED, ADDRESS_NOT_ALLOWED -> 403;
      case RATE_LIMITED_SOURCE, RATE_LIMITED_OVERALL -> 429;
      case METHOD_NOT_ALLOWED -> 405;
      case PAYLOAD_TOO_LARGE -> 413;
      case REJECTED -> of(reason);
      case VERIFIER_FAILED, HANDLER_FAILED, LISTENER_FAILED -> 500;
      case SINK_FAILED -> 503;
    };
  }

  /** The status for a request the verifier refused with {@code reason}. */
  static int of(Reason reason) {
    return switch (reason) {
      // Not authenticated: the sender did not prove it holds the secret, now.
      case MISSING_HEADER,
          DUPLICATE_HEADER,
          HEADER_TOO_LARGE,
          MALFORMED_HEADER,
          UNSUPPORTED_VERSION,
          MALFORMED_SIGNATURE,
          TIMESTAMP_MALFORMED,
          TIMESTAMP_TOO_OLD,
          TIMESTAMP_TOO_NEW,
          SIGNATURE_MISMATCH -> 401;
      // Authenticated, but without the id replay protection is keyed on.
      case MISSING_MESSAGE_ID -> 400;
      case REPLAYED -> 409;
      // The guard fails closed when full; the condition is temporary, so the sender should retry.
      case REPLAY_GUARD_FULL -> 503;
      case PAYLOAD_TOO_LARGE -> 413;
      case MALFORMED_PAYLOAD, LIMIT_EXCEEDED, INVALID_PAYLOAD -> 400;
    };
  }
}
