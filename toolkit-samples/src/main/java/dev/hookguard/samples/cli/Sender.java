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
    Result result = post(provider, headers, sent);
    if (scenario == Scenario.REPLAYED) {
      result = post(provider, headers, sent);
    }
    return result;
  }

  private Result post(Provider provider, Map<String, String> headers, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(provider.path()))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
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
