package dev.hookguard.amqp;

import com.sun.net.httpserver.HttpServer;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.outbox.Forwarding;
import dev.hookguard.runtime.outbox.OutboxPublisher;
import dev.hookguard.runtime.outbox.OutboxRelay;
import dev.hookguard.runtime.outbox.RelayOptions;
import dev.hookguard.runtime.receiver.JdkWebhookHandler;
import dev.hookguard.runtime.receiver.WebhookReceiver;
import dev.hookguard.runtime.signature.WebhookSignature;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

/**
 * One receiver instance as an application would run it: a {@code HookGuard} on its own database
 * handle (a SQLite file, or its own pool of the shared PostgreSQL), a receiver of {@link Payment}s
 * that forwards the redacted JSON, served over loopback HTTP by the JDK's server, and an outbox
 * relay through {@code publisher}.
 */
final class Instance implements AutoCloseable {

  final HookGuard hookGuard;
  final WebhookReceiver<Payment> receiver;
  final OutboxRelay relay;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(8);

  private Instance(HookGuard hookGuard, WebhookSignature signature, OutboxPublisher publisher,
      RelayOptions options) throws Exception {
    this.hookGuard = hookGuard;
    this.receiver = WebhookReceiver.builder(Payment.class, PaymentVerifier.create(signature))
        .receipts(hookGuard.receipts(PaymentStore.create(hookGuard),
            Forwarding.redacted(PaymentRedactor.create(hookGuard.redactionContext()))))
        .allowPlainHttp()          // loopback only, in a test
        .build();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/hooks/payments", JdkWebhookHandler.of(receiver));
    server.setExecutor(threads);
    server.start();
    this.relay = hookGuard.outbox().relay(publisher, options);
  }

  /** An instance on the PostgreSQL behind {@code pool}. */
  static Instance postgres(DataSource pool, Path masterKey, WebhookSignature signature,
      OutboxPublisher publisher, RelayOptions options) throws Exception {
    HookGuard hookGuard = HookGuard.builder().postgres(pool)
        .masterKey(MasterKey.localFile(masterKey)).build();
    return new Instance(hookGuard, signature, publisher, options);
  }

  /** An instance on the SQLite file {@code file}. */
  static Instance sqlite(Path file, Path masterKey, WebhookSignature signature,
      OutboxPublisher publisher, RelayOptions options) throws Exception {
    HookGuard hookGuard = HookGuard.builder().sqlite(file)
        .masterKey(MasterKey.localFile(masterKey)).build();
    return new Instance(hookGuard, signature, publisher, options);
  }

  /** Where payments are posted. */
  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/payments");
  }

  /** Stops serving and relaying, and closes the {@code HookGuard}. */
  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    relay.close();
    hookGuard.close();
  }
}
