package dev.hookguard.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditEntry;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.receiver.WebhookRequest;
import dev.hookguard.runtime.receiver.WebhookResponse;
import dev.hookguard.runtime.signature.ReplayGuard;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import dev.hookguard.samples.stripe.StripeEventStore;
import dev.hookguard.testsupport.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's clock example, run: one clock, given to the {@code HookGuard} builder and taken
 * from {@code hookGuard.clock()} by the signature and the rate limiter, drives everything that
 * reads time. The clock starts years after the machine's, so anything still on the system clock
 * would refuse the signed timestamps or keep the records.
 */
class OneClockTest {

  static final String SECRET = "whsec_readme_clock_example";
  static final Instant START = Instant.parse("2031-06-01T12:00:00Z");
  static final InetAddress PEER = InetAddress.getLoopbackAddress();

  @TempDir Path folder;

  final TestClock clock = new TestClock(START);
  CoreApiExamples.Clocked built;

  @BeforeEach
  void build() {
    built = CoreApiExamples.oneClock(
        clock, folder.resolve("hookguard.db"), MasterKey.localFile(folder.resolve("master.key")),
        SECRET);
  }

  @AfterEach
  void close() {
    built.hookGuard().close();
  }

  static byte[] stripeEvent(String id) throws IOException {
    try (InputStream in = OneClockTest.class.getResourceAsStream(
        "/dev/hookguard/samples/payloads/stripe-customer.created.json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return json.replaceFirst("\"id\": *\"evt_[^\"]*\"", "\"id\": \"" + id + "\"")
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  WebhookResponse send(byte[] body, Instant signedAt) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Signatures.stripe(SECRET).sign("unused", signedAt, body)
        .forEach((name, value) -> headers.put(name, List.of(value)));
    return built.receiver().handle(
        new WebhookRequest(PEER, true, "POST", "/webhooks/stripe", headers, body));
  }

  @Test
  void receiptsAndTheirAuditEntriesAreDatedByTheOneClock() throws Exception {
    assertThat(send(stripeEvent("evt_clock_1"), clock.instant()).status()).isEqualTo(200);

    AuditEntry received = built.hookGuard().audit().tail(1).get(0);
    assertThat(received.event().kind()).isEqualTo(AuditEvent.Kind.RECEIVED);
    assertThat(received.event().time()).isEqualTo(START);
    assertThat(built.hookGuard().clock()).isSameAs(clock);
  }

  @Test
  void theSignaturesToleranceFollowsTheOneClock() throws Exception {
    assertThat(send(stripeEvent("evt_clock_2"), START.minusSeconds(60)).status())
        .as("a minute old by the one clock (years ahead of the machine's)")
        .isEqualTo(200);
    clock.advance(Duration.ofMinutes(10));

    assertThat(send(stripeEvent("evt_clock_3"), START).status())
        .as("ten minutes old by the one clock: outside the tolerance")
        .isEqualTo(401);
    assertThat(send(stripeEvent("evt_clock_3"), clock.instant()).status()).isEqualTo(200);
  }

  @Test
  void theRateLimiterRefillsByTheOneClock() throws Exception {
    byte[] forged = stripeEvent("evt_forged");
    for (int i = 0; i < 50; i++) {
      assertThat(send(forged, START.minus(Duration.ofDays(1))).status()).isEqualTo(401);
    }
    assertThat(send(forged, START).status()).as("the 51st in one second").isEqualTo(429);

    clock.advance(Duration.ofSeconds(1));

    assertThat(send(stripeEvent("evt_clock_4"), clock.instant()).status()).isEqualTo(200);
  }

  @Test
  void replayGuardsForgetByTheOneClock() throws Exception {
    ReplayGuard shared = built.hookGuard().replayGuard(Duration.ofMinutes(10));
    for (ReplayGuard guard : List.of(built.seen(), shared)) {
      guard.checkAndRecord("msg_1");
      assertThatThrownBy(() -> guard.checkAndRecord("msg_1"))
          .isInstanceOf(WebhookVerificationException.class)
          .satisfies(e -> assertThat(((WebhookVerificationException) e).reason())
              .isEqualTo(WebhookVerificationException.Reason.REPLAYED));
    }

    clock.advance(Duration.ofMinutes(11));

    for (ReplayGuard guard : List.of(built.seen(), shared)) {
      assertThatCode(() -> guard.checkAndRecord("msg_1")).as(guard.toString())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void retentionReadsAndSweepsByTheOneClock() throws Exception {
    HookGuard hookGuard = built.hookGuard();
    assertThat(send(stripeEvent("evt_clock_5"), clock.instant()).status()).isEqualTo(200);
    StripeEventStore store = StripeEventStore.create(hookGuard);
    assertThat(store.find("evt_clock_5")).isPresent();

    clock.advance(Duration.ofDays(91));   // StripeEvent is kept 90 days

    assertThat(store.find("evt_clock_5")).isEmpty();
    assertThat(hookGuard.retention().sweep().recordsDeleted()).isEqualTo(1);
  }
}
