package dev.hookguard.runtime.receiver;

import static dev.hookguard.runtime.receiver.Fixture.CLIENT;
import static dev.hookguard.runtime.receiver.Fixture.MARKER;
import static dev.hookguard.runtime.receiver.Fixture.address;
import static dev.hookguard.runtime.receiver.Fixture.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.receiver.ReceiptEvent.Outcome;
import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import io.micrometer.core.instrument.Meter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import dev.hookguard.runtime.HookGuard;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the receiver through every kind of outcome with a marker value in the payload, the headers,
 * the path and the forwarding headers, then searches everything the receiver emitted for it.
 */
class NoSensitiveValueTest {

  private final Fixture f = new Fixture();
  private final List<WebhookResponse> responses = new ArrayList<>();

  @TempDir
  Path work;

  private HookGuard hookGuard;

  @AfterEach
  void closeStore() {
    if (hookGuard != null) {
      hookGuard.close();
    }
  }

  /** Runs one request of each outcome the pipeline can produce. */
  private void driveEveryOutcome() {
    RateLimiter limiter =
        RateLimiter.builder().perSource(RateLimit.of(1, Duration.ofMinutes(1))).clock(f.clock).build();
    WebhookReceiver<Order> strict =
        f.builder()
            .trustedProxies(TrustedProxies.of("10.0.0.0/8"))
            .allowList(IpAllowList.of("203.0.113.0/24"))
            .rateLimiter(limiter)
            .maxBodyBytes(4096)
            .build();

    // The id is not sensitive (the redactor logs it); the email, which holds the marker, is.
    WebhookRequest ok = f.signed("msg_ok", "ord_1");
    responses.add(strict.handle(ok));
    responses.add(strict.handle(ok)); // rate limited
    WebhookReceiver<Order> open = f.builder().trustedProxies(TrustedProxies.of("10.0.0.0/8")).build();
    responses.add(open.handle(ok)); // replay
    responses.add(open.handle(Fixture.request(CLIENT, false, ok.headers(), ok.body())));
    responses.add(open.handle(Fixture.request(CLIENT, true, ok.headers(), Fixture.json(MARKER))));
    Map<String, List<String>> forwarded = with(ok.headers(), "X-Forwarded-For", MARKER + ".example");
    responses.add(open.handle(Fixture.request(address("10.0.0.1"), true, forwarded, ok.body())));
    responses.add(strict.handle(Fixture.request(address("198.51.100.1"), true, ok.headers(), ok.body())));
    byte[] notJson = ("<xml>" + MARKER + "</xml>").getBytes(StandardCharsets.UTF_8);
    responses.add(open.handle(f.signed("msg_bad", notJson)));
    responses.add(
        f.builder()
            .maxBodyBytes(16)
            .build()
            .handle(f.signed("msg_big2", Fixture.json("ord_2"))));
    responses.add(
        open.handle(new WebhookRequest(CLIENT, true, "PUT", "/" + MARKER, ok.headers(), ok.body())));
    responses.add(
        f.builder()
            .handler(
                (id, order) -> {
                  throw new IllegalArgumentException("bad email " + order.email());
                })
            .build()
            .handle(f.signed("msg_h", "ord_h")));
    responses.add(
        f.builder()
            .sink(
                (id, order) -> {
                  throw new IllegalStateException("cannot store " + order);
                })
            .build()
            .handle(f.signed("msg_s", "ord_s")));
    responses.add(
        f.builder()
            .listener(
                event -> {
                  throw new IllegalStateException("audit down " + MARKER);
                })
            .build()
            .handle(f.signed("msg_l", "ord_l")));
    // Receipts on a real store: stored, stored again (duplicate), another body (conflict).
    hookGuard = HookGuard.builder().sqlite(work.resolve("hookguard.db")).developmentMasterKey()
        .clock(f.clock).build();
    WebhookReceiver<Order> kept =
        WebhookReceiver.builder(Order.class, new OrderVerifier(f.signature, messageId -> {}))
            .messageIds(f.signature)
            .receipts(hookGuard.receipts(new OrderPayloadStore()))
            .redactor(new OrderRedactor())
            .listener(f.events::add)
            .metrics(MicrometerReceiverMetrics.of(f.registry))
            .clock(f.clock)
            .logger(f.log)
            .build();
    responses.add(kept.handle(f.signed("msg_r", "ord_r")));
    responses.add(kept.handle(f.signed("msg_r", "ord_r")));
    responses.add(kept.handle(f.signed("msg_r", "ord_" + MARKER)));
  }

