package dev.hookguard.runtime.receiver;

import static dev.hookguard.runtime.receiver.Fixture.CLIENT;
import static dev.hookguard.runtime.receiver.Fixture.address;
import static dev.hookguard.runtime.receiver.Fixture.json;
import static dev.hookguard.runtime.receiver.Fixture.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookguard.runtime.receiver.ReceiptEvent.Outcome;
import dev.hookguard.runtime.signature.ReplayGuard;
import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each status code the pipeline answers, reached through the whole pipeline with real signatures. */
class WebhookReceiverTest {

  private final Fixture f = new Fixture();

  private ReceiptEvent lastEvent() {
    return f.events.get(f.events.size() - 1);
  }

  @Test
  void aSignedValidWebhookIsStoredThenAnswered200() {
    WebhookResponse response = f.builder().build().handle(f.signed("msg_1", "ord_1"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.accepted()).isTrue();
    assertThat(response.body()).isEqualTo("ACCEPTED\n");
    assertThat(f.stored).containsOnlyKeys("msg_1");
    assertThat(f.stored.get("msg_1").id()).isEqualTo("ord_1");
    assertThat(lastEvent().outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(lastEvent().messageId()).contains("msg_1");
    assertThat(lastEvent().payloadType()).isEqualTo("Order");
  }

  @Test
  void theHandlerRunsBeforeTheSinkWithTheMessageId() {
    List<String> calls = new ArrayList<>();
    WebhookReceiver<Order> receiver =
        f.builder()
            .handler((id, order) -> calls.add("handler " + id + " " + order.id()))
            .sink((id, order) -> calls.add("sink " + id))
            .build();

    assertThat(receiver.handle(f.signed("msg_1", "ord_1")).status()).isEqualTo(200);
    assertThat(calls).containsExactly("handler msg_1 ord_1", "sink msg_1");
  }

  @Test
  void aBodyThatIsNotJsonIs400() {
    byte[] body = "not json".getBytes(StandardCharsets.UTF_8);
    WebhookResponse response = f.builder().build().handle(f.signed("msg_1", body));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("REJECTED MALFORMED_PAYLOAD\n");
    assertThat(f.stored).isEmpty();
  }

  @Test
  void aPayloadWithoutItsRequiredIdIs400() {
    byte[] body = "{\"email\":\"x@example.com\"}".getBytes(StandardCharsets.UTF_8);
    WebhookResponse response = f.builder().build().handle(f.signed("msg_1", body));

    assertThat(response.status()).isEqualTo(400);
    assertThat(lastEvent().reason()).contains(Reason.INVALID_PAYLOAD);
    assertThat(f.stored).isEmpty();
  }

  @Test
  void aForgedSignatureIs401AndStoresNothing() {
    WebhookRequest signed = f.signed("msg_1", "ord_1");
    byte[] tampered = json("ord_2");
    WebhookRequest forged = Fixture.request(CLIENT, true, signed.headers(), tampered);

    WebhookResponse response = f.builder().build().handle(forged);

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("REJECTED SIGNATURE_MISMATCH\n");
    assertThat(f.stored).isEmpty();
    assertThat(lastEvent().messageId()).as("an unauthenticated id is not reported").isEmpty();
  }

  @Test
  void aMissingSignatureHeaderIs401() {
    WebhookRequest signed = f.signed("msg_1", "ord_1");
    Map<String, List<String>> headers = new java.util.LinkedHashMap<>(signed.headers());
    headers.remove("webhook-signature");

    WebhookResponse response =
        f.builder().build().handle(Fixture.request(CLIENT, true, headers, signed.body()));

    assertThat(response.status()).isEqualTo(401);
    assertThat(lastEvent().reason()).contains(Reason.MISSING_HEADER);
  }

  @Test
  void aStaleTimestampIs401() {
    WebhookRequest signed = f.signed("msg_1", "ord_1");
    f.clock.advance(Duration.ofMinutes(6));

    WebhookResponse response = f.builder().build().handle(signed);

    assertThat(response.status()).isEqualTo(401);
    assertThat(lastEvent().reason()).contains(Reason.TIMESTAMP_TOO_OLD);
  }

  @Test
  void plainHttpIs403() {
    WebhookRequest signed = f.signed("msg_1", "ord_1");
    WebhookRequest plain = Fixture.request(CLIENT, false, signed.headers(), signed.body());

    WebhookResponse response = f.builder().build().handle(plain);

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("NOT_HTTPS\n");
    assertThat(f.stored).isEmpty();
  }

  @Test
  void plainHttpIsAcceptedOnlyWhenExplicitlyAllowed() {
    WebhookRequest signed = f.signed("msg_1", "ord_1");
    WebhookRequest plain = Fixture.request(CLIENT, false, signed.headers(), signed.body());

    assertThat(f.builder().allowPlainHttp().build().handle(plain).status()).isEqualTo(200);
    assertThat(f.log.lines()).anyMatch(l -> l.startsWith("WARN") && l.contains("plain HTTP"));
  }

  @Test
  void forwardedProtoHttpsFromATrustedProxyCountsAsHttps() {
    WebhookRequest signed = f.signed("msg_1", "ord_1");
    Map<String, List<String>> headers =
        with(with(signed.headers(), "X-Forwarded-Proto", "https"), "X-Forwarded-For", "203.0.113.9");
    WebhookRequest viaProxy = Fixture.request(address("10.0.0.5"), false, headers, signed.body());

    WebhookReceiver<Order> receiver =
        f.builder().trustedProxies(TrustedProxies.of("10.0.0.0/8")).build();

    assertThat(receiver.handle(viaProxy).status()).isEqualTo(200);
  }

  @Test
  void forwardedProtoHttpsFromAnUntrustedPeerIsIgnored() {
    WebhookRequest signed = f.signed("msg_1", "ord_1");
    Map<String, List<String>> headers = with(signed.headers(), "X-Forwarded-Proto", "https");
    WebhookRequest spoofed = Fixture.request(CLIENT, false, headers, signed.body());

    WebhookReceiver<Order> receiver =
        f.builder().trustedProxies(TrustedProxies.of("10.0.0.0/8")).build();

    assertThat(receiver.handle(spoofed).status()).isEqualTo(403);
  }

  @Test
  void aTrustedProxyReportingPlainHttpIs403EvenOverTls() {
    WebhookRequest signed = f.signed("msg_1", "ord_1");
    Map<String, List<String>> headers = with(signed.headers(), "X-Forwarded-Proto", "http");
    WebhookRequest viaProxy = Fixture.request(address("10.0.0.5"), true, headers, signed.body());

    WebhookReceiver<Order> receiver =
        f.builder().trustedProxies(TrustedProxies.of("10.0.0.0/8")).build();

    assertThat(receiver.handle(viaProxy).status()).isEqualTo(403);
    assertThat(lastEvent().outcome()).isEqualTo(Outcome.NOT_HTTPS);
  }

  @Test
  void anAddressOutsideTheAllowListIs403() {
    WebhookReceiver<Order> receiver = f.builder().allowList(IpAllowList.of("198.51.100.0/24")).build();

    WebhookResponse response = receiver.handle(f.signed("msg_1", "ord_1"));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("ADDRESS_NOT_ALLOWED\n");
    assertThat(f.stored).isEmpty();
  }

  @Test
  void anAddressInsideTheAllowListIsAccepted() {
    WebhookReceiver<Order> receiver = f.builder().allowList(IpAllowList.of("203.0.113.0/24")).build();

    assertThat(receiver.handle(f.signed("msg_1", "ord_1")).status()).isEqualTo(200);
  }

  @Test
  void aSpoofedForwardedForFromAnUntrustedPeerDoesNotPassTheAllowList() {
    WebhookRequest signed = f.signed("msg_1", "ord_1");
    Map<String, List<String>> headers = with(signed.headers(), "X-Forwarded-For", "198.51.100.7");
    WebhookReceiver<Order> receiver =
        f.builder()
            .trustedProxies(TrustedProxies.of("10.0.0.0/8"))
            .allowList(IpAllowList.of("198.51.100.0/24"))
            .build();

    WebhookResponse response = receiver.handle(Fixture.request(CLIENT, true, headers, signed.body()));

    assertThat(response.status()).isEqualTo(403);
    assertThat(lastEvent().outcome()).isEqualTo(Outcome.ADDRESS_NOT_ALLOWED);
  }

  @Test
  void aMalformedForwardedForFromATrustedProxyIs403() {
    WebhookRequest signed = f.signed("msg_1", "ord_1");
    Map<String, List<String>> headers = with(signed.headers(), "X-Forwarded-For", "unknown");
    WebhookReceiver<Order> receiver =
        f.builder().trustedProxies(TrustedProxies.of("10.0.0.0/8")).build();

    WebhookResponse response =
        receiver.handle(Fixture.request(address("10.1.2.3"), true, headers, signed.body()));

    assertThat(response.status()).isEqualTo(403);
    assertThat(lastEvent().outcome()).isEqualTo(Outcome.ADDRESS_UNRESOLVED);
  }

  @Test
  void aGetIs405WithAllowPost() {
    WebhookRequest signed = f.signed("msg_1", "ord_1");
    WebhookRequest get =
        new WebhookRequest(CLIENT, true, "GET", "/hooks", signed.headers(), new byte[0]);

    WebhookResponse response = f.builder().build().handle(get);

    assertThat(response.status()).isEqualTo(405);
    assertThat(response.headers()).containsEntry("Allow", "POST");
  }

  @Test
  void aReplayedMessageIs409AndStoredOnce() {
    WebhookReceiver<Order> receiver = f.builder().build();
    WebhookRequest request = f.signed("msg_1", "ord_1");

    assertThat(receiver.handle(request).status()).isEqualTo(200);
    WebhookResponse replay = receiver.handle(request);

    assertThat(replay.status()).isEqualTo(409);
    assertThat(replay.body()).isEqualTo("REJECTED REPLAYED\n");
    assertThat(f.stored).hasSize(1);
    assertThat(lastEvent().messageId()).as("a replay is authenticated: its id is reported").contains("msg_1");
  }

  @Test
  void aBodyOverTheLimitIs413BeforeVerification() {
    WebhookReceiver<Order> receiver = f.builder().maxBodyBytes(64).build();
    byte[] big = json("x".repeat(100));

    WebhookResponse response = receiver.handle(f.signed("msg_1", big));

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.body()).isEqualTo("PAYLOAD_TOO_LARGE\n");
    assertThat(lastEvent().reason()).isEmpty();
  }

  @Test
  void aDeclaredLengthOverTheLimitIs413() {
    WebhookReceiver<Order> receiver = f.builder().maxBodyBytes(1024).build();
    WebhookRequest signed = f.signed("msg_1", "ord_1");
    Map<String, List<String>> headers = with(signed.headers(), "Content-Length", "999999999");

    WebhookResponse response = receiver.handle(Fixture.request(CLIENT, true, headers, signed.body()));

    assertThat(response.status()).isEqualTo(413);
  }

  @Test
  void aVerifierSizeLimitIs413Too() {
    WebhookReceiver<Order> receiver =
        WebhookReceiver.builder(
                Order.class,
                (PayloadVerifier<Order>)
                    (headers, body) -> {
                      throw new dev.hookguard.runtime.signature.WebhookVerificationException(
                          Reason.PAYLOAD_TOO_LARGE, "over the verifier's limit");
                    })
            .sink((id, order) -> {})
            .build();

    assertThat(receiver.handle(f.signed("msg_1", "ord_1")).status()).isEqualTo(413);
  }

  @Test
  void aSourceOverItsRateIs429WithRetryAfterSeconds() {
    RateLimiter limiter =
        RateLimiter.builder().perSource(RateLimit.of(1, Duration.ofSeconds(30))).clock(f.clock).build();
    WebhookReceiver<Order> receiver = f.builder().rateLimiter(limiter).build();

    assertThat(receiver.handle(f.signed("msg_1", "ord_1")).status()).isEqualTo(200);
    WebhookResponse limited = receiver.handle(f.signed("msg_2", "ord_2"));

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.headers()).containsEntry("Retry-After", "30");
    assertThat(lastEvent().outcome()).isEqualTo(Outcome.RATE_LIMITED_SOURCE);
    assertThat(f.stored).containsOnlyKeys("msg_1");
  }

