package dev.hookguard.runtime.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JDK adapter over real loopback HTTP. */
class JdkWebhookHandlerTest {

  /** Headers the JDK client sets itself and refuses to be given. */
  private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection");

  private final Fixture f = new Fixture();
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private HttpServer server;

  private URI start(WebhookReceiver<Order> receiver) throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/hooks/orders", JdkWebhookHandler.of(receiver));
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/orders");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    executor.shutdownNow();
  }

  private HttpResponse<String> post(URI uri, Map<String, List<String>> headers, byte[] body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(
        (name, values) -> {
          if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            values.forEach(v -> request.header(name, v));
          }
        });
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSignedWebhookIsAcceptedOverLoopbackHttp() throws Exception {
    URI uri = start(f.builder().allowPlainHttp().allowList(IpAllowList.of("127.0.0.0/8", "::1")).build());
    byte[] body = Fixture.json("ord_1");

    HttpResponse<String> response = post(uri, f.signedHeaders("msg_1", body), body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ACCEPTED\n");
    assertThat(response.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
    assertThat(f.stored).containsOnlyKeys("msg_1");
  }

  @Test
  void aRefusalBeforeTheBodyClosesTheConnectionSoTheBodyIsNeverReadAsTheNextRequest()
      throws Exception {
    URI uri = start(f.builder().allowPlainHttp().allowList(IpAllowList.of("192.0.2.0/24")).build());
    byte[] body = Fixture.json("ord_1");
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), uri.getPort())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      // The headers only: the server answers before the body, as a disallowed sender's would be.
      out.write(("POST /hooks/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json"
          + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      java.io.InputStream in = socket.getInputStream();
      String head = readHead(in);
      assertThat(head).startsWith("HTTP/1.1 403");
      assertThat(head.toLowerCase(java.util.Locale.ROOT)).contains("connection: close");
      // The body arrives late: the connection then ends, with nothing more answered on it, so a
      // client cannot send its next request there (where it would wait for an answer forever).
      out.write(body);
      out.flush();
      byte[] rest = in.readAllBytes(); // ends when the server closes the connection
      assertThat(new String(rest, StandardCharsets.US_ASCII)).doesNotContain("HTTP/1.1");
    }
    assertThat(f.stored).isEmpty();
  }

  private static String readHead(java.io.InputStream in) throws java.io.IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }

  @Test
  void plainHttpIsRefusedWhenHttpsIsRequired() throws Exception {
    URI uri = start(f.builder().build());
    byte[] body = Fixture.json("ord_1");

    HttpResponse<String> response = post(uri, f.signedHeaders("msg_1", body), body);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("NOT_HTTPS\n");
    assertThat(f.stored).isEmpty();
  }

  @Test
  void aForgedWebhookIs401AndAReplayIs409() throws Exception {
    URI uri = start(f.builder().allowPlainHttp().build());
    byte[] body = Fixture.json("ord_1");
    Map<String, List<String>> headers = f.signedHeaders("msg_1", body);

    assertThat(post(uri, headers, Fixture.json("ord_2")).statusCode()).isEqualTo(401);
    assertThat(post(uri, headers, body).statusCode()).isEqualTo(200);
    assertThat(post(uri, headers, body).statusCode()).isEqualTo(409);
  }

  @Test
  void anOversizedBodyIs413() throws Exception {
    URI uri = start(f.builder().allowPlainHttp().maxBodyBytes(256).build());
    byte[] body = Fixture.json("x".repeat(4_000));

    HttpResponse<String> response = post(uri, f.signedHeaders("msg_1", body), body);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(f.stored).isEmpty();
  }

  @Test
  void aChunkedBodyIsCutOffOneByteAfterTheLimit() throws Exception {
    URI uri = start(f.builder().allowPlainHttp().maxBodyBytes(256).build());
    byte[] body = Fixture.json("x".repeat(4_000));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            // No Content-Length: the client sends the body chunked, so only reading can tell.
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));
    f.signedHeaders("msg_1", body).forEach((name, values) -> values.forEach(v -> request.header(name, v)));

    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(f.stored).isEmpty();
  }

  @Test
  void aRateLimitedClientGets429WithRetryAfter() throws Exception {
    RateLimiter limiter =
        RateLimiter.builder().perSource(RateLimit.of(1, Duration.ofMinutes(1))).clock(f.clock).build();
    URI uri = start(f.builder().allowPlainHttp().rateLimiter(limiter).build());
    byte[] body = Fixture.json("ord_1");

    post(uri, f.signedHeaders("msg_1", body), body);
    HttpResponse<String> limited = post(uri, f.signedHeaders("msg_2", body), body);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("60");
  }

  @Test
  void aHugeDeclaredBodyIsRefusedBeforeItIsSent() throws Exception {
    URI uri = start(f.builder().allowPlainHttp().maxBodyBytes(1024).build());

    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), uri.getPort())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      // Announces a gigabyte and sends none of it: the answer must not wait for the body.
      out.write(
          ("POST /hooks/orders HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000000000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));

      assertThat(in.readLine()).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
    }
  }

  @Test
  void aGetIs405() throws Exception {
    URI uri = start(f.builder().allowPlainHttp().build());

    HttpResponse<String> response =
        client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("POST");
  }
}
