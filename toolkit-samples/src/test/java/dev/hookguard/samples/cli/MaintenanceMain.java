package dev.hookguard.samples.cli;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.retention.SweepOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The child JVM of {@link MaintenanceCrashTest}: opens the workspace {@code args[0]} (or
 * PostgreSQL at {@code args[3]}) at the instant {@code args[2]} (epoch millis), prints {@code
 * STARTED}, runs {@code args[1]} ({@code sweep}, {@code reencrypt}, {@code erase} of {@link
 * #ERASED}, or {@code finish-erase}: resume interrupted erasures, then erase again) printing
 * {@code PROGRESS} after each batch, then prints {@code DONE} and exits 0, unless it is killed first.
 */
final class MaintenanceMain {

  /** The data subject the {@code erase} actions erase. */
  static final String ERASED = "erased.person@example.com";

  private MaintenanceMain() {}

  public static void main(String[] args) {
    Workspace workspace = new Workspace(Path.of(args[0]));
    Clock clock = Clock.fixed(Instant.ofEpochMilli(Long.parseLong(args[2])), ZoneOffset.UTC);
    try (HookGuard hookGuard = workspace.open(args.length > 3 ? args[3] : null, clock)) {
      SampleReceivers.Stores.of(hookGuard); // the schemas, as a receiver registers them
      System.out.println("STARTED");
      System.out.flush();
      switch (args[1]) {
        case "sweep" -> hookGuard.retention().sweep(SweepOptions.defaults().withBatchSize(25)
            .withListener(progress -> progressed()));
        case "reencrypt" -> hookGuard.keys().reencrypt(progress -> progressed());
        case "erase" -> hookGuard.subjects().erase(ERASED, "crash test",
            progress -> progressed());
        case "finish-erase" -> {
          // What `hookguard subject erase` does: finish what was started, then erase (again).
          hookGuard.subjects().resumeErasures();
          hookGuard.subjects().erase(ERASED, "crash test", progress -> progressed());
        }
        default -> throw new IllegalArgumentException("sweep, reencrypt, erase or finish-erase");
      }
    }
    System.out.println("DONE");
    System.out.flush();
    System.exit(0);
  }

  private static void progressed() {
    System.out.println("PROGRESS");
    System.out.flush();
  }
}
