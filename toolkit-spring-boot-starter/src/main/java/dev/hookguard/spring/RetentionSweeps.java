package dev.hookguard.spring;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.retention.SweepReport;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@code hookGuard.retention().sweep()} every {@code hookguard.retention.sweep-interval},
 * from one daemon thread of its own, while the application context runs: the first sweep one
 * interval after startup. A sweep that fails is logged (its exception's class only) and the next
 * one finishes its work. On PostgreSQL several instances may sweep at once.
 */
final class RetentionSweeps implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger("dev.hookguard.spring");

  private final HookGuard hookGuard;
  private final Duration interval;
  private ScheduledExecutorService executor;

  RetentionSweeps(HookGuard hookGuard, Duration interval) {
    this.hookGuard = hookGuard;
    this.interval = interval;
  }

  @Override
  public synchronized void start() {
    executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "hookguard-retention-sweep");
      thread.setDaemon(true);
      return thread;
    });
    long millis = Math.max(1, interval.toMillis());
    executor.scheduleWithFixedDelay(this::sweep, millis, millis, TimeUnit.MILLISECONDS);
    LOG.info("retention sweeps scheduled every {}", interval);
  }

  private void sweep() {
    try {
      SweepReport report = hookGuard.retention().sweep();
      if (report.dayKeysDestroyed() > 0 || report.recordsDeleted() > 0 || report.fieldsDeleted() > 0) {
        LOG.info("retention sweep: {} day keys destroyed, {} records and {} fields deleted in {}",
            report.dayKeysDestroyed(), report.recordsDeleted(), report.fieldsDeleted(),
            report.duration());
      }
    } catch (RuntimeException e) {
      LOG.warn("retention sweep failed: {}; the next one resumes", e.getClass().getName());
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      // A sweep under way finishes its batch; one that is cut short resumes next time.
      executor.shutdown();
      try {
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
          executor.shutdownNow();
        }
      } catch (InterruptedException e) {
        executor.shutdownNow();
        Thread.currentThread().interrupt();
      }
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }

  @Override
  public String toString() {
    return "RetentionSweeps[every " + interval + "]";
  }
}
