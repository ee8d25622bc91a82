package dev.hookguard.runtime.receiver;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The message ids a receiver is handling right now. A request claims its id before it looks the
 * id up and runs the handler; a second request with the same id waits until the first is done,
 * then finds the id stored (or free again, if the first failed). So one receiver never runs the
 * handler twice for one stored event, even for concurrent redeliveries.
 */
final class InFlight {

  /** How long a request waits for another with its id before giving up (the sender retries). */
  private static final long MAX_WAIT_SECONDS = 30;

  private final ConcurrentHashMap<String, CountDownLatch> claims = new ConcurrentHashMap<>();

  /** A claim on one id; release it when done, whatever happened. */
  interface Claim {
    void release();
  }

  /** Claims {@code messageId}, waiting for another holder; null if that took too long. */
  Claim claim(String messageId) throws InterruptedException {
    CountDownLatch mine = new CountDownLatch(1);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAX_WAIT_SECONDS);
    while (true) {
      CountDownLatch theirs = claims.putIfAbsent(messageId, mine);
      if (theirs == null) {
        return () -> {
          claims.remove(messageId, mine);
          mine.countDown();
        };
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || !theirs.await(left, TimeUnit.NANOSECONDS)) {
        // Going ahead could run the handler a second time: refuse, the sender retries.
        return null;
      }
    }
  }
}
