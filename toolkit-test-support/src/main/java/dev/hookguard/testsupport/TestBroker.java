package dev.hookguard.testsupport;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.qpid.server.SystemLauncher;

/**
 * The AMQP 0-9-1 broker the tests of this JVM use: the RabbitMQ named by {@value #URL_VARIABLE}
 * (such as {@code amqp://guest:guest@localhost/}), or else Apache Qpid Broker-J started
 * embedded, in memory, on a free loopback port, once per JVM. Tests name their own exchanges and
 * queues ({@link #uniqueName}), so they never see each other's messages. A broker that cannot be
 * reached fails the tests: they never skip.
 *
 * <p>A module that uses it declares the broker client and, for the embedded broker, Qpid's
 * {@code qpid-broker-core}, {@code qpid-broker-plugins-amqp-0-8-protocol} and {@code
 * qpid-broker-plugins-memory-store} itself (they are optional here).
 */
public final class TestBroker {

  /** Names a RabbitMQ instead of the embedded broker. */
  public static final String URL_VARIABLE = "HOOKGUARD_TEST_AMQP_URL";

  private static TestBroker instance;

  private final String uri;
  private final String description;

  private TestBroker(String uri, String description) {
    this.uri = uri;
    this.description = description;
  }

  /** The broker for this JVM, started on first use when it is the embedded one. */
  public static synchronized TestBroker broker() {
    if (instance == null) {
      String url = System.getenv(URL_VARIABLE);
      instance = url == null || url.isBlank() ? startEmbedded() : new TestBroker(url, "RabbitMQ");
    }
    return instance;
  }

  private static TestBroker startEmbedded() {
    try {
      int port;
      try (ServerSocket probe = new ServerSocket(0)) {
        port = probe.getLocalPort();
      }
      Path work = Files.createTempDirectory("hookguard-qpid");
      URL config = TestBroker.class.getClassLoader().getResource("qpid-test-config.json");
      Map<String, Object> attributes = new HashMap<>();
      attributes.put("type", "Memory");
      attributes.put("initialConfigurationLocation", config.toExternalForm());
      attributes.put("startupLoggedToSystemOut", false);
      Map<String, String> context = new HashMap<>();
      context.put("qpid.amqp_port", Integer.toString(port));
      context.put("qpid.work_dir", work.toString());
      context.put("qpid.home_dir", work.toString());
      attributes.put("context", context);
      SystemLauncher launcher = new SystemLauncher();
      launcher.startup(attributes);
      Runtime.getRuntime().addShutdownHook(new Thread(launcher::shutdown, "qpid-stop"));
      return new TestBroker("amqp://guest:guest@127.0.0.1:" + port + "/",
          "embedded Qpid Broker-J on port " + port);
    } catch (Exception e) {
      throw new AssertionError("the embedded AMQP broker did not start", e);
    }
  }

  /** Whether this is the embedded Qpid broker (no {@value #URL_VARIABLE} given). */
  public boolean isEmbedded() {
    return description.startsWith("embedded");
  }

  /** The broker's AMQP URI, with credentials. */
  public String uri() {
    return uri;
  }

  /** A connection of the test's own; the caller closes it. */
  public Connection connect() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(uri);
    if (factory.getVirtualHost().isEmpty()) {
      factory.setVirtualHost("/");     // amqp://host:5672/ means RabbitMQ's default virtual host
    }
    return factory.newConnection("hookguard-test");
  }

  /** A name no other test uses, such as {@code hookguard.test.3f2a…}. */
  public static String uniqueName() {
    return "hookguard.test." + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** Deletes the queues and exchanges a publisher declared under {@code exchange}. */
  public void deleteTopology(String exchange) {
    try (Connection connection = connect(); Channel channel = connection.createChannel()) {
      channel.queueDelete(exchange);
      channel.queueDelete(exchange + ".dead-letter");
      channel.exchangeDelete(exchange);
      channel.exchangeDelete(exchange + ".dead-letter");
    } catch (Exception e) {
      // Best effort: the names are unique, and the embedded broker keeps nothing on disk.
    }
  }

  @Override
  public String toString() {
    return "TestBroker[" + description + "]";
  }
}
