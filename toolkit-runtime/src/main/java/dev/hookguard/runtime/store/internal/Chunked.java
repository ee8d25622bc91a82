package dev.hookguard.runtime.store.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A list mapped chunk by chunk by the calling thread and a helper thread together: what a batch of
 * records ({@code putAll}) does with a second core.
 *
 * <ul>
 *   <li>{@link #mapAll}: the caller takes chunks from the first on, the helper from the last back,
 *       until they meet.
 *   <li>{@link #forEachAhead}: while the caller consumes chunk {@code c}, the helper maps chunk
 *       {@code c + 1}. Sealing records costs CPU in this process, inserting them waits for
 *       SQLite's B-trees on the calling thread or for PostgreSQL's server; one after the other,
 *       each side idles while the other works. The consumer stays on the calling thread, which
 *       holds the transaction's connection.
 * </ul>
 *
 * <p>No chunk waits for the helper: a chunk the helper has not begun when the caller needs it is
 * mapped by the caller itself, so a busy, saturated or refusing executor costs the overlap, never
 * progress, and no thread is needed of its own. A failure to map a chunk is thrown to the caller,
 * the same exception, when the caller reaches that chunk; nothing after it is consumed.
 */
final class Chunked {

  private Chunked() {}

  /** What consumes each mapped chunk, on the calling thread. */
  @FunctionalInterface
  interface Consumer<R> {
    void accept(List<R> chunk) throws SQLException;
  }

  /**
   * {@code items} mapped by {@code map}, in order: in chunks of {@code chunkSize}, each taken by
   * the calling thread (from the first on) or by {@code helper} (from the last back), whichever
   * comes to it first.
   */
  static <T, R> List<R> mapAll(List<T> items, int chunkSize, Executor helper,
      Function<? super T, ? extends R> map) {
    int chunks = chunks(items, chunkSize, helper);
    List<Chunk<T, R>> all = new ArrayList<>(chunks);
    for (int c = 0; c < chunks; c++) {
      all.add(Chunk.<T, R>of(items, c, chunkSize, map));
    }
    if (chunks > 1) {
      try {
        helper.execute(() -> {
          for (int c = chunks - 1; c > 0; c--) {
            all.get(c).run();
          }
        });
      } catch (RejectedExecutionException e) {
        // The caller maps them all.
      }
    }
    List<R> mapped = new ArrayList<>(items.size());
    try {
      for (Chunk<T, R> chunk : all) {
        mapped.addAll(chunk.take());
      }
    } catch (RuntimeException | Error e) {
      all.forEach(Chunk::abandon); // the helper claims what is left and maps none of it
      throw e;
    }
    return mapped;
  }

  /**
   * Maps {@code items} by {@code map} in chunks of {@code chunkSize} (the last one shorter), and
   * gives each mapped chunk to {@code consumer} in order, on the calling thread, while {@code
   * helper} maps the next.
   */
  static <T, R> void forEachAhead(List<T> items, int chunkSize, Executor helper,
      Function<? super T, ? extends R> map, Consumer<R> consumer) throws SQLException {
    int chunks = chunks(items, chunkSize, helper);
    if (chunks == 0) {
      return;
    }
    Chunk<T, R> next = chunks > 1 ? Chunk.<T, R>start(items, 1, chunkSize, map, helper) : null;
    List<R> current = Chunk.<T, R>of(items, 0, chunkSize, map).take();
    for (int c = 0; ; c++) {
      try {
        consumer.accept(current);
      } catch (SQLException | RuntimeException | Error e) {
        if (next != null) {
          next.abandon(); // not mapped for nothing, if the helper has not begun it
        }
        throw e;
      }
      if (next == null) {
        return;
      }
      current = next.take();
      next = c + 2 < chunks ? Chunk.<T, R>start(items, c + 2, chunkSize, map, helper) : null;
    }
  }

  private static int chunks(List<?> items, int chunkSize, Executor helper) {
    Objects.requireNonNull(helper, "helper");
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunks of " + chunkSize);
    }
    return (items.size() + chunkSize - 1) / chunkSize;
  }

  /** One chunk's mapping, run by whichever of the helper and the caller claims it first. */
  private static final class Chunk<T, R> implements Runnable {
    private final List<T> items;
    private final Function<? super T, ? extends R> map;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private List<R> mapped;
    private Throwable failure;

    private Chunk(List<T> items, Function<? super T, ? extends R> map) {
      this.items = items;
      this.map = map;
    }

    static <T, R> Chunk<T, R> of(
        List<T> items, int index, int size, Function<? super T, ? extends R> map) {
      int from = index * size;
      return new Chunk<>(items.subList(from, Math.min(items.size(), from + size)), map);
    }

    static <T, R> Chunk<T, R> start(List<T> items, int index, int size,
        Function<? super T, ? extends R> map, Executor helper) {
      Chunk<T, R> chunk = of(items, index, size, map);
      try {
        helper.execute(chunk);
      } catch (RejectedExecutionException e) {
        // The caller maps it when it gets there.
      }
      return chunk;
    }

    @Override
    public void run() {
      if (claimed.compareAndSet(false, true)) {
        map();
      }
    }

    /** Claims the chunk without mapping it, if nobody has: the caller will not take it. */
    void abandon() {
      if (claimed.compareAndSet(false, true)) {
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
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      if (failure != null) {
        throw new IllegalStateException("mapping a chunk failed", failure);
      }
      return mapped;
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
