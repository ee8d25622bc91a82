package dev.hookguard.samples.cli;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Writes every thread of the test JVM (where the server runs) to standard error when a test is
 * still running after 9 s, just before its client's 10 s request timeout fires and the server is
 * closed: a hang in CI leaves the live state of the server in the surefire report.
 */
final class ThreadDumpOnTimeout implements BeforeEachCallback, AfterEachCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ThreadDumpOnTimeout.class);

  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "thread-dump-watchdog");
            thread.setDaemon(true);
            return thread;
          });

  @Override
  public void beforeEach(ExtensionContext context) {
    String name = context.getDisplayName();
    ScheduledFuture<?> dump = WATCHDOG.scheduleAtFixedRate(() -> dump(name), 9, 30, TimeUnit.SECONDS);
    context.getStore(NAMESPACE).put("dump", dump);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ScheduledFuture<?> dump = context.getStore(NAMESPACE).remove("dump", ScheduledFuture.class);
    if (dump != null) {
      dump.cancel(false);
    }
  }

  private static void dump(String test) {
    StringBuilder dump = new StringBuilder("thread dump: ").append(test)
        .append(" still running after 9 s\n");
    Thread.getAllStackTraces().forEach((thread, frames) -> {
      dump.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
      for (StackTraceElement frame : frames) {
        dump.append("    at ").append(frame).append('\n');
      }
    });
    System.err.print(dump);
  }
}
