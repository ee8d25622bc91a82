package dev.hookguard.runtime.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ChunkedTest {

  private final ExecutorService helper = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "chunked-helper");
    thread.setDaemon(true);
    return thread;
  });

  @AfterEach
  void stopHelper() {
    helper.shutdownNow();
  }

  private static List<Integer> upTo(int count) {
    return IntStream.range(0, count).boxed().toList();
  }

  @Test
  void everyItemIsMappedOnceAndConsumedInOrderInChunksOfTheGivenSize() throws SQLException {
    List<List<Integer>> consumed = new ArrayList<>();
    Chunked.forEachAhead(upTo(10), 4, helper, i -> i * 10, chunk -> consumed.add(List.copyOf(chunk)));
    assertThat(consumed).containsExactly(
        List.of(0, 10, 20, 30), List.of(40, 50, 60, 70), List.of(80, 90));
  }

  @Test
  void nothingIsConsumedForNoItems() throws SQLException {
    List<List<Integer>> consumed = new ArrayList<>();
    Chunked.forEachAhead(List.<Integer>of(), 4, helper, i -> i, consumed::add);
    assertThat(consumed).isEmpty();
  }

  @Test
  @Timeout(30)
  void theNextChunkIsMappedWhileThisOneIsConsumed() throws SQLException {
    // Chunk 1's mapping waits for chunk 0's consumer to begin, and chunk 0's consumer for chunk
    // 1's mapping to end: only the two running at once lets this finish.
    CountDownLatch consuming = new CountDownLatch(1);
    CountDownLatch mappedAhead = new CountDownLatch(1);
    List<String> threads = new ArrayList<>();
    List<List<Integer>> consumed = new ArrayList<>();
    Chunked.forEachAhead(upTo(4), 2, helper, i -> {
      if (i == 2) {
        await(consuming);
        threads.add(Thread.currentThread().getName());
      }
      if (i == 3) {
        mappedAhead.countDown();
      }
      return i;
    }, chunk -> {
      if (chunk.get(0) == 0) {
        consuming.countDown();
        await(mappedAhead);
      }
      consumed.add(List.copyOf(chunk));
    });
    assertThat(consumed).containsExactly(List.of(0, 1), List.of(2, 3));
    assertThat(threads).containsExactly("chunked-helper");
  }

  @Test
  void aChunkTheHelperNeverRunsIsMappedByTheCaller() throws SQLException {
    List<Runnable> neverRun = new ArrayList<>();
    List<List<Integer>> consumed = new ArrayList<>();
    Chunked.forEachAhead(upTo(7), 3, neverRun::add, i -> i + 1, chunk -> consumed.add(List.copyOf(chunk)));
    assertThat(consumed).containsExactly(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7));
    // Run late, a claimed chunk is not mapped again.
    List<Integer> mappedLate = new ArrayList<>();
    List<Runnable> handedOver = new ArrayList<>();
    Chunked.forEachAhead(upTo(4), 2, handedOver::add, i -> {
      mappedLate.add(i);
      return i;
    }, chunk -> { });
    handedOver.forEach(Runnable::run);
    assertThat(mappedLate).containsExactly(0, 1, 2, 3);
  }

  @Test
  void anExecutorThatRefusesOrCannotStartAThreadCostsTheOverlapNotTheChunks() throws SQLException {
    List<Throwable> failures = List.of(new RejectedExecutionException("shut down"),
        new OutOfMemoryError("unable to create native thread"));
    for (Throwable failure : failures) {
      List<List<Integer>> consumed = new ArrayList<>();
      Chunked.forEachAhead(upTo(5), 2, runnable -> {
        if (failure instanceof Error e) {
          throw e;
        }
        throw (RuntimeException) failure;
      }, i -> i, chunk -> consumed.add(List.copyOf(chunk)));
      assertThat(consumed).as(failure.toString())
          .containsExactly(List.of(0, 1), List.of(2, 3), List.of(4));
    }
  }

  @Test
  @Timeout(30)
  void theHelperMapsTheChunksAfterTheNextWithoutWaitingForTheConsumer() throws SQLException {
    // Chunk 0's consumer waits until chunk 2 is mapped: the helper must go on past chunk 1.
    CountDownLatch thirdMapped = new CountDownLatch(1);
    List<List<Integer>> consumed = new ArrayList<>();
    Chunked.forEachAhead(upTo(6), 2, helper, i -> {
      if (i == 5) {
        thirdMapped.countDown();
      }
      return i;
    }, chunk -> {
      if (chunk.get(0) == 0) {
        await(thirdMapped);
      }
      consumed.add(List.copyOf(chunk));
    });
    assertThat(consumed).containsExactly(List.of(0, 1), List.of(2, 3), List.of(4, 5));
  }

  @Test
  @Timeout(30)
  void aMappingFailureOnTheHelperReachesTheCallerAndNothingAfterItIsConsumed() {
    IllegalStateException failure = new IllegalStateException("the data keys cannot seal");
    CountDownLatch failed = new CountDownLatch(1);
    List<String> failedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<List<Integer>> consumed = new ArrayList<>();
    assertThatThrownBy(() -> Chunked.forEachAhead(upTo(9), 3, helper, i -> {
      if (i == 4) {
        failedOn.add(Thread.currentThread().getName());
        failed.countDown();
        throw failure;
      }
      return i;
    }, chunk -> {
      if (chunk.get(0) == 0) {
        await(failed); // chunk 1 fails while chunk 0 is consumed: on the helper
      }
      consumed.add(List.copyOf(chunk));
    })).isSameAs(failure);
    assertThat(failedOn).containsExactly("chunked-helper");
    assertThat(consumed).containsExactly(List.of(0, 1, 2));
  }

  @Test
  void aFailureInTheFirstChunkGivesUpTheChunksTheHelperHasNotBegun() {
    IllegalArgumentException failure = new IllegalArgumentException("not a single JSON value");
    List<Runnable> handedOver = new ArrayList<>();
    List<Integer> mapped = new ArrayList<>();
    assertThatThrownBy(() -> Chunked.forEachAhead(upTo(9), 3, handedOver::add,
        recording(mapped, 1, failure), chunk -> { })).isSameAs(failure);
    handedOver.forEach(Runnable::run); // the helper comes late
    assertThat(mapped).containsExactly(0, 1);
  }


  @Test
  void aConsumerFailureStopsTheChunksAfterIt() {
    List<List<Integer>> consumed = new ArrayList<>();
    assertThatThrownBy(() -> Chunked.forEachAhead(upTo(9), 3, helper, i -> i, chunk -> {
      consumed.add(List.copyOf(chunk));
      if (chunk.contains(4)) {
        throw new SQLException("duplicate key");
      }
    })).isInstanceOf(SQLException.class).hasMessage("duplicate key");
    assertThat(consumed).containsExactly(List.of(0, 1, 2), List.of(3, 4, 5));
  }

  @Test
  void theHelperTakesItsChunksFromTheBackForMapAllAndInOrderAhead() throws SQLException {
    // A helper that runs its task at once, before the caller begins: what it maps shows its order.
    List<Integer> mapped = new ArrayList<>();
    assertThat(Chunked.mapAll(upTo(6), 2, Runnable::run, recording(mapped, -1, null)))
        .containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(mapped).containsExactly(4, 5, 2, 3, 0, 1);

    mapped.clear();
    Chunked.forEachAhead(upTo(6), 2, Runnable::run, recording(mapped, -1, null), chunk -> { });
    assertThat(mapped).containsExactly(2, 3, 4, 5, 0, 1);
  }

  @Test
  void mapAllMapsEveryItemOnceInOrder() {
    List<Integer> items = upTo(103);
    java.util.Map<Integer, String> mappedBy = new java.util.concurrent.ConcurrentHashMap<>();
    List<Integer> mapped = Chunked.mapAll(items, 5, helper, i -> {
      assertThat(mappedBy.put(i, Thread.currentThread().getName())).as("mapped once").isNull();
      return i * 2;
    });
    assertThat(mapped).isEqualTo(items.stream().map(i -> i * 2).toList());
    assertThat(mappedBy).hasSize(103);
  }

  @Test
  @Timeout(30)
  void mapAllSharesTheChunksWithTheHelper() {
    // Chunk 0 (mapped by the caller) waits until chunk 1 is being mapped: by the helper, or
    // this never ends.
    CountDownLatch helperStarted = new CountDownLatch(1);
    List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<Integer> mapped = Chunked.mapAll(upTo(4), 2, helper, i -> {
      if (i == 0) {
        await(helperStarted);
      }
      if (i == 2) {
        helperStarted.countDown();
      }
      threads.add(i + " " + Thread.currentThread().getName());
      return i;
    });
    assertThat(mapped).containsExactly(0, 1, 2, 3);
    assertThat(threads).contains("2 chunked-helper", "0 " + Thread.currentThread().getName());
  }

  @Test
  void mapAllWithoutAHelperMapsEverythingOnTheCaller() {
    List<Runnable> neverRun = new ArrayList<>();
    assertThat(Chunked.mapAll(upTo(7), 2, neverRun::add, i -> -i))
        .containsExactly(0, -1, -2, -3, -4, -5, -6);
    assertThat(Chunked.mapAll(upTo(7), 2, runnable -> {
      throw new RejectedExecutionException("shut down");
    }, i -> i)).hasSize(7);
    assertThat(Chunked.mapAll(List.<Integer>of(), 2, neverRun::add, i -> i)).isEmpty();
  }

  @Test
  void mapAllThrowsTheFirstFailureInOrderAndTheHelperMapsNothingAfterIt() {
    IllegalArgumentException failure = new IllegalArgumentException("not a single JSON value");
    List<Runnable> handedOver = new ArrayList<>();
    List<Integer> mapped = new ArrayList<>();
    assertThatThrownBy(() -> Chunked.mapAll(upTo(10), 2, handedOver::add,
        recording(mapped, 3, failure))).isSameAs(failure);
    handedOver.forEach(Runnable::run); // the helper comes late: every chunk left is abandoned
    assertThat(mapped).containsExactly(0, 1, 2, 3);
  }

  /** The identity, noting each item it maps in {@code mapped}, throwing {@code failure} at one. */
  private static java.util.function.Function<Integer, Integer> recording(
      List<Integer> mapped, int failAt, RuntimeException failure) {
    return i -> {
      mapped.add(i);
      if (i == failAt) {
        throw failure;
      }
      return i;
    };
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(20, TimeUnit.SECONDS)).as("the other side ran").isTrue();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
