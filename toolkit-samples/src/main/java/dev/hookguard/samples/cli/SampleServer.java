package dev.hookguard.samples.cli;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.hookguard.runtime.receiver.JdkWebhookHandler;
import dev.hookguard.runtime.receiver.WebhookReceiver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;

/** The JDK's HTTP(S) server with one webhook receiver per provider path. */
final class SampleServer implements AutoCloseable {

  /** Held, so that the level set on it stays (java.util.logging keeps loggers weakly). */
  private static final Logger SERVER_LOG = Logger.getLogger("com.sun.net.httpserver");

  private final HttpServer server;
  private final ExecutorService executor;
  private final boolean https;

  private SampleServer(HttpServer server, ExecutorService executor, boolean https) {
    this.server = server;
    this.executor = executor;
    this.https = https;
  }

  /** Starts on {@code address}; HTTPS with {@code tls}, or plain HTTP when it is null. */
  static SampleServer start(
      InetSocketAddress address, SSLContext tls, Map<Provider, WebhookReceiver<?>> receivers)
      throws IOException {
    // TCP_NODELAY: read once, when the first server is created (see JdkWebhookHandler).
    if (System.getProperty(JdkWebhookHandler.NO_DELAY_PROPERTY) == null) {
      System.setProperty(JdkWebhookHandler.NO_DELAY_PROPERTY, "true");
    }
    // The JDK server logs every request line, query string included, at FINE: never below INFO.
    SERVER_LOG.setLevel(Level.INFO);
    HttpServer server;
    if (tls != null) {
      HttpsServer httpsServer = HttpsServer.create(address, 64);
      httpsServer.setHttpsConfigurator(new HttpsConfigurator(tls));
      server = httpsServer;
    } else {
      server = HttpServer.create(address, 64);
    }
    receivers.forEach((provider, receiver) ->
        server.createContext(provider.path(), JdkWebhookHandler.of(receiver)));
    ExecutorService executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
    server.start();
    return new SampleServer(server, executor, tls != null);
  }

  URI baseUri() {
    return URI.create((https ? "https" : "http") + "://localhost:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
