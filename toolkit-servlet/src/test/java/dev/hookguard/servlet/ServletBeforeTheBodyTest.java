package dev.hookguard.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.receiver.IpAllowList;
import dev.hookguard.runtime.receiver.RateLimit;
import dev.hookguard.runtime.receiver.RateLimiter;
import dev.hookguard.runtime.receiver.WebhookReceiver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the adapter (servlet and filter alike) decides before the body, and how little of a body
 * it reads: raw
 * HTTP/1.1 on a socket, so that a test can send the head alone, or a body that never ends, and
 * read the answer meanwhile. A counting filter in front of the adapter sees every body byte it
 * reads.
 */
class ServletBeforeTheBodyTest {

  private static final int LIMIT = 1024;
  private static final String REQUEST_LINE = "POST " + Jetty.PATH + " HTTP/1.1";

  @TempDir Path folder;

  private Receipts receipts;
  private Jetty jetty;
  private final Filters.CountingBody counting = new Filters.CountingBody();

  @BeforeEach
  void open() {
    receipts = new Receipts(folder);
  }

  @AfterEach
  void close() throws Exception {
    if (jetty != null) {
      jetty.close();
    }
    receipts.close();
  }

  private void serve(Mount mount, WebhookReceiver<Invoice> receiver) throws Exception {
    jetty = Jetty.serve(mount, receiver).filter(counting).start();
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), jetty.httpPort());
    socket.setSoTimeout(10_000);
    return socket;
  }

  @ParameterizedTest
  @EnumSource(Mount.class)
  void aDeclaredLengthOverTheLimitIs413BeforeTheBodyIsSent(Mount mount) throws Exception {
    serve(mount, receipts.receiver().allowPlainHttp().maxBodyBytes(LIMIT).build());
    byte[] body = Receipts.invoice("in_1", "a@example.com", "4242424242424242");

    try (Socket socket = connect()) {
      // A gigabyte announced, none of it sent: the answer must not wait for it.
      socket.getOutputStream().write(Http.head(REQUEST_LINE, receipts.signedHeaders("msg_1", body),
          "Content-Length: 1000000000"));
      InputStream in = socket.getInputStream();

      String head = Http.readHead(in);

      assertThat(head).startsWith("HTTP/1.1 413 ");
      assertThat(Http.header(head, "Connection")).isEqualToIgnoringCase("close");
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)) // the server closes
          .isEqualTo("PAYLOAD_TOO_LARGE\n");
    }
    assertThat(counting.bytesRead).hasValue(0);
    assertThat(receipts.store.find("msg_1")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Mount.class)
  void aChunkedBodyPastTheLimitIs413WhileTheClientIsStillSendingIt(Mount mount) throws Exception {
    serve(mount, receipts.receiver().allowPlainHttp().maxBodyBytes(LIMIT).build());
    byte[] signed = Receipts.invoice("in_1", "a@example.com", "4242424242424242");
    long endless = 64L << 20; // far more than the socket buffers between client and server hold
    byte[] chunk = ("400\r\n" + "x".repeat(1024) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    AtomicLong sent = new AtomicLong();
    AtomicReference<IOException> sendFailed = new AtomicReference<>();

    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(Http.head(REQUEST_LINE, receipts.signedHeaders("msg_1", signed),
          "Transfer-Encoding: chunked"));
      Thread sender = new Thread(() -> {
        try {
          while (sent.get() < endless) {
            out.write(chunk);
            sent.addAndGet(1024);
          }
        } catch (IOException e) {
          sendFailed.set(e); // the server closed the connection
        }
      }, "endless-chunked-sender");
      sender.setDaemon(true);
      sender.start();

      String head = Http.readHead(socket.getInputStream());
      long sentWhenAnswered = sent.get();

      assertThat(head).startsWith("HTTP/1.1 413 ");
      assertThat(Http.header(head, "Connection")).isEqualToIgnoringCase("close");
      assertThat(sentWhenAnswered).isLessThan(endless);
      socket.getInputStream().readAllBytes(); // the server closes: it reads no more of the body
      sender.join(10_000);
      assertThat(sender.isAlive()).isFalse();
      assertThat(sendFailed.get()).isNotNull();
      assertThat(sent.get()).isLessThan(endless);
    }
    // The servlet read one byte past the limit and stopped.
    assertThat(counting.bytesRead.get()).isEqualTo(LIMIT + 1);
    assertThat(receipts.store.find("msg_1")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Mount.class)
  void anAddressOutsideTheAllowListIs403BeforeTheBodyWithoutA100ContinueAndTheConnectionCloses(
      Mount mount) throws Exception {
    serve(mount,
        receipts.receiver().allowPlainHttp().allowList(IpAllowList.of("192.0.2.0/24")).build());
    byte[] body = Receipts.invoice("in_1", "a@example.com", "4242424242424242");

    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(Http.head(REQUEST_LINE, receipts.signedHeaders("msg_1", body),
          "Content-Length: " + body.length, "Expect: 100-continue"));
      InputStream in = socket.getInputStream();

      String head = Http.readHead(in);

      // The final answer comes first: the servlet never asked for the body, so no 100 Continue.
      assertThat(head).startsWith("HTTP/1.1 403 ");
      assertThat(Http.header(head, "Connection")).isEqualToIgnoringCase("close");
      // The body arrives late: it is never read as a next request, the connection just ends.
      try {
        out.write(body);
        out.flush();
      } catch (IOException closedAlready) {
        // as good: the server had closed the connection
      }
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII))
          .isEqualTo("ADDRESS_NOT_ALLOWED\n");
    }
    assertThat(counting.bytesRead).hasValue(0);
    assertThat(receipts.store.find("msg_1")).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Mount.class)
  void aRateLimitedClientIs429WithRetryAfterBeforeTheBody(Mount mount) throws Exception {
    RateLimiter limiter =
        RateLimiter.builder().perSource(RateLimit.of(1, Duration.ofMinutes(1))).build();
    serve(mount, receipts.receiver().allowPlainHttp().rateLimiter(limiter).build());
    byte[] first = Receipts.invoice("in_1", "a@example.com", "4242424242424242");
    byte[] second = Receipts.invoice("in_2", "b@example.com", "4242424242424242");
    assertThat(Http.plain().post(jetty.http(), receipts.signedHeaders("msg_1", first), first)
        .statusCode()).isEqualTo(200);

    try (Socket socket = connect()) {
      Map<String, List<String>> headers = receipts.signedHeaders("msg_2", second);
      socket.getOutputStream().write(
          Http.head(REQUEST_LINE, headers, "Content-Length: " + second.length));
      InputStream in = socket.getInputStream();

      String head = Http.readHead(in);

      assertThat(head).startsWith("HTTP/1.1 429 ");
      assertThat(Http.header(head, "Connection")).isEqualToIgnoringCase("close");
      assertThat(Long.parseLong(Http.header(head, "Retry-After"))).isBetween(1L, 60L);
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII))
          .isEqualTo("RATE_LIMITED_SOURCE\n");
    }
    // Only the first body was read; the second was refused unread.
    assertThat(counting.bytesRead).hasValue(first.length);
    assertThat(receipts.handled).containsExactly("msg_1");
    assertThat(receipts.store.find("msg_2")).isEmpty();
  }
}
