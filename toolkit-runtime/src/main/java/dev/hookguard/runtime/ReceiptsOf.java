package dev.hookguard.runtime;

import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.audit.AuditSink;
import dev.hookguard.runtime.receiver.ReceiptStore;
import dev.hookguard.runtime.store.PayloadStore;
import dev.hookguard.runtime.store.StoreSchema;
import dev.hookguard.runtime.store.internal.Receipts;
import java.time.Clock;
import java.util.Optional;

/** {@link HookGuard#receipts}: the receipts of one payload type over the store's {@link Receipts}. */
final class ReceiptsOf<X> implements ReceiptStore<X> {

  private final PayloadStore<X> store;
  private final StoreSchema schema;
  private final Receipts receipts;
  private final AuditSink alsoTell;
  private final Clock clock;

  /**
   * @param alsoTell the application's extra audit sink, told of each stored receipt after its
   *     commit (the trail's entry is part of the commit), or null
   */
  ReceiptsOf(PayloadStore<X> store, Receipts receipts, AuditSink alsoTell, Clock clock) {
    this.store = store;
    this.schema = store.schema();
    this.receipts = receipts;
    this.alsoTell = alsoTell;
    this.clock = clock;
  }

  @Override
  public String payloadType() {
    return schema.payloadType();
  }

  @Override
  public Optional<Result> find(String messageId, byte[] body) {
    return receipts.find(schema, messageId, body).map(ReceiptsOf::result);
  }

  @Override
  public Result store(String messageId, byte[] body, X payload) {
    Result result = result(receipts.store(schema, messageId, body, store.fields(payload)));
    if (result == Result.STORED && alsoTell != null) {
      alsoTell.record(AuditEvent.received(clock.instant(), schema.payloadType(), messageId));
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
    return "ReceiptStore[" + schema.payloadType() + "]";
  }
}
