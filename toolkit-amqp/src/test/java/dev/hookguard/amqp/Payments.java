package dev.hookguard.amqp;

import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Payments with a canary in every sensitive property (each contains {@code secret} in some
 * letter case, which no mask shows), signed with Standard Webhooks, and a loopback client.
 */
final class Payments {

  /** The payload type name payments are stored and forwarded under. */
  static final String TYPE = Payment.class.getName();

  static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
      "hookguard-forwarding-test-secret!".getBytes(StandardCharsets.UTF_8));

  final WebhookSignature signature = Signatures.standardWebhooks(SECRET).withClock(Clock.systemUTC());
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();

  /** Payment {@code n}: plain id, amount and currency; canaries everywhere sensitive. */
  static Payment payment(int n) {
    return new Payment("pay_" + n, 1000L + n, "EUR",
        "secret" + n + "@example.com",
        "SECRETCARD" + String.format(Locale.ROOT, "%08d", n),
        "Secret Holder " + n,
        "cus_SECRET_" + n,
        "sk_live_SECRET_" + n);
  }

  /** Whether {@code text} holds any canary. */
  static boolean holdsACanary(String text) {
    return text.toLowerCase(Locale.ROOT).contains("secret");
  }

  /** Posts payment {@code n} under {@code messageId} to {@code uri}; returns status and body. */
  List<String> post(URI uri, String messageId, int n) throws Exception {
    byte[] body = PaymentVerifier.toJson(payment(n)).getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    signature.sign(messageId, java.time.Instant.now(), body).forEach(request::header);
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return List.of(Integer.toString(response.statusCode()), response.body().strip());
  }
}
