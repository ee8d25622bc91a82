package dev.hookguard.runtime;

import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.audit.AuditSink;
import dev.hookguard.runtime.generated.PayloadStore;
import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.outbox.Forwarding;
import dev.hookguard.runtime.receiver.ReceiptStore;
import dev.hookguard.runtime.store.internal.Receipts;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link HookGuard#receipts}: the receipts of one payload type over the store's {@link Receipts}. */
final class ReceiptsOf<X> implements ReceiptStore<X> {

  private static final Logger LOG = LoggerFactory.getLogger("dev.hookguard.audit");

  private final PayloadStore<X> store;
  private final StoreSchema schema;
  private final Receipts receipts;
  private final AuditSink alsoTell;
  private final Clock clock;
  private final Forwarding<X> forwarding;

  /**
   * @param alsoTell the application's extra audit sink, told of each stored receipt after its
   *     commit (the trail's entry is part of the commit), or null
   * @param forwarding what each receipt forwards through the outbox, or null for nothing
   */
  ReceiptsOf(
      PayloadStore<X> store,
      Receipts receipts,
      AuditSink alsoTell,
      Clock clock,
      Forwarding<X> forwarding) {
    this.store = store;
    this.schema = store.schema();
    this.receipts = receipts;
    this.alsoTell = alsoTell;
    this.clock = clock;
    this.forwarding = forwarding;
  }

  @Override
  public String payloadType() {
    return schema.payloadType();
  }

  @Override
  public Optional<Clock> clock() {
    return Optional.of(clock);
  }

  @Override
  public Optional<Result> find(String messageId, boolean idSigned, byte[] body) {
    return receipts.find(schema, messageId, body, !idSigned).map(ReceiptsOf::result);
  }

  @Override
  public Result store(String messageId, boolean idSigned, byte[] body, X payload) {
    Receipts.Forward forward =
        forwarding == null
            ? null
            : new Receipts.Forward(
                forwarding.topic().orElse(schema.payloadType()), forwarding.payloadJson(payload));
    Result result =
        result(receipts.store(schema, messageId, body, store.fields(payload), !idSigned, forward));
    if (result == Result.STORED && alsoTell != null) {
      try {
        alsoTell.record(AuditEvent.received(clock.instant(), schema.payloadType(), messageId));
      } catch (RuntimeException e) {
        // The receipt and its trail entry are committed: the extra copy is best effort.
        LOG.warn("audit sink failed for a stored receipt: type={} error={}",
            schema.payloadType(), e.getClass().getName());
      }
    }
    return result;
  }

  private static Result result(Receipts.Outcome outcome) {
    return switch (outcome) {
      case STORED -> Result.STORED;
      case DUPLICATE -> Result.DUPLICATE;
      case CONFLICT -> Result.CONFLICT;
    };
  }

  @Override
  public String toString() {
    return "ReceiptStore[" + schema.payloadType() + (forwarding == null ? "" : ", forwarded") + "]";
  }
}
