package dev.hookguard.runtime.receiver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link WebhookReceiver} from the JDK's {@code HttpServer} or {@code HttpsServer}
 * (module {@code jdk.httpserver}, which the runtime requires only statically: an application that
 * uses this class adds {@code requires jdk.httpserver;}).
 *
 * <p>It runs every check that needs no body (HTTPS, address, allow-list, rate limit, method,
 * declared length) before reading a byte of the body, then reads at most {@link
 * WebhookReceiver#maxBodyBytes()} plus one byte: an oversized body is refused (413, {@code
 * Connection: close}) without being read to its end, whatever its {@code Content-Length} claims.
 * The connection counts as TLS when the exchange is an {@link HttpsExchange}, that is when the
 * handler runs in an {@code HttpsServer}.
 *
 * <p><b>Run the JVM with {@code -Dsun.net.httpserver.nodelay=true}</b> (or set that system
 * property before the first server is created). The JDK's server leaves {@code TCP_NODELAY} off
 * by default, so every response waits for the client's delayed ACK, about 40 ms: one client then
 * gets some 22 answers a second, whatever the receiver does. {@link #of} logs a warning when the
 * property is not set.
 *
 * <p><b>Keep the JDK server's own logger at {@code INFO} or above.</b> At {@code FINE}, the
 * {@code java.util.logging} logger {@code com.sun.net.httpserver} logs every request line, query
 * string included: a token a sender puts in the URL would reach the log. This class logs no part
 * of a request; the sample program pins that logger to {@code INFO}.
 *
 * <pre>{@code
 * System.setProperty("sun.net.httpserver.nodelay", "true");   // before the first create
 * HttpsServer server = HttpsServer.create(new InetSocketAddress(8443), 0);
 * server.setHttpsConfigurator(new HttpsConfigurator(sslContext));
 * server.createContext("/webhooks/orders", JdkWebhookHandler.of(receiver));
 * server.start();
 * }</pre>
 */
public final class JdkWebhookHandler implements HttpHandler {

  private final WebhookReceiver<?> receiver;
  private final Logger log = LoggerFactory.getLogger("dev.hookguard.receiver");

  private JdkWebhookHandler(WebhookReceiver<?> receiver) {
    this.receiver = receiver;
  }

  /** The system property that turns {@code TCP_NODELAY} on in the JDK's HTTP server. */
  public static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

  /** A handler that answers every exchange through {@code receiver}. */
  public static JdkWebhookHandler of(WebhookReceiver<?> receiver) {
    JdkWebhookHandler handler = new JdkWebhookHandler(Objects.requireNonNull(receiver, "receiver"));
    if (!Boolean.getBoolean(NO_DELAY_PROPERTY)) {
      handler.log.warn(
          "{} is not true: each response of the JDK HTTP server waits ~40 ms for delayed ACKs;"
              + " start the JVM with -D{}=true",
          NO_DELAY_PROPERTY,
          NO_DELAY_PROPERTY);
    }
    return handler;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      send(exchange, answer(exchange));
    } catch (RuntimeException e) {
      log.error("webhook adapter failed: error={}", e.getClass().getName());
      if (exchange.getResponseCode() == -1) {
        exchange.sendResponseHeaders(500, -1);
      }
    } finally {
      exchange.close();
    }
  }

  private WebhookResponse answer(HttpExchange exchange) throws IOException {
    Admission admission =
        receiver.admit(
            exchange.getRemoteAddress().getAddress(),
            exchange instanceof HttpsExchange,
            exchange.getRequestMethod(),
            exchange.getRequestHeaders());
    if (admission instanceof Admission.Refused refused) {
      return refused.response();
    }
    Admission.Admitted admitted = (Admission.Admitted) admission;
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(admitted.maxBodyBytes() + 1);
    }
    return body.length > admitted.maxBodyBytes() ? admitted.tooLarge() : admitted.receive(body);
  }

  private static void send(HttpExchange exchange, WebhookResponse response) throws IOException {
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    byte[] body = response.bodyBytes();
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public String toString() {
    return "JdkWebhookHandler[" + receiver + "]";
  }
}
