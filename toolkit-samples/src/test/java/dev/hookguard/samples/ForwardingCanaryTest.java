package dev.hookguard.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.generated.PayloadStore;
import dev.hookguard.runtime.outbox.Forwarding;
import dev.hookguard.runtime.outbox.OutboxMessage;
import dev.hookguard.runtime.outbox.PublishResult;
import dev.hookguard.runtime.receiver.ReceiptStore;
import dev.hookguard.runtime.redact.Redactor;
import dev.hookguard.samples.CanaryPayloads.Markers;
import dev.hookguard.samples.github.GitHubPushRedactor;
import dev.hookguard.samples.github.GitHubPushStore;
import dev.hookguard.samples.github.GitHubPushVerifier;
import dev.hookguard.samples.shopify.ShopifyOrderRedactor;
import dev.hookguard.samples.shopify.ShopifyOrderStore;
import dev.hookguard.samples.shopify.ShopifyOrderVerifier;
import dev.hookguard.samples.stripe.StripeEventRedactor;
import dev.hookguard.samples.stripe.StripeEventStore;
import dev.hookguard.samples.stripe.StripeEventVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What leaves the receiver through the outbox, for the sample types and their generated
 * redactors: a canary in every property; no sensitive canary in any forwarded body (nor in the
 * outbox table's database file), every plain one there; with named properties, only those.
 */
class ForwardingCanaryTest {

  @TempDir
  Path work;

  /** Keeps one canary payload of each sample type with forwarding, then relays the outbox. */
  @Test
  void noSensitiveCanaryIsForwardedAndEveryPlainOneIs() throws Exception {
    try (Databases.Sqlite database = new Databases.Sqlite(work)) {
      HookGuard hookGuard = database.open();
      Markers markers = new Markers();
      keep(hookGuard, StripeEventStore.create(hookGuard), StripeEventRedactor.create(),
          CanaryPayloads.stripeEvent(markers), StripeEventVerifier::toJson);
      keep(hookGuard, GitHubPushStore.create(hookGuard), GitHubPushRedactor.create(),
          CanaryPayloads.gitHubPush(markers), GitHubPushVerifier::toJson);
      keep(hookGuard, ShopifyOrderStore.create(hookGuard), ShopifyOrderRedactor.create(),
          CanaryPayloads.shopifyOrder(markers), ShopifyOrderVerifier::toJson);

      List<OutboxMessage> forwarded = relay(hookGuard);

      assertThat(forwarded).hasSize(3);
      String all = String.join("\n", forwarded.stream().map(OutboxMessage::body).toList());
      assertThat(markers.secret).hasSizeGreaterThan(10);
      for (String secret : markers.secret) {
        assertThat(all).doesNotContain(secret);
      }
      for (String plain : markers.plain) {
        assertThat(all).contains(plain);
      }
    }
  }

  @Test
  void onlyTheNamedPropertiesLeave() throws Exception {
    try (Databases.Sqlite database = new Databases.Sqlite(work)) {
      HookGuard hookGuard = database.open();
      Markers markers = new Markers();
      var event = CanaryPayloads.stripeEvent(markers);
      ReceiptStore<dev.hookguard.samples.stripe.StripeEvent> receipts = hookGuard.receipts(
          StripeEventStore.create(hookGuard),
          Forwarding.redacted(StripeEventRedactor.create()).onlyProperties("id", "type"));
      receipts.store("evt_1", true,
          StripeEventVerifier.toJson(event).getBytes(StandardCharsets.UTF_8), event);

      String body = relay(hookGuard).get(0).body();

      assertThat(body).contains("\"payload\":{\"id\":\"" + event.id() + "\",\"type\":\"");
      assertThat(body).doesNotContain("\"data\"");
    }
  }

  private static <X> void keep(HookGuard hookGuard, PayloadStore<X> store, Redactor<X> redactor,
      X payload, Function<X, String> json) {
    ReceiptStore<X> receipts = hookGuard.receipts(store, Forwarding.redacted(redactor));
    assertThat(receipts.store("msg_" + store.schema().payloadType(), true,
        json.apply(payload).getBytes(StandardCharsets.UTF_8), payload))
        .isEqualTo(ReceiptStore.Result.STORED);
  }

  private static List<OutboxMessage> relay(HookGuard hookGuard) {
    List<OutboxMessage> forwarded = new ArrayList<>();
    hookGuard.outbox().relay(messages -> {
      forwarded.addAll(messages);
      return PublishResult.allAccepted(messages);
    }).relayOnce();
    return forwarded;
  }
}
