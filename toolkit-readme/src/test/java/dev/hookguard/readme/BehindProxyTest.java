package dev.hookguard.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.receiver.WebhookReceiver;
import dev.hookguard.runtime.receiver.WebhookRequest;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.samples.github.GitHubPush;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's receiver behind a TLS-terminating proxy, run: plain HTTP is accepted only from the
 * trusted proxy and only when it reports {@code X-Forwarded-Proto: https}.
 */
class BehindProxyTest {

  static final WebhookSignature GITHUB = Signatures.github("readme-proxy-secret");

  @TempDir Path folder;

  HookGuard hookGuard;
  WebhookReceiver<GitHubPush> receiver;
  int deliveries;

  @BeforeEach
  void build() {
    hookGuard = HookGuard.builder().sqlite(folder.resolve("hookguard.db"))
        .masterKey(MasterKey.localFile(folder.resolve("master.key"))).build();
    receiver = CoreApiExamples.behindProxy(hookGuard, GITHUB);
  }

  @AfterEach
  void close() {
    hookGuard.close();
  }

  /** A signed push, delivered over a plain connection from {@code peer} with {@code extra} headers. */
  int plain(String peer, Map<String, String> extra) throws IOException {
    byte[] body;
    try (InputStream in = getClass().getResourceAsStream(
        "/dev/hookguard/samples/payloads/github-push.json")) {
      body = in.readAllBytes();
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    String delivery = "delivery-" + ++deliveries;
    GITHUB.sign(delivery, Instant.now(), body).forEach((k, v) -> headers.put(k, List.of(v)));
    headers.put("X-GitHub-Delivery", List.of(delivery));
    extra.forEach((k, v) -> headers.put(k, List.of(v)));
    return receiver.handle(new WebhookRequest(
        InetAddress.getByName(peer), false, "POST", "/webhooks/github", headers, body)).status();
  }

  @Test
  void plainHttpFromTheProxyReportingHttpsIsAccepted() throws IOException {
    assertThat(plain("10.1.2.3", Map.of("X-Forwarded-Proto", "https"))).isEqualTo(200);
  }

  @Test
  void plainHttpFromTheProxyWithoutHttpsIsRefused() throws IOException {
    assertThat(plain("10.1.2.3", Map.of())).isEqualTo(403);
    assertThat(plain("10.1.2.3", Map.of("X-Forwarded-Proto", "http"))).isEqualTo(403);
    assertThat(plain("10.1.2.3", Map.of("X-Forwarded-Proto", "https, http")))
        .as("one plain leg is enough").isEqualTo(403);
  }

  @Test
  void plainHttpFromAnyoneElseIsRefusedWhateverItClaims() throws IOException {
    assertThat(plain("203.0.113.9", Map.of("X-Forwarded-Proto", "https"))).isEqualTo(403);
  }
}
