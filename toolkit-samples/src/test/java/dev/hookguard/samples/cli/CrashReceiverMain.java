package dev.hookguard.samples.cli;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.receiver.MicrometerReceiverMetrics;
import dev.hookguard.runtime.receiver.RateLimit;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The child JVM of {@link CrashTest}: the sample program's real receivers, as {@code hookguard
 * serve --http} runs them, on the workspace folder {@code args[0]} (its SQLite file, master key
 * and signing secrets) or on PostgreSQL at the JDBC URL {@code args[1]}. Serves plain HTTP on
 * 127.0.0.1 at a free port, which it prints as {@code PORT <n>}, until it is killed; or, told
 * {@code stop} on its standard input, closes the server and the store, prints {@code STOPPED}
 * and exits 0; told {@code metrics}, prints every meter of its receivers' Micrometer registry,
 * then {@code END}; told {@code heap}, collects garbage and prints {@code HEAP <bytes in use>},
 * then {@code END}. It also exits when its standard input ends, so it never outlives the test.
 */
final class CrashReceiverMain {

  private CrashReceiverMain() {}

  public static void main(String[] args) throws Exception {
    Workspace workspace = new Workspace(Path.of(args[0]));
    String postgres = args.length > 1 ? args[1] : null;
    HookGuard hookGuard = workspace.open(postgres, Clock.systemUTC());
    SampleReceivers.Stores stores = SampleReceivers.Stores.of(hookGuard);
    // As `serve` sets the receivers up, but plain HTTP and a rate limit that a burst from one
    // address never reaches: the test is about what is stored, not about what is refused.
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SampleReceivers.Settings settings = new SampleReceivers.Settings(
        List.of("127.0.0.0/8"), List.of(), true, 32 * 1024,
        RateLimit.of(1_000_000, Duration.ofSeconds(1)), hookGuard.audit().receiptListener(),
        MicrometerReceiverMetrics.of(registry));
    SampleServer server = SampleServer.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null,
        SampleReceivers.create(hookGuard, stores, workspace.secrets(), settings));
    System.out.println("PORT " + server.baseUri().getPort());
    System.out.flush();

    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.strip().equals("metrics")) {
        // Every meter: its name, tags and measurements, one per line.
        for (Meter meter : registry.getMeters()) {
          System.out.println("METER " + meter.getId() + " " + meter.measure());
        }
        System.out.println("END");
        System.out.flush();
      }
      if (line.strip().equals("heap")) {
        // The heap in use after a full collection: what the receiver holds on to.
        System.gc();
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        System.out.println("HEAP " + (runtime.totalMemory() - runtime.freeMemory()));
        System.out.println("END");
        System.out.flush();
      }
      if (line.strip().equals("stop")) {
        server.close();
        hookGuard.close();
        System.out.println("STOPPED");
        System.out.flush();
        System.exit(0);
      }
    }
    // The test JVM is gone: do not linger.
    System.exit(3);
  }
}
