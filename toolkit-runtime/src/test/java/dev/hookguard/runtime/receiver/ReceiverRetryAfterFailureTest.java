package dev.hookguard.runtime.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.audit.TestDatabase;
import dev.hookguard.runtime.receiver.ReceiptEvent.Outcome;
import dev.hookguard.runtime.signature.ReplayGuard;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message verified (its id recorded by the replay guard) but not kept must not turn the
 * provider's retry into a replay: the receiver makes the guard forget the id.
 */
class ReceiverRetryAfterFailureTest {

  private final Fixture f = new Fixture();

  /** A sink that fails on its first call and keeps what it is given afterwards. */
  private PayloadSink<Order> failingOnce(AtomicInteger calls) {
    return (id, order) -> {
      if (calls.incrementAndGet() == 1) {
        throw new java.io.IOException("disk full");
      }
      synchronized (f.stored) {
        f.stored.put(id, order);
      }
    };
  }

  @Test
  void aRetryAfterAFailedSinkIsAccepted() {
    AtomicInteger calls = new AtomicInteger();
    WebhookReceiver<Order> receiver =
        f.builder().replayGuard(f.replayGuard).sink(failingOnce(calls)).build();

    WebhookResponse first = receiver.handle(f.signed("msg_1", "ord_1"));
    WebhookResponse retry = receiver.handle(f.signed("msg_1", "ord_1"));
    WebhookResponse replay = receiver.handle(f.signed("msg_1", "ord_1"));

    assertThat(first.status()).isEqualTo(503);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(replay.status()).as("once kept, the id is guarded again").isEqualTo(409);
    assertThat(f.stored).containsOnlyKeys("msg_1");
    assertThat(f.events).extracting(ReceiptEvent::outcome)
        .containsExactly(Outcome.SINK_FAILED, Outcome.ACCEPTED, Outcome.REJECTED);
  }

  @Test
  void aRetryAfterAFailedHandlerIsAccepted() {
    AtomicInteger calls = new AtomicInteger();
    WebhookReceiver<Order> receiver =
        f.builder()
            .replayGuard(f.replayGuard)
            .handler((id, order) -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("downstream unavailable");
              }
            })
            .build();

    assertThat(receiver.handle(f.signed("msg_1", "ord_1")).status()).isEqualTo(500);
    assertThat(receiver.handle(f.signed("msg_1", "ord_1")).status()).isEqualTo(200);
  }

  @Test
  void aRedeliveryOfAStoredMessageIsAnsweredAsAcceptedWithoutStoringTwice() {
    AtomicInteger calls = new AtomicInteger();
    WebhookReceiver<Order> receiver = f.builder()
        .sink((id, order) -> {
          if (calls.incrementAndGet() > 1) {
            throw new dev.hookguard.runtime.store.DuplicateRecordException("Order", id);
          }
        })
        .build();

    // A redelivery the replay guard no longer remembers (here: a fresh id): the store's
    // duplicate is what recognises it, and the answer is the same as the first time.
    assertThat(receiver.handle(f.signed("msg_1", "ord_1")).status()).isEqualTo(200);
    assertThat(receiver.handle(f.signed("msg_2", "ord_1")).status()).isEqualTo(200);
    assertThat(calls).hasValue(2);
    assertThat(f.events).extracting(ReceiptEvent::outcome)
        .containsExactly(Outcome.ACCEPTED, Outcome.ACCEPTED);
  }

  @Test
  void withoutTheGuardTheRetryLooksLikeAReplay() {
    WebhookReceiver<Order> receiver = f.builder().sink(failingOnce(new AtomicInteger())).build();

    assertThat(receiver.handle(f.signed("msg_1", "ord_1")).status()).isEqualTo(503);
    assertThat(receiver.handle(f.signed("msg_1", "ord_1")).status()).isEqualTo(409);
  }

  @Test
  void aGuardThatFailsToForgetLeavesTheAnswerAsItWas() {
    ReplayGuard stubborn = new ReplayGuard() {
      @Override
      public void checkAndRecord(String messageId) {}

      @Override
      public void forget(String messageId) {
        throw new IllegalStateException("database down");
      }
    };
    WebhookReceiver<Order> receiver =
        f.builder().replayGuard(stubborn).sink(failingOnce(new AtomicInteger())).build();

    assertThat(receiver.handle(f.signed("msg_1", "ord_1")).status()).isEqualTo(503);
    assertThat(f.log.lines()).anyMatch(line -> line.contains("could not forget"));
  }

  @Test
  void withTheDatabaseGuardAndAuditTrailARetryIsAcceptedAndEveryAnswerAudited(@TempDir Path work)
      throws Exception {
    try (TestDatabase database = TestDatabase.sqlite(work)) {
      HookGuard hookGuard = database.open(f.clock);
      ReplayGuard shared = hookGuard.replayGuard(Duration.ofMinutes(10));
      AtomicInteger calls = new AtomicInteger();
      WebhookReceiver<Order> verifyingWithShared =
          WebhookReceiver.builder(Order.class, new OrderVerifier(f.signature, shared))
              .messageIds(f.signature)
              .replayGuard(shared)
              .sink(failingOnce(calls))
              .listener(hookGuard.audit().receiptListener())
              .clock(f.clock)
              .build();

      assertThat(verifyingWithShared.handle(f.signed("msg_1", "ord_1")).status()).isEqualTo(503);
      assertThat(verifyingWithShared.handle(f.signed("msg_1", "ord_1")).status()).isEqualTo(200);
      assertThat(verifyingWithShared.handle(f.signed("msg_1", "ord_1")).status()).isEqualTo(409);

      assertThat(hookGuard.audit().tail(10)).extracting(e -> e.event().kind()).containsExactly(
          AuditEvent.Kind.RECEIVE_FAILED, AuditEvent.Kind.RECEIVED, AuditEvent.Kind.REJECTED);
      assertThat(hookGuard.audit().verify().ok()).isTrue();
    }
  }
}
