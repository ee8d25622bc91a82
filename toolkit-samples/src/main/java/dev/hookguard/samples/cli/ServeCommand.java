package dev.hookguard.samples.cli;

import dev.hookguard.amqp.AmqpOutboxPublisher;
import dev.hookguard.ratelimit.ClusterRateLimiter;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.outbox.OutboxRelay;
import dev.hookguard.runtime.receiver.RateLimit;
import dev.hookguard.runtime.receiver.RequestLimiter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hookguard serve}: the sample receiver, HTTPS by default, on SQLite or PostgreSQL. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Receive the sample providers' webhooks at /webhooks/{stripe,github,shopify}.")
final class ServeCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Option(names = "--port", defaultValue = "8443", description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--http", description = "Plain HTTP, for local use only (default: HTTPS with a "
      + "self-signed development certificate made on first run).")
  boolean http;

  @Option(names = "--forward", paramLabel = "AMQP_URI",
      description = "Forward every kept event, redacted, through the outbox to this RabbitMQ, "
          + "e.g. amqp://guest:guest@localhost/ (exchange and queue hookguard.events).")
  String forward;

  @Option(names = "--exchange", paramLabel = "NAME", defaultValue = AmqpOutboxPublisher.DEFAULT_EXCHANGE,
      description = "With --forward: the exchange, queue (same name) and dead-letter queue "
          + "(NAME.dead-letter) (default: ${DEFAULT-VALUE}).")
  String exchange;

  @Option(names = "--cluster-limit", paramLabel = "PER_SECOND",
      description = "With --postgres: admit at most this many requests a second across every "
          + "instance on the database (Bucket4j), instead of a per-source limit of this one.")
  Integer clusterLimit;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = common.workspace();
    if (clusterLimit != null && common.postgres == null) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "--cluster-limit needs --postgres");
    }
    javax.sql.DataSource pool = common.postgres == null ? null : workspace.pool(common.postgres);
    try (HookGuard hookGuard = workspace.openOn(pool, java.time.Clock.systemUTC());
        AmqpOutboxPublisher publisher = forward == null
            ? null
            : AmqpOutboxPublisher.builder(forward).exchange(exchange).build();
        OutboxRelay relay = publisher == null ? null : hookGuard.outbox().relay(publisher)) {
      RequestLimiter limiter = clusterLimit == null
          ? null
          : ClusterRateLimiter.builder(pool)
              .overall(RateLimit.of(clusterLimit, java.time.Duration.ofSeconds(1)))
              .build();
      // Replays are refused across every instance on this database; every answer is audited.
      var receivers = SampleReceivers.create(hookGuard, SampleReceivers.Stores.of(hookGuard),
          workspace.secrets(),
          SampleReceivers.Settings.local(http, hookGuard.audit().receiptListener())
              .with(forward != null, limiter));
      if (relay != null) {
        relay.start();
      }
      try (SampleServer server = SampleServer.start(new InetSocketAddress("localhost", port),
          http ? null : workspace.serverTls(), receivers)) {
        System.out.println("HookGuard sample receiver on " + server.baseUri() + " ("
            + (common.postgres == null ? "SQLite " + workspace.database() : "PostgreSQL") + ")");
        if (publisher != null) {
          System.out.println("Forwarding kept events, redacted, to " + publisher
              + "; read them with: ./hookguard consume --from AMQP_URI");
        }
        if (limiter != null) {
          System.out.println("Cluster-wide limit: " + clusterLimit + " requests a second");
        }
        for (Provider provider : Provider.values()) {
          System.out.println("  POST " + server.baseUri().resolve(provider.path()));
        }
        System.out.println("Send sample events with: ./hookguard send --url " + server.baseUri());
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        stop.await();
      }
    }
    return 0;
  }
}
