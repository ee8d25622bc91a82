package dev.hookguard.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.samples.github.GitHubPush;
import dev.hookguard.samples.github.GitHubPushStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a {@code @WebhookListener} method is given and what its outcome does to the answer, over
 * real HTTP: the message id and payload, a throwing listener answered 500 with nothing stored,
 * and per-endpoint options over the global ones.
 */
@SpringBootTest(classes = WebhookListenerTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "hookguard.master-key.development=true",
        "hookguard.signatures.github.scheme=github",
        "hookguard.signatures.github.secrets=" + WebhookListenerTest.SECRET,
        // Plain HTTP everywhere (this test has no TLS and no proxy) but on one endpoint.
        "hookguard.receiver.allow-plain-http=true",
        "hookguard.endpoints.strict.allow-plain-http=false",
        "hookguard.endpoints.small.max-body=1KB",
        "hookguard.endpoints.limited.rate-limit.per-source.permits=2",
        "hookguard.endpoints.limited.rate-limit.per-source.period=1h"})
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class WebhookListenerTest {

  static final String SECRET = "listener-test-secret";
  private static final String FAILING_BRANCH = "refs/heads/listener-fails-0xDEADBEEF";

  @TempDir static Path data;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("hookguard.storage.sqlite.path", () -> data.resolve("hookguard.db").toString());
  }

  @LocalServerPort int port;
  @Autowired HookGuard hookGuard;
  @Autowired Pushes pushes;

  @Configuration(proxyBeanMethods = false)
  // spring-boot-jdbc is on this module's test class path for another test; no DataSource here.
  @EnableAutoConfiguration(excludeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
  static class App {
    @Bean
    Pushes pushes() {
      return new Pushes();
    }
  }

  /** The listeners: what they were given, and one that throws for one branch. */
  static class Pushes {
    final List<String> received = new CopyOnWriteArrayList<>();

    @WebhookListener(path = "/hooks/github", signature = "github")
    void on(String deliveryId, GitHubPush push) {
      if (push.getRef().equals(FAILING_BRANCH)) {
        throw new IllegalStateException("cannot handle " + push.getRef());
      }
      received.add(deliveryId + " " + push.getRef());
    }

    @WebhookListener(path = "/hooks/strict", signature = "github", id = "strict")
    void strict(GitHubPush push) {
      received.add("strict " + push.getRef());
    }

    @WebhookListener(path = "/hooks/small", signature = "github", id = "small")
    void small(GitHubPush push) {
      received.add("small " + push.getRef());
    }

    @WebhookListener(path = "/hooks/limited", signature = "github", id = "limited")
    void limited(GitHubPush push) {
      received.add("limited " + push.getRef());
    }
  }

  @Test
  void theListenerIsGivenTheDeliveryIdAndThePayload() throws Exception {
    String id = UUID.randomUUID().toString();
    String ref = "refs/heads/" + id;

    assertThat(post("/hooks/github", id, push(ref))).isEqualTo("200 ACCEPTED");

    assertThat(pushes.received).contains(id + " " + ref);
    assertThat(GitHubPushStore.create(hookGuard).find(id))
        .hasValueSatisfying(stored -> assertThat(stored.getRef()).isEqualTo(ref));
  }

  @Test
  void aListenerThatThrowsIsAnswered500AndNothingIsStored(CapturedOutput output) throws Exception {
    String id = UUID.randomUUID().toString();

    assertThat(post("/hooks/github", id, push(FAILING_BRANCH))).isEqualTo("500 HANDLER_FAILED");

    assertThat(GitHubPushStore.create(hookGuard).find(id)).isEmpty();
    assertThat(hookGuard.audit().tail(1000)).noneMatch(entry ->
        entry.event().kind() == AuditEvent.Kind.RECEIVED && entry.event().recordId().equals(id));
    // Logged by class name only: the exception's message quotes the payload.
    assertThat(output.getOut()).contains("error=java.lang.IllegalStateException")
        .doesNotContain("0xDEADBEEF");
    // Nothing was kept, so the provider's retry is new, not a duplicate (and fails again here).
    assertThat(post("/hooks/github", id, push(FAILING_BRANCH))).isEqualTo("500 HANDLER_FAILED");
  }

  @Test
  void anEndpointsOwnOptionsWinOverTheGlobalOnes() throws Exception {
    String ref = "refs/heads/" + UUID.randomUUID();
    byte[] body = push(ref);   // about 2.8 KB

    assertThat(post("/hooks/strict", UUID.randomUUID().toString(), body)).isEqualTo("403 NOT_HTTPS");
    assertThat(post("/hooks/small", UUID.randomUUID().toString(), body)).startsWith("413 ");
    assertThat(pushes.received).noneMatch(line -> line.endsWith(ref));
  }

  @Test
  void anEndpointsRateLimitRefusesWith429BeforeTheBodyIsRead() throws Exception {
    for (int i = 0; i < 2; i++) {
      String ref = "refs/heads/" + UUID.randomUUID();
      assertThat(post("/hooks/limited", UUID.randomUUID().toString(), push(ref))).isEqualTo("200 ACCEPTED");
    }
    String ref = "refs/heads/" + UUID.randomUUID();
    HttpResponse<String> refused = send("/hooks/limited", UUID.randomUUID().toString(), push(ref));

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(pushes.received).doesNotContain("limited " + ref);
    // The other endpoints keep their own (global: none) limits.
    assertThat(post("/hooks/github", UUID.randomUUID().toString(), push(ref))).isEqualTo("200 ACCEPTED");
  }

  private static byte[] push(String ref) throws IOException {
    try (InputStream in = GitHubPush.class.getResourceAsStream(
        "/dev/hookguard/samples/payloads/github-push.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("\"refs/heads/main\"", "\"" + ref + "\"").getBytes(StandardCharsets.UTF_8);
    }
  }

  private String post(String path, String deliveryId, byte[] body) throws Exception {
    HttpResponse<String> response = send(path, deliveryId, body);
    return response.statusCode() + " " + response.body().strip();
  }

  private HttpResponse<String> send(String path, String deliveryId, byte[] body) throws Exception {
    Map<String, String> headers =
        Signatures.github(SECRET).sign(deliveryId, Instant.now(), body);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .build().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
