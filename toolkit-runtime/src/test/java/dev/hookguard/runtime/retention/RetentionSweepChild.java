package dev.hookguard.runtime.retention;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.crypto.MasterKey;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A separate JVM that sweeps slowly, to be killed mid-sweep by {@link SqliteRetentionTest}:
 * arguments are the database file, the master key file, the clock's instant, the batch size and
 * the pause after each batch in milliseconds. Prints {@code batch N} after each committed batch.
 */
public final class RetentionSweepChild {

  private RetentionSweepChild() {}

  public static void main(String[] args) throws Exception {
    Path database = Path.of(args[0]);
    MasterKey masterKey = MasterKey.localFile(Path.of(args[1]));
    Clock clock = Clock.fixed(Instant.parse(args[2]), ZoneOffset.UTC);
    int batchSize = Integer.parseInt(args[3]);
    long pauseMillis = Long.parseLong(args[4]);
    try (HookGuard hookGuard =
        HookGuard.builder().sqlite(database).masterKey(masterKey).clock(clock).build()) {
      System.out.println("started");
      System.out.flush();
      hookGuard
          .retention()
          .sweep(
              SweepOptions.defaults()
                  .withBatchSize(batchSize)
                  .withListener(
                      progress -> {
                        System.out.println("batch " + progress.batches());
                        System.out.flush();
                        try {
                          Thread.sleep(pauseMillis);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                          throw new IllegalStateException("interrupted", e);
                        }
                      }));
      System.out.println("finished");
    }
  }
}