  @Test
  void theOverallRateIs429ForEverySource() {
    RateLimiter limiter =
        RateLimiter.builder().overall(RateLimit.of(1, Duration.ofSeconds(5))).clock(f.clock).build();
    WebhookReceiver<Order> receiver = f.builder().rateLimiter(limiter).build();

    receiver.handle(f.signed("msg_1", "ord_1"));
    WebhookRequest other = f.signed("msg_2", "ord_2");
    WebhookResponse limited =
        receiver.handle(Fixture.request(address("198.51.100.1"), true, other.headers(), other.body()));

    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.headers()).containsEntry("Retry-After", "5");
    assertThat(lastEvent().outcome()).isEqualTo(Outcome.RATE_LIMITED_OVERALL);
  }

  @Test
  void aFailingHandlerIs500AndStoresNothing() {
    WebhookReceiver<Order> receiver =
        f.builder()
            .handler(
                (id, order) -> {
                  throw new IllegalStateException("cannot handle " + order.email());
                })
            .build();

    WebhookResponse response = receiver.handle(f.signed("msg_1", "ord_1"));

    assertThat(response.status()).isEqualTo(500);
    assertThat(f.stored).isEmpty();
    assertThat(f.events).extracting(ReceiptEvent::outcome).containsExactly(Outcome.HANDLER_FAILED);
  }

  @Test
  void aFailingSinkIs503AndNothingIsReportedAsAccepted() {
    WebhookReceiver<Order> receiver =
        f.builder()
            .sink(
                (id, order) -> {
                  throw new java.sql.SQLException("disk full while writing " + order.email());
                })
            .build();

    WebhookResponse response = receiver.handle(f.signed("msg_1", "ord_1"));

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.accepted()).isFalse();
    assertThat(f.events).extracting(ReceiptEvent::outcome).containsExactly(Outcome.SINK_FAILED);
    assertThat(f.registry.find(MicrometerReceiverMetrics.RECEIVED).tag("outcome", "ACCEPTED").counter())
        .isNull();
  }

  @Test
  void aFloodOfForgedRequestsIsCountedExactlyButLoggedAtABoundedRate() {
    WebhookReceiver<Order> receiver = f.builder().build();
    byte[] body = Fixture.json("ord_1");
    Map<String, List<String>> forged = Fixture.with(f.signedHeaders("msg_1", body),
        "webhook-signature", "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

    for (int i = 0; i < 500; i++) {
      assertThat(receiver.handle(Fixture.request(Fixture.CLIENT, true, forged, body)).status())
          .isEqualTo(401);
    }

    assertThat(f.registry.find(MicrometerReceiverMetrics.RECEIVED).tag("outcome", "REJECTED")
        .counter().count()).isEqualTo(500.0);
    assertThat(f.events).hasSize(500);
    assertThat(f.log.lines()).filteredOn(l -> l.contains("webhook refused"))
        .hasSize(ReceiverReport.REFUSALS_LOGGED_PER_SECOND);
    // An answer to an authenticated request is logged all the same, in the same second.
    assertThat(receiver.handle(f.signed("msg_ok", "ord_9")).status()).isEqualTo(200);
    assertThat(receiver.handle(f.signed("msg_ok", "ord_9")).status()).isEqualTo(409);
    assertThat(f.log.lines()).anyMatch(l -> l.contains("reason=REPLAYED") && l.contains("msg_ok"));

    // The next second: logged again, with how many lines were left out.
    f.clock.advance(java.time.Duration.ofSeconds(1));
    receiver.handle(Fixture.request(Fixture.CLIENT, true, forged, body));
    assertThat(f.log.lines())
        .anyMatch(l -> l.contains("webhook refusals not logged")
            && l.contains("count=" + (500 - ReceiverReport.REFUSALS_LOGGED_PER_SECOND)));
    assertThat(f.log.lines()).filteredOn(l -> l.contains("webhook refused"))
        .hasSize(ReceiverReport.REFUSALS_LOGGED_PER_SECOND + 2);
  }

  @Test
  void aFailingListenerOnAcceptanceIs500() {
    WebhookReceiver<Order> receiver =
        f.builder()
            .listener(
                event -> {
                  throw new IllegalStateException("audit trail unavailable");
                })
            .build();

    assertThat(receiver.handle(f.signed("msg_1", "ord_1")).status()).isEqualTo(500);
    assertThat(f.registry.find(MicrometerReceiverMetrics.RECEIVED).tag("outcome", "LISTENER_FAILED").counter())
        .isNotNull();
  }

  @Test
  void aFailingListenerDoesNotChangeARefusal() {
    WebhookReceiver<Order> receiver =
        f.builder()
            .listener(
                event -> {
                  throw new IllegalStateException("audit trail unavailable");
                })
            .build();
    WebhookRequest signed = f.signed("msg_1", "ord_1");

    WebhookResponse response =
        receiver.handle(Fixture.request(CLIENT, false, signed.headers(), signed.body()));

    assertThat(response.status()).isEqualTo(403);
  }

  @Test
  void aVerifierThatThrowsUncheckedIs500() {
    WebhookReceiver<Order> receiver =
        WebhookReceiver.builder(
                Order.class,
                (PayloadVerifier<Order>)
                    (headers, body) -> {
                      throw new IllegalStateException("bug");
                    })
            .sink((id, order) -> {})
            .build();

    assertThat(receiver.handle(f.signed("msg_1", "ord_1")).status()).isEqualTo(500);
  }

  @Test
  void aFullReplayGuardIs503() {
    ReplayGuard tiny = ReplayGuard.inMemory(Duration.ofMinutes(10), 1, f.clock);
    WebhookReceiver<Order> receiver =
        WebhookReceiver.builder(Order.class, new OrderVerifier(f.signature, tiny))
            .messageIds(f.signature)
            .sink((id, order) -> {})
            .listener(f.events::add)
            .build();

    receiver.handle(f.signed("msg_1", "ord_1"));
    WebhookResponse full = receiver.handle(f.signed("msg_2", "ord_2"));

    assertThat(full.status()).isEqualTo(503);
    assertThat(lastEvent().reason()).contains(Reason.REPLAY_GUARD_FULL);
  }

  @Test
  void withoutASignedIdThePayloadIdIsUsed() {
    WebhookReceiver<Order> receiver =
        WebhookReceiver.builder(Order.class, new OrderVerifier(f.signature, f.replayGuard))
            .payloadIds(Order::id)
            .sink(f.stored::put)
            .build();

    receiver.handle(f.signed("msg_1", "ord_1"));

    assertThat(f.stored).containsOnlyKeys("ord_1");
  }

  @ParameterizedTest
  @EnumSource(Reason.class)
  void everyVerificationReasonHasAClientOrRetryStatus(Reason reason) {
    assertThat(Statuses.of(reason)).isIn(400, 401, 409, 413, 503);
  }

  @ParameterizedTest
  @EnumSource(Outcome.class)
  void onlyAcceptanceIs2xx(Outcome outcome) {
    int status = Statuses.of(outcome, Reason.SIGNATURE_MISMATCH);
    // A duplicate is the answer to a stored event again: 2xx, so the provider stops retrying.
    assertThat(status >= 200 && status < 300)
        .isEqualTo(outcome == Outcome.ACCEPTED || outcome == Outcome.DUPLICATE);
  }

  @Test
  void aReceiverNeedsASink() {
    assertThatThrownBy(() -> WebhookReceiver.builder(Order.class, (h, b) -> null).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sink");
  }

  @Test
  void theRequestToStringShowsNoValue() {
    WebhookRequest request = f.signed("msg_1", "ord_1");

    assertThat(request.toString())
        .doesNotContain(Fixture.MARKER)
        .doesNotContain("203.0.113.9")
        .doesNotContain("msg_1")
        .startsWith("WebhookRequest[method=POST");
  }
}
