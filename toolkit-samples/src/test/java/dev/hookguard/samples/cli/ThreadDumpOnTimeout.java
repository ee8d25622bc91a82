package dev.hookguard.samples.cli;

import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a request of a test times out, writes every thread of the test JVM (where the server
 * runs) to standard error, then fails the test as before: a hang in CI leaves its cause in the
 * surefire report.
 */
final class ThreadDumpOnTimeout implements TestExecutionExceptionHandler {

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable thrown)
      throws Throwable {
    if (thrown instanceof HttpTimeoutException) {
      StringBuilder dump = new StringBuilder("thread dump after a request timed out in ")
          .append(context.getDisplayName()).append('\n');
      Thread.getAllStackTraces().forEach((thread, frames) -> {
        dump.append(thread.getName()).append(' ').append(thread.getState()).append('\n');
        for (StackTraceElement frame : frames) {
          dump.append("    at ").append(frame).append('\n');
        }
      });
      System.err.print(dump);
    }
    throw thrown;
  }
}
