package dev.hookguard.samples.cli;

import java.io.PrintStream;

/**
 * A one-line progress display on standard error for long operations: a bar when the total is
 * known, running counts otherwise. On a terminal the line redraws in place; elsewhere (logs,
 * CI) it prints at most one line per second, so output stays short.
 */
final class Progress implements AutoCloseable {

  private static final int WIDTH = 30;

  private final PrintStream err = System.err;
  private final String label;
  private final boolean terminal = System.console() != null;
  private long lastPrinted;
  private boolean printed;

  Progress(String label) {
    this.label = label;
  }

  void update(long done, long total) {
    int filled = total <= 0 ? WIDTH : (int) Math.min(WIDTH, done * WIDTH / total);
    int percent = total <= 0 ? 100 : (int) Math.min(100, done * 100 / total);
    show(String.format("%s [%s%s] %3d%% (%d/%d)", label, "#".repeat(filled),
        ".".repeat(WIDTH - filled), percent, done, total));
  }

  void update(String counts) {
    show(label + ": " + counts);
  }

  private void show(String line) {
    long now = System.nanoTime();
    if (terminal) {
      err.print("\r" + line);
      printed = true;
    } else if (now - lastPrinted > 1_000_000_000L) {
      err.println(line);
      lastPrinted = now;
    }
  }

  @Override
  public void close() {
    if (terminal && printed) {
      err.println();
    }
  }
}
