package dev.hookguard.samples.cli;

import dev.hookguard.runtime.HookGuard;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
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

  @Override
  public Integer call() throws Exception {
    Workspace workspace = common.workspace();
    try (HookGuard hookGuard = workspace.open(common.postgres, java.time.Clock.systemUTC())) {
      // Replays are refused across every instance on this database; every answer is audited.
      var receivers = SampleReceivers.create(hookGuard, SampleReceivers.Stores.of(hookGuard),
          workspace.secrets(),
          SampleReceivers.Settings.local(http, hookGuard.audit().receiptListener()));
      try (SampleServer server = SampleServer.start(new InetSocketAddress("localhost", port),
          http ? null : workspace.serverTls(), receivers)) {
        System.out.println("HookGuard sample receiver on " + server.baseUri() + " ("
            + (common.postgres == null ? "SQLite " + workspace.database() : "PostgreSQL") + ")");
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
