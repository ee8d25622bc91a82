package dev.hookguard.runtime.store.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A list mapped chunk by chunk by the calling thread and a helper thread together: what a batch of
 * records ({@code putAll}) does with a second core.
 *
 * <ul>
 *   <li>{@link #mapAll}: the caller maps chunks from the first on, the helper from the last back,
 *       until they meet.
 *   <li>{@link #forEachAhead}: the caller consumes the mapped chunks in order while the helper maps
 *       the ones after. Sealing records costs CPU in this process, inserting them waits for
 *       SQLite's B-trees on the calling thread or for PostgreSQL's server; one after the other,
 *       each side idles while the other works. The consumer stays on the calling thread, which
 *       holds the transaction's connection.
 * </ul>
 *
 * <p>No chunk waits for the helper: a chunk the helper has not begun when the caller needs it is
 * mapped by the caller itself, so a busy, saturated or refusing executor costs the overlap, never
 * progress, and no thread is needed of its own. A failure to map a chunk is thrown to the caller,
 * the same exception, when the caller reaches that chunk; nothing after it is consumed, and the
 * chunks nobody has begun are given up. A chunk lets go of its items and its mapping function once
 * claimed, and of its result once taken: a helper's task left queued in a saturated pool after the
 * caller returned holds nothing of the batch.
 */
final class Chunked {

  private Chunked() {}

  /** What consumes each mapped chunk, on the calling thread. */
  @FunctionalInterface
  interface ChunkConsumer<R, E extends Exception> {
    void accept(List<R> chunk) throws E;
  }

  /**
   * {@code items} mapped by {@code map}, in order: in chunks of {@code chunkSize}, each mapped by
   * the calling thread (from the first on) or by {@code helper} (from the last back), whichever
   * comes to it first.
   */
  static <T, R> List<R> mapAll(List<T> items, int chunkSize, Executor helper,
      Function<? super T, ? extends R> map) {
    List<R> mapped = new ArrayList<>(items.size());
    run(items, chunkSize, helper, true, map, mapped::addAll);
    return mapped;
  }

  /**
   * Maps {@code items} by {@code map} in chunks of {@code chunkSize} (the last one shorter), and
   * gives each mapped chunk to {@code consumer} in order, on the calling thread, while {@code
   * helper} maps the chunks after it.
   */
  static <T, R, E extends Exception> void forEachAhead(List<T> items, int chunkSize,
      Executor helper, Function<? super T, ? extends R> map, ChunkConsumer<R, E> consumer)
      throws E {
    run(items, chunkSize, helper, false, map, consumer);
  }

  private static <T, R, E extends Exception> void run(List<T> items, int chunkSize,
      Executor helper, boolean helperFromTheEnd, Function<? super T, ? extends R> map,
      ChunkConsumer<R, E> consumer) throws E {
    Objects.requireNonNull(helper, "helper");
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunks of " + chunkSize);
    }
    int count = (items.size() + chunkSize - 1) / chunkSize;
    List<Chunk<T, R>> chunks = new ArrayList<>(count);
    for (int c = 0; c < count; c++) {
      int from = c * chunkSize;
      chunks.add(new Chunk<>(items.subList(from, Math.min(items.size(), from + chunkSize)), map));
    }
    if (count > 1) {
      List<Chunk<?, ?>> helpers = new ArrayList<>(chunks.subList(1, count));
      if (helperFromTheEnd) {
        Collections.reverse(helpers);
      }
      start(helper, helpers);
    }
    try {
      for (Chunk<T, R> chunk : chunks) {
        consumer.accept(chunk.take());
      }
    } catch (Exception | Error e) {
      chunks.forEach(Chunk::abandon); // the helper claims what is left and maps none of it
      throw e;
    }
  }

  /**
   * Hands {@code chunks} to {@code helper}, to map in that order those the caller has not claimed.
   * An executor that refuses, or fails to start a thread, leaves them all to the caller.
   */
  private static void start(Executor helper, List<Chunk<?, ?>> chunks) {
    try {
      helper.execute(() -> chunks.forEach(Chunk::run));
    } catch (RuntimeException | OutOfMemoryError e) {
      // RejectedExecutionException, or no native thread for a new worker: the caller maps them.
    }
  }

  /** One chunk's mapping, run by whichever of the helper and the caller claims it first. */
  private static final class Chunk<T, R> {
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    // Set before the chunk is handed to the helper; read and cleared by its claimant only.
    private List<T> items;
    private Function<? super T, ? extends R> map;
    // Written by the claimant before done.countDown(), read by the caller after done.await().
    private List<R> mapped;
    private Throwable failure;

    Chunk(List<T> items, Function<? super T, ? extends R> map) {
      this.items = items;
      this.map = map;
    }

    /** The helper's part: maps the chunk if nobody has claimed it. */
    void run() {
      if (claimed.compareAndSet(false, true)) {
        map();
      }
    }

    /** Claims the chunk without mapping it, if nobody has: the caller will not take it. */
    void abandon() {
      if (claimed.compareAndSet(false, true)) {
        items = null;
        map = null;
        done.countDown();
      }
    }

    private void map() {
      try {
        List<R> out = new ArrayList<>(items.size());
        for (T item : items) {
          out.add(map.apply(item));
        }
        mapped = out;
      } catch (Throwable t) {
        failure = t;
      } finally {
        items = null;
        map = null;
        done.countDown();
      }
    }

    /** The mapped chunk: mapped here if the helper has not begun it, else once the helper ends. */
    List<R> take() {
      if (claimed.compareAndSet(false, true)) {
        map();
      } else {
        awaitUninterruptibly();
      }
      List<R> result = mapped;
      mapped = null;
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      if (failure != null) {
        throw new IllegalStateException("mapping a chunk failed", failure);
      }
      return result;
    }

    /** Waits for the helper's bounded CPU work; an interrupt is kept for the caller to see. */
    private void awaitUninterruptibly() {
      boolean interrupted = false;
      while (true) {
        try {
          done.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
