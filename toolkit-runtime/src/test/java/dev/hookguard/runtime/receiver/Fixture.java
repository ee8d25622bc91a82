package dev.hookguard.runtime.receiver;

import dev.hookguard.testsupport.TestClock;
import dev.hookguard.runtime.signature.ReplayGuard;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookSignature;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One receiver's surroundings for a test: a real Standard Webhooks signature on a clock the test
 * controls, an in-memory replay guard, a sink that keeps what it is given, a listener, a meter
 * registry and a capturing logger.
 */
final class Fixture {

  static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
  static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(bytes(32));
  /** A value that must never appear in a log line, a metric, an event or a response. */
  static final String MARKER = "SENSITIVE-7731";
  static final InetAddress CLIENT = address("203.0.113.9");

  final TestClock clock = new TestClock(NOW);
  final WebhookSignature signature = Signatures.standardWebhooks(SECRET).withClock(clock);
  final ReplayGuard replayGuard = ReplayGuard.inMemory(Duration.ofMinutes(10), 1_000, clock);
  final Map<String, Order> stored = new LinkedHashMap<>();
  final List<ReceiptEvent> events = new CopyOnWriteArrayList<>();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final CapturingLogger log = new CapturingLogger();

  /** A receiver builder with every part of this fixture plugged in; HTTPS required. */
  WebhookReceiver.Builder<Order> builder() {
    return WebhookReceiver.builder(Order.class, new OrderVerifier(signature, replayGuard))
        .messageIds(signature)
        .sink(
            (id, order) -> {
              synchronized (stored) {
                stored.put(id, order);
              }
            })
        .redactor(new OrderRedactor())
        .listener(events::add)
        .metrics(MicrometerReceiverMetrics.of(registry))
        .clock(clock)
        .logger(log);
  }

  /** A TLS request from {@link #CLIENT}, signed now, carrying an order with the marker email. */
  WebhookRequest signed(String messageId, String orderId) {
    return signed(messageId, json(orderId));
  }

  /** A TLS request from {@link #CLIENT} with {@code body} signed now under {@code messageId}. */
  WebhookRequest signed(String messageId, byte[] body) {
    return request(CLIENT, true, signedHeaders(messageId, body), body);
  }

  Map<String, List<String>> signedHeaders(String messageId, byte[] body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    signature.sign(messageId, clock.instant(), body).forEach((k, v) -> headers.put(k, List.of(v)));
    headers.put("Content-Type", List.of("application/json"));
    headers.put("X-Debug-Token", List.of(MARKER));
    return headers;
  }

  static WebhookRequest request(
      InetAddress remote, boolean secure, Map<String, List<String>> headers, byte[] body) {
    return new WebhookRequest(remote, secure, "POST", "/hooks/orders?token=" + MARKER, headers, body);
  }

  static byte[] json(String orderId) {
    return ("{\"id\":\"" + orderId + "\",\"email\":\"" + MARKER + "@example.com\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static Map<String, List<String>> with(
      Map<String, List<String>> headers, String name, String... values) {
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    copy.put(name, List.of(values));
    return copy;
  }

  static InetAddress address(String literal) {
    try {
      // Literals only: getByName makes no look-up for them.
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  /** Every tag value of every meter in the registry. */
  List<String> tagValues() {
    List<String> values = new ArrayList<>();
    registry.getMeters().forEach(m -> m.getId().getTags().forEach(t -> values.add(t.getValue())));
    return values;
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 7 + 3);
    }
    return b;
  }
}
