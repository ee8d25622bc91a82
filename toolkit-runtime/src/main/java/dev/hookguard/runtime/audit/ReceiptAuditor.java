package dev.hookguard.runtime.audit;

import dev.hookguard.runtime.receiver.ReceiptEvent;
import dev.hookguard.runtime.receiver.ReceiptEvent.Outcome;
import dev.hookguard.runtime.receiver.ReceiptListener;
import java.util.List;

/**
 * {@link AuditTrail#receiptListener()}: a receiver's answers to authenticated requests as audit
 * events. Refusals that come before authentication (HTTPS, address, rate limit, size, signature
 * and timestamp) are not appended: anyone on the network can cause them, and the trail must not
 * grow, or contend for its lock, at a stranger's pace. The receiver's metrics count them. An
 * accepted webhook kept through a receipt was entered in the receipt's own transaction, and a
 * duplicate of a stored event is not entered again.
 */
final class ReceiptAuditor implements ReceiptListener {

  static final String ACCESSOR = "receiver";
  static final String PURPOSE = "receive";

  private final AuditSink sink;

  ReceiptAuditor(AuditSink sink) {
    this.sink = sink;
  }

  @Override
  public void onReceipt(ReceiptEvent event) {
    // Written with the receipt already; a duplicate is the same event again, entered once.
    if (!isAuthenticated(event) || event.audited() || event.outcome() == Outcome.DUPLICATE) {
      return;
    }
    sink.record(
        new AuditEvent(
            event.time(),
            kindOf(event.outcome()),
            event.payloadType(),
            event.messageId().orElse(""),
            ACCESSOR,
            PURPOSE,
            List.of(),
            event.outcome().name()
                + event.reason().map(r -> " " + r.name()).orElse("")
                + " status="
                + event.status()));
  }

  /** Whether the request had passed its signature check when the receiver answered. */
  static boolean isAuthenticated(ReceiptEvent event) {
    return switch (event.outcome()) {
      case ACCEPTED, DUPLICATE, CONFLICT, HANDLER_FAILED, SINK_FAILED, LISTENER_FAILED -> true;
      case REJECTED -> event.reason().map(reason -> switch (reason) {
        case REPLAYED, REPLAY_GUARD_FULL, MISSING_MESSAGE_ID, MALFORMED_PAYLOAD, LIMIT_EXCEEDED,
            INVALID_PAYLOAD -> true;
        default -> false;
      }).orElse(false);
      default -> false;
    };
  }

  private static AuditEvent.Kind kindOf(Outcome outcome) {
    return switch (outcome) {
      case ACCEPTED, DUPLICATE -> AuditEvent.Kind.RECEIVED;
      case VERIFIER_FAILED, HANDLER_FAILED, SINK_FAILED, LISTENER_FAILED ->
          AuditEvent.Kind.RECEIVE_FAILED;
      default -> AuditEvent.Kind.REJECTED;
    };
  }

  @Override
  public String toString() {
    return "AuditTrail.receiptListener()";
  }
}
