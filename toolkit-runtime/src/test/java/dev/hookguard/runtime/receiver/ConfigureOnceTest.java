package dev.hookguard.runtime.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.TestDatabase;
import dev.hookguard.runtime.receiver.ReceiptEvent.Outcome;
import dev.hookguard.runtime.signature.ReplayGuard;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A verifier that tells what it was configured with (as a generated {@code XVerifier} does)
 * configures the receiver too: its body limit, the scheme message ids come from and its replay
 * guard are set once; and a receiver keeping receipts dates its events by the store's clock.
 */
class ConfigureOnceTest {

  @TempDir
  Path work;

  final Fixture f = new Fixture();
  final AtomicInteger verified = new AtomicInteger();

  /** The fixture's check, telling a body limit, its scheme and its guard. */
  PayloadVerifier<Order> telling(int maxBodyBytes, WebhookSignature scheme, ReplayGuard guard) {
    OrderVerifier check = new OrderVerifier(f.signature, guard == null ? messageId -> {} : guard);
    return new PayloadVerifier<>() {
      @Override
      public Order verify(Map<String, List<String>> headers, byte[] body)
          throws WebhookVerificationException {
        verified.incrementAndGet();
        return check.verify(headers, body);
      }

      @Override
      public OptionalInt maxBodyBytes() {
        return OptionalInt.of(maxBodyBytes);
      }

      @Override
      public Optional<WebhookSignature> signature() {
        return Optional.ofNullable(scheme);
      }

      @Override
      public Optional<ReplayGuard> replayGuard() {
        return Optional.ofNullable(guard);
      }
    };
  }

  @Test
  void theBodyLimitIsTheVerifiers() {
    List<String> kept = new ArrayList<>();
    WebhookReceiver<Order> receiver =
        WebhookReceiver.builder(Order.class, telling(64, f.signature, null))
            .sink((id, order) -> kept.add(id))
            .listener(f.events::add)
            .build();

    assertThat(receiver.maxBodyBytes()).isEqualTo(64);
    byte[] large = ("{\"id\":\"o_1\",\"email\":\"" + "x".repeat(100) + "@example.com\"}").getBytes();
    WebhookResponse answer = receiver.handle(f.signed("msg_large", large));

    assertThat(answer.status()).isEqualTo(413);
    assertThat(verified).as("refused before the verifier runs").hasValue(0);
    assertThat(kept).isEmpty();
  }

  @Test
  void messageIdsComeFromTheVerifiersScheme() {
    List<String> kept = new ArrayList<>();
    WebhookReceiver<Order> receiver =
        WebhookReceiver.builder(Order.class, telling(1 << 20, f.signature, null))
            .sink((id, order) -> kept.add(id))
            .build();

    assertThat(receiver.handle(f.signed("msg_42", "o_42")).status()).isEqualTo(200);
    assertThat(kept).containsExactly("msg_42");
  }

  @Test
  void aFailedDeliveryIsForgottenInTheVerifiersGuardSoItsRetryIsAccepted() {
    AtomicInteger attempts = new AtomicInteger();
    WebhookReceiver<Order> receiver =
        WebhookReceiver.builder(Order.class, telling(1 << 20, f.signature, f.replayGuard))
            .handler(
                (id, order) -> {
                  if (attempts.incrementAndGet() == 1) {
                    throw new IllegalStateException("downstream unavailable");
                  }
                })
            .sink((id, order) -> {})
            .build();

    assertThat(receiver.handle(f.signed("msg_retry", "o_1")).status()).isEqualTo(500);
    assertThat(receiver.handle(f.signed("msg_retry", "o_1")).status())
        .as("not refused as a replay: the receiver forgot the id in the verifier's guard")
        .isEqualTo(200);
    assertThat(receiver.handle(f.signed("msg_retry", "o_1")).status())
        .as("once kept, a replay is refused")
        .isEqualTo(409);
  }

  @Test
  void anotherReplayGuardThanTheVerifiersIsRefused() {
    WebhookReceiver.Builder<Order> builder =
        WebhookReceiver.builder(Order.class, telling(1 << 20, f.signature, f.replayGuard));
    ReplayGuard other = ReplayGuard.inMemory(Duration.ofMinutes(1), 10);

    assertThatThrownBy(() -> builder.replayGuard(other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another replay guard");
    assertThat(builder.replayGuard(f.replayGuard)).isSameAs(builder);
  }

  @Test
  void receiptsRefuseAVerifierWithAReplayGuard() throws Exception {
    try (TestDatabase database = TestDatabase.sqlite(work)) {
      HookGuard hookGuard = database.open(f.clock);
      WebhookReceiver.Builder<Order> builder =
          WebhookReceiver.builder(Order.class, telling(1 << 20, f.signature, f.replayGuard))
              .receipts(hookGuard.receipts(new OrderPayloadStore()));

      assertThatThrownBy(builder::build)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("the receipt is the replay check");
    }
  }

  @Test
  void aReceiverKeepingReceiptsDatesItsEventsByTheStoresClock() throws Exception {
    f.clock.advance(Duration.ofDays(400));
    try (TestDatabase database = TestDatabase.sqlite(work)) {
      HookGuard hookGuard = database.open(f.clock);
      WebhookReceiver<Order> receiver =
          WebhookReceiver.builder(Order.class, telling(1 << 20, f.signature, null))
              .receipts(hookGuard.receipts(new OrderPayloadStore()))
              .listener(f.events::add)
              .build();

      assertThat(receiver.handle(f.signed("msg_dated", "o_1")).status()).isEqualTo(200);
      assertThat(f.events).singleElement().satisfies(event -> {
        assertThat(event.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(event.time()).isEqualTo(f.clock.instant());
      });
    }
  }
}