  @Test
  void theDriveReachesEveryOutcome() {
    driveEveryOutcome();

    Set<Outcome> seen = f.events.stream().map(ReceiptEvent::outcome).collect(Collectors.toSet());
    Set<Outcome> expected = new HashSet<>(Arrays.asList(Outcome.values()));
    expected.remove(Outcome.VERIFIER_FAILED); // covered in WebhookReceiverTest
    expected.remove(Outcome.RATE_LIMITED_OVERALL);
    // The listener that throws on acceptance reports LISTENER_FAILED through metrics only.
    expected.remove(Outcome.LISTENER_FAILED);
    assertThat(seen).containsAll(expected);
    assertThat(f.registry.find(MicrometerReceiverMetrics.RECEIVED).tag("outcome", "LISTENER_FAILED").counter())
        .isNotNull();
  }

  @Test
  void noLogLineContainsTheMarker() {
    driveEveryOutcome();

    assertThat(f.log.lines()).isNotEmpty();
    assertThat(f.log.lines()).noneMatch(line -> line.contains(MARKER));
    assertThat(f.log.lines()).noneMatch(line -> line.contains("203.0.113.9"));
    assertThat(f.log.lines())
        .anyMatch(line -> line.contains("webhook accepted") && line.contains("email=[REDACTED]"));
  }

  @Test
  void noLogLineOfTheDefaultSlf4jLoggerContainsTheMarker() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      WebhookReceiver<Order> receiver =
          WebhookReceiver.builder(Order.class, new OrderVerifier(f.signature, f.replayGuard))
              .messageIds(f.signature)
              .sink(
                  (id, order) -> {
                    throw new IllegalStateException(order.email());
                  })
              .redactor(new OrderRedactor())
              .build();
      receiver.handle(f.signed("msg_1", "ord_1"));
      receiver.handle(f.signed("msg_2", ("{" + MARKER).getBytes(StandardCharsets.UTF_8)));
    } finally {
      System.setErr(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);

    assertThat(output).contains("webhook failed").contains("SINK_FAILED");
    assertThat(output).doesNotContain(MARKER);
  }

  @Test
  void noResponseOrEventContainsTheMarker() {
    driveEveryOutcome();

    assertThat(responses).allSatisfy(r -> assertThat(r.toString()).doesNotContain(MARKER));
    assertThat(f.events).allSatisfy(e -> assertThat(e.toString()).doesNotContain(MARKER));
  }

  @Test
  void metricTagsAreOnlyEnumNames() {
    driveEveryOutcome();

    Set<String> allowed = new HashSet<>();
    Arrays.stream(Outcome.values()).forEach(o -> allowed.add(o.name()));
    Arrays.stream(Reason.values()).forEach(r -> allowed.add(r.name()));
    allowed.add(MicrometerReceiverMetrics.NO_REASON);
    allowed.add("Order");

    assertThat(f.registry.getMeters()).isNotEmpty();
    for (Meter meter : f.registry.getMeters()) {
      assertThat(meter.getId().getName())
          .isIn(MicrometerReceiverMetrics.RECEIVED, MicrometerReceiverMetrics.LATENCY);
      meter.getId().getTags().forEach(tag -> assertThat(tag.getKey()).isIn("type", "outcome", "reason"));
    }
    assertThat(f.tagValues()).isSubsetOf(allowed);
  }

  @Test
  void countersAndTimerAreRecordedPerOutcomeAndReason() {
    WebhookReceiver<Order> receiver = f.builder().build();
    WebhookRequest ok = f.signed("msg_1", "ord_1");
    receiver.handle(ok);
    receiver.handle(ok);

    assertThat(
            f.registry.get(MicrometerReceiverMetrics.RECEIVED)
                .tags("outcome", "ACCEPTED", "reason", "NONE")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(
            f.registry.get(MicrometerReceiverMetrics.RECEIVED)
                .tags("outcome", "REJECTED", "reason", "REPLAYED")
                .counter()
                .count())
        .isEqualTo(1.0);
    assertThat(f.registry.get(MicrometerReceiverMetrics.LATENCY).tags("outcome", "ACCEPTED").timer().count())
        .isEqualTo(1);
  }
}
