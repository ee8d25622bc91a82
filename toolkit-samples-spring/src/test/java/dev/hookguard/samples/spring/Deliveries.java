package dev.hookguard.samples.spring;

import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Webhooks as the providers send them, signed with the test secrets, posted over real HTTP with
 * the JDK's client, as if relayed by the TLS-terminating proxy on this machine ({@code
 * X-Forwarded-Proto: https}) unless asked otherwise.
 */
final class Deliveries {

  /** The secrets the tests configure: Stripe's old one is being rotated out. */
  static final String STRIPE_OLD_SECRET = "whsec_test_stripe_old_5f2c";
  static final String STRIPE_NEW_SECRET = "whsec_test_stripe_new_9b1d";
  static final String GITHUB_SECRET = "test-github-secret-41ad";
  static final String SHOPIFY_SECRET = "test-shopify-secret-7e02";

  private static final String STRIPE_EVENT = resource("stripe-customer.created.json");
  private static final String GITHUB_PUSH = resource("github-push.json");
  private static final String SHOPIFY_ORDER = resource("shopify-orders.create.json");

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;

  Deliveries(int port) {
    this.base = URI.create("http://127.0.0.1:" + port);
  }

  /** A signed request: where it goes, its headers and its body. */
  record Signed(String path, Map<String, String> headers, byte[] body) {
    Signed withBody(byte[] other) {
      return new Signed(path, headers, other);
    }

    Signed withHeader(String name, String value) {
      Map<String, String> changed = new LinkedHashMap<>(headers);
      changed.put(name, value);
      return new Signed(path, changed, body);
    }
  }

  /** The answer: status and body. */
  record Answer(int status, String body) {}

  /** The sample Stripe event under {@code eventId} (its id, inside the signed body). */
  static byte[] stripeEvent(String eventId) {
    return STRIPE_EVENT.replace("evt_1QhgTm2eZvKYlo2CxW4h0nMd", eventId).getBytes(StandardCharsets.UTF_8);
  }

  /** The sample GitHub push, to branch {@code branch}. */
  static byte[] githubPush(String branch) {
    return GITHUB_PUSH.replace("\"refs/heads/main\"", "\"refs/heads/" + branch + "\"")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The sample Shopify order, named {@code name}. */
  static byte[] shopifyOrder(String name) {
    return SHOPIFY_ORDER.replace("\"#9999\"", "\"" + name + "\"").getBytes(StandardCharsets.UTF_8);
  }

  static Signed stripe(byte[] body, String secret) {
    return signed("/webhooks/stripe", Signatures.stripe(secret), null, body);
  }

  static Signed github(String deliveryId, byte[] body) {
    return signed("/webhooks/github", Signatures.github(GITHUB_SECRET), deliveryId, body);
  }

  static Signed shopify(String webhookId, byte[] body) {
    return signed("/webhooks/shopify", Signatures.shopify(SHOPIFY_SECRET), webhookId, body);
  }

  private static Signed signed(String path, WebhookSignature signature, String id, byte[] body) {
    String messageId = id == null ? UUID.randomUUID().toString() : id;
    return new Signed(path, signature.sign(messageId, Instant.now(), body), body);
  }

  /** POSTs {@code signed} through the proxy (HTTPS on the client's side). */
  Answer post(Signed signed) {
    return send("POST", signed, Map.of("X-Forwarded-Proto", "https"));
  }

  /** Sends {@code signed} with {@code method} and the extra headers {@code proxy} adds. */
  Answer send(String method, Signed signed, Map<String, String> proxy) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(signed.path()))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json");
    signed.headers().forEach(request::header);
    proxy.forEach(request::header);
    request.method(method, method.equals("GET")
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(signed.body()));
    return get(request.build());
  }

  /** GETs {@code path}, as a person or a monitor would. */
  Answer get(String path) {
    return get(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build());
  }

  private Answer get(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body().strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = Deliveries.class.getResourceAsStream("/dev/hookguard/samples/payloads/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no sample payload " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
