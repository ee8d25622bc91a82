package dev.hookguard.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.amqp.AmqpOutboxPublisher;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.outbox.OutboxRelay;
import dev.hookguard.runtime.receiver.RateLimit;
import dev.hookguard.samples.Databases;
import dev.hookguard.testsupport.TestBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code serve --forward} wires (the sample receivers forwarding through the outbox, a relay
 * to the broker) over real HTTPS, and {@code consume} reading the queue: each kept event printed
 * once, redacted, replays neither kept nor forwarded again.
 */
class ForwardAndConsumeTest {

  @TempDir
  Path folder;

  final TestBroker broker = TestBroker.broker();
  final String exchange = TestBroker.uniqueName();

  @AfterEach
  void deleteTopology() {
    broker.deleteTopology(exchange);
  }

  @Test
  void keptEventsAreForwardedRedactedAndConsumedOnce() throws Exception {
    Workspace workspace = new Workspace(folder.resolve("workspace"));
    try (Databases.Sqlite db = new Databases.Sqlite(folder.resolve("db"));
        HookGuard hookGuard = db.open();
        AmqpOutboxPublisher publisher =
            AmqpOutboxPublisher.builder(broker.uri()).exchange(exchange).build();
        OutboxRelay relay = hookGuard.outbox().relay(publisher)) {
      SampleReceivers.Settings settings = new SampleReceivers.Settings(
          List.of("127.0.0.0/8", "::1/128"), List.of(), false, 32 * 1024,
          RateLimit.of(100, Duration.ofSeconds(1)), hookGuard.audit().receiptListener())
          .with(true, null);
      relay.start();
      try (SampleServer server = SampleServer.start(new InetSocketAddress("localhost", 0),
          workspace.serverTls(), SampleReceivers.create(hookGuard,
              SampleReceivers.Stores.of(hookGuard), workspace.secrets(), settings))) {
        Sender sender = new Sender(server.baseUri(), workspace.clientTls(), workspace.secrets());
        for (Provider provider : Provider.values()) {
          assertThat(sender.send(provider, Scenario.VALID, 32 * 1024).status()).isEqualTo(200);
          assertThat(sender.send(provider, Scenario.REPLAYED, 32 * 1024).answer()).isEqualTo("DUPLICATE");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (hookGuard.outbox().pending() > 0 && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertThat(hookGuard.outbox().pending()).isZero();
      }
    }

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit = HookGuardCommand.run("consume", "--from", broker.uri(), "--queue", exchange,
          "--idle", "1");
    } finally {
      System.setOut(saved);
    }
    String printed = out.toString(StandardCharsets.UTF_8);

    assertThat(exit).isZero();
    assertThat(printed).contains("3 events, 0 copies dropped by message id");
    assertThat(printed).contains("dev.hookguard.samples.stripe.StripeEvent/evt_1QhgTm2eZvKYlo2CxW4h0nMd  {");
    assertThat(printed).contains("\"email\":\"j***@example.com\"");
    // The sample Stripe customer's name and phone number, which the store keeps encrypted.
    assertThat(printed).doesNotContain("Jenny Rosen").doesNotContain("+14155550132")
        .doesNotContain("jenny.rosen@").doesNotContain("Jon Doe").doesNotContain("+16135551212");
  }
}
