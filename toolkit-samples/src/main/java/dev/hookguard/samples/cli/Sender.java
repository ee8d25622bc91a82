package dev.hookguard.samples.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLContext;

/**
 * Signs sample events as each provider does and posts them, optionally forged, replayed,
 * oversized, delayed, unsigned or relayed from a disallowed address.
 */
final class Sender {

  /** The receiver's answer: its status and the reason it gave. */
  record Result(int status, String answer) {}

  /** A request ready to post: its headers and its (possibly altered) body. */
  record Signed(Provider provider, Map<String, String> headers, byte[] body, boolean large) {}

  private final HttpClient client;
  private final URI base;
  private final Secrets secrets;

  Sender(URI base, SSLContext tls, Secrets secrets) {
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    if (tls != null) {
      builder.sslContext(tls);
    }
    this.client = builder.build();
    this.base = base;
    this.secrets = secrets;
  }

  /** Sends {@code provider}'s sample event under {@code scenario}. */
  Result send(Provider provider, Scenario scenario, int maxBodyBytes)
      throws IOException, InterruptedException {
    if (scenario == Scenario.CONFLICTING) {
      // A body not sent before is stored; then one that differs from it (by a space) under the
      // same message id.
      String messageId = "msg_" + UUID.randomUUID();
      byte[] body = provider.sampleBody();
      post(signed(provider, messageId, padded(body, body.length + 2)));
      return post(signed(provider, messageId, padded(body, body.length + 1)));
    }
    Signed signed = sign(provider, scenario, maxBodyBytes);
    Result result = post(signed);
    return scenario == Scenario.REPLAYED ? post(signed) : result;
  }

  /** {@code provider}'s sample event, signed and then altered as {@code scenario} says. */
  Signed sign(Provider provider, Scenario scenario, int maxBodyBytes) {
    byte[] body = scenario == Scenario.MALFORMED
        ? "{\"id\": \"truncated".getBytes(StandardCharsets.UTF_8)
        : provider.sampleBody();
    if (scenario == Scenario.OVERSIZED) {
      body = padded(body, maxBodyBytes + 1024);
    }
    Instant signedAt = scenario == Scenario.STALE ? Instant.now().minusSeconds(600) : Instant.now();
    String messageId = "msg_" + UUID.randomUUID();
    Map<String, String> headers = new LinkedHashMap<>(
        provider.signature(secrets).sign(messageId, signedAt, body));
    if (scenario == Scenario.UNSIGNED) {
      headers.clear();
    }
    if (scenario == Scenario.DISALLOWED) {
      headers.put("X-Forwarded-For", "203.0.113.77");
    }
    byte[] sent = body;
    if (scenario == Scenario.FORGED) {
      sent = body.clone();
      int at = new String(body, StandardCharsets.UTF_8).indexOf("\"id\"") + 8;
      sent[at] = (byte) (sent[at] == 'x' ? 'y' : 'x');
    }
    // A large body asks for "100 Continue", as large uploads do. The receiver refuses it from its
    // Content-Length without reading it; the JDK server then discards up to 64 KiB of unread body
    // and closes the connection beyond that, which a client may see as a reset instead of the
    // 413. The sample's limit (32 KiB) keeps the oversized body within what is discarded.
    return new Signed(provider, headers, sent, scenario == Scenario.OVERSIZED);
  }

  private Signed signed(Provider provider, String messageId, byte[] body) {
    return new Signed(provider,
        new LinkedHashMap<>(provider.signature(secrets).sign(messageId, Instant.now(), body)),
        body, false);
  }

  /** Posts a signed request to this sender's receiver. */
  Result post(Signed signed) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(signed.provider().path()))
        .expectContinue(signed.large())
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()));
    signed.headers().forEach(request::header);
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Result(response.statusCode(), response.body().strip());
  }

  /** The same JSON object with white space before its closing brace, up to {@code size} bytes. */
  private static byte[] padded(byte[] body, int size) {
    int close = new String(body, StandardCharsets.UTF_8).lastIndexOf('}');
    byte[] padded = new byte[Math.max(size, body.length)];
    Arrays.fill(padded, (byte) ' ');
    System.arraycopy(body, 0, padded, 0, close);
    padded[padded.length - 1] = '}';
    return padded;
  }
}
