package dev.hookguard.runtime.posture.internal;

import java.time.Duration;

/** Durations as people write them in findings: {@code 5 minutes}, {@code 90 days}. */
final class Durations {

  private Durations() {}

  static String text(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds != 0 && seconds % 86_400 == 0) {
      return plural(seconds / 86_400, "day");
    }
    if (seconds != 0 && seconds % 3_600 == 0) {
      return plural(seconds / 3_600, "hour");
    }
    if (seconds != 0 && seconds % 60 == 0) {
      return plural(seconds / 60, "minute");
    }
    if (seconds >= 86_400) {
      // Ages read from the clock are rarely whole days: whole days are precise enough.
      return "over " + plural(seconds / 86_400, "day");
    }
    if (seconds >= 3_600) {
      return "over " + plural(seconds / 3_600, "hour");
    }
    return plural(seconds, "second");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
