package dev.hookguard.samples.spring;

import static dev.hookguard.samples.spring.Deliveries.githubPush;
import static dev.hookguard.samples.spring.Deliveries.shopifyOrder;
import static dev.hookguard.samples.spring.Deliveries.stripeEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditEntry;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.receiver.MicrometerReceiverMetrics;
import dev.hookguard.samples.github.GitHubPushStore;
import dev.hookguard.samples.shopify.ShopifyOrderStore;
import dev.hookguard.samples.spring.Deliveries.Answer;
import dev.hookguard.samples.spring.Deliveries.Signed;
import dev.hookguard.samples.stripe.StripeEvent;
import dev.hookguard.samples.stripe.StripeEventStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample application, started on a random port, receiving over real HTTP what the providers
 * would send, and what an attacker would: the same behaviour on every backend. Each test uses
 * ids and bodies of its own, so the tests of a class share one running application.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class SampleContract {

  @LocalServerPort int port;
  @Autowired HookGuard hookGuard;
  @Autowired MeterRegistry meters;

  Deliveries deliveries;

  /** Every byte the store keeps that could hold a value (files, or every row of every table). */
  abstract String rawStore() throws Exception;

  @BeforeEach
  void deliveries() {
    deliveries = new Deliveries(port);
  }

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
  }

  @Test
  void aValidEventIsAcceptedStoredOnceAndItsEncryptedFieldsAreNotInTheStore() throws Exception {
    String eventId = unique("evt_");
    // Signed with the secret being rotated out: any configured secret may match.
    Answer answer = deliveries.post(Deliveries.stripe(stripeEvent(eventId), Deliveries.STRIPE_OLD_SECRET));

    assertThat(answer).isEqualTo(new Answer(200, "ACCEPTED"));
    StripeEventStore store = StripeEventStore.create(hookGuard);
    assertThat(store.find(eventId)).hasValueSatisfying(event ->
        assertThat(event.data().object().email()).isEqualTo("j***@example.com"));
    assertThat(receivedEntries(eventId)).hasSize(1);
    String raw = rawStore();
    assertThat(raw).as("a plain value, so the scan reads the store").contains(eventId);
    assertThat(raw).as("@Encrypt values").doesNotContain("jenny.rosen@example.com", "+14155550132");
  }

  @Test
  void aForgedEventIsRefusedAndNothingIsStored() {
    String eventId = unique("evt_");
    Signed genuine = Deliveries.stripe(stripeEvent(eventId), Deliveries.STRIPE_NEW_SECRET);
    byte[] forged = new String(genuine.body(), StandardCharsets.UTF_8)
        .replace("jenny.rosen@example.com", "mallory@example.com").getBytes(StandardCharsets.UTF_8);

    assertThat(deliveries.post(genuine.withBody(forged)))
        .isEqualTo(new Answer(401, "REJECTED SIGNATURE_MISMATCH"));
    assertThat(deliveries.post(Deliveries.stripe(stripeEvent(eventId), "whsec_not_ours")))
        .isEqualTo(new Answer(401, "REJECTED SIGNATURE_MISMATCH"));
    assertThat(StripeEventStore.create(hookGuard).find(eventId)).isEmpty();
    assertThat(receivedEntries(eventId)).isEmpty();
  }

  @Test
  void aRedeliveryIsADuplicateAndTheListenerRunsOnce(CapturedOutput output) {
    String deliveryId = UUID.randomUUID().toString();
    String branch = unique("feature-");
    Signed push = Deliveries.github(deliveryId, githubPush(branch));

    assertThat(deliveries.post(push)).isEqualTo(new Answer(200, "ACCEPTED"));
    assertThat(deliveries.post(push)).isEqualTo(new Answer(200, "DUPLICATE"));
    // GitHub signs no delivery id: the same body under another id is the same delivery.
    assertThat(deliveries.post(Deliveries.github(UUID.randomUUID().toString(), githubPush(branch))))
        .isEqualTo(new Answer(200, "DUPLICATE"));

    assertThat(GitHubPushStore.create(hookGuard).find(deliveryId)).isPresent();
    assertThat(receivedEntries(deliveryId)).hasSize(1);
    assertThat(output.getOut().lines().filter(line -> line.contains("GitHub push " + deliveryId)))
        .as("the listener's log line").hasSize(1);
  }

  @Test
  void theSameIdWithAnotherBodyIsAConflictAndChangesNothing() {
    String webhookId = UUID.randomUUID().toString();
    String name = unique("#");
    assertThat(deliveries.post(Deliveries.shopify(webhookId, shopifyOrder(name))))
        .isEqualTo(new Answer(200, "ACCEPTED"));

    assertThat(deliveries.post(Deliveries.shopify(webhookId, shopifyOrder(name + "-changed"))))
        .isEqualTo(new Answer(409, "CONFLICT"));
    assertThat(ShopifyOrderStore.create(hookGuard).find(webhookId))
        .hasValueSatisfying(order -> assertThat(order.name()).isEqualTo(name));
  }

  @Test
  void anOversizedBodyIsRefusedWith413() {
    String eventId = unique("evt_");
    byte[] body = new byte[100 * 1024];   // over hookguard.receiver.max-body=64KB
    Arrays.fill(body, (byte) ' ');
    byte[] event = stripeEvent(eventId);
    System.arraycopy(event, 0, body, 0, event.length);

    Answer answer = deliveries.post(Deliveries.stripe(body, Deliveries.STRIPE_NEW_SECRET));

    assertThat(answer.status()).isEqualTo(413);
    assertThat(StripeEventStore.create(hookGuard).find(eventId)).isEmpty();
  }

  @Test
  void aGetIsRefusedWith405() {
    Answer answer = deliveries.send("GET",
        Deliveries.stripe(stripeEvent(unique("evt_")), Deliveries.STRIPE_NEW_SECRET),
        Map.of("X-Forwarded-Proto", "https"));

    assertThat(answer.status()).isEqualTo(405);
  }

  @Test
  void theProxysForwardedHeadersDecideHttpsAndTheClientAddress() {
    String eventId = unique("evt_");
    Signed event = Deliveries.stripe(stripeEvent(eventId), Deliveries.STRIPE_NEW_SECRET);

    // Not relayed over HTTPS: refused before the body is read.
    assertThat(deliveries.send("POST", event, Map.of())).isEqualTo(new Answer(403, "NOT_HTTPS"));
    // Relayed for a client outside the allow-list (127.0.0.0/8, ::1).
    assertThat(deliveries.send("POST", event,
            Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.9")))
        .isEqualTo(new Answer(403, "ADDRESS_NOT_ALLOWED"));
    assertThat(StripeEventStore.create(hookGuard).find(eventId)).isEmpty();

    assertThat(deliveries.post(event)).isEqualTo(new Answer(200, "ACCEPTED"));
  }

  @Test
  void logLinesShowPayloadsRedacted(CapturedOutput output) {
    String eventId = unique("evt_");
    assertThat(deliveries.post(Deliveries.stripe(stripeEvent(eventId), Deliveries.STRIPE_NEW_SECRET)).status())
        .isEqualTo(200);

    String logged = output.getOut();
    assertThat(logged).contains("webhook accepted: type=" + StripeEvent.class.getName() + " id=" + eventId)
        .contains("j***@example.com")   // Mask.EMAIL
        .contains("[REDACTED]");         // the name and the phone
    assertThat(logged).doesNotContain("jenny.rosen@example.com", "Jenny Rosen", "+14155550132");
  }

  @Test
  void everyAnswerIsCounted() {
    double before = accepted();
    assertThat(deliveries.post(Deliveries.stripe(stripeEvent(unique("evt_")), Deliveries.STRIPE_NEW_SECRET)).status())
        .isEqualTo(200);

    assertThat(accepted()).isEqualTo(before + 1);
  }

  @Test
  void theHealthEndpointShowsHookGuardUp() {
    Answer health = deliveries.get("/actuator/health");

    assertThat(health.status()).isEqualTo(200);
    JsonNode hookguard = JsonMapper.shared().readTree(health.body()).path("components").path("hookguard");
    assertThat(hookguard.path("status").asString()).isEqualTo("UP");
    assertThat(hookguard.path("details").path("audit").path("intact").asBoolean()).isTrue();
    assertThat(hookguard.path("details").path("retention").path("recordsPastExpiry").asLong())
        .isZero();
  }

  private double accepted() {
    var counter = meters.find(MicrometerReceiverMetrics.RECEIVED)
        .tags("type", StripeEvent.class.getName(), "outcome", "ACCEPTED").counter();
    return counter == null ? 0 : counter.count();
  }

  private java.util.List<AuditEntry> receivedEntries(String messageId) {
    return hookGuard.audit().tail(10_000).stream()
        .filter(entry -> entry.event().kind() == AuditEvent.Kind.RECEIVED)
        .filter(entry -> entry.event().recordId().equals(messageId))
        .toList();
  }
}
