package dev.hookguard.runtime.receiver;

import java.time.Clock;

/**
 * Bounds how many lines of one kind a receiver writes per second: a flood of forged requests
 * would otherwise be a flood of log lines (about 180 bytes each) and fill the disk. The counters
 * stay exact; the log says how many lines it left out.
 */
final class LogSampler {

  private final int perSecond;
  private final Clock clock;
  private long second = Long.MIN_VALUE;
  private int written;
  private long leftOut;

  LogSampler(int perSecond, Clock clock) {
    this.perSecond = perSecond;
    this.clock = clock;
  }

  /**
   * Whether a line may be written now: -1 if not (it is counted as left out), else the number of
   * lines left out since the last one written, which the caller reports.
   */
  synchronized long admit() {
    long now = Math.floorDiv(clock.millis(), 1000L);
    if (now != second) {
      second = now;
      written = 0;
    }
    if (written == perSecond) {
      leftOut++;
      return -1;
    }
    written++;
    long before = leftOut;
    leftOut = 0;
    return before;
  }
}
