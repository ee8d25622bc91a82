package dev.hookguard.runtime.audit;

import dev.hookguard.runtime.receiver.ReceiptEvent;
import dev.hookguard.runtime.receiver.ReceiptEvent.Outcome;
import dev.hookguard.runtime.receiver.ReceiptListener;
import java.util.List;

/** {@link AuditTrail#receiptListener()}: a receiver's answers as audit events. */
final class ReceiptAuditor implements ReceiptListener {

  static final String ACCESSOR = "receiver";
  static final String PURPOSE = "receive";

  private final AuditSink sink;

  ReceiptAuditor(AuditSink sink) {
    this.sink = sink;
  }

  @Override
  public void onReceipt(ReceiptEvent event) {
    if (event.outcome() == Outcome.RATE_LIMITED_SOURCE
        || event.outcome() == Outcome.RATE_LIMITED_OVERALL) {
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

  private static AuditEvent.Kind kindOf(Outcome outcome) {
    return switch (outcome) {
      case ACCEPTED -> AuditEvent.Kind.RECEIVED;
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
