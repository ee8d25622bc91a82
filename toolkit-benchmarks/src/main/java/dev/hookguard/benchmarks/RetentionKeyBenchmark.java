package dev.hookguard.benchmarks;

import dev.hookguard.runtime.internal.keys.RetentionKeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Destroying one retention day key in the store's own key store, as a sweep does for each day
 * that has passed: the key row replaced by a tombstone in one transaction, then the freed space
 * scrubbed (SQLite: {@code secure_delete} and the WAL checkpointed and truncated; PostgreSQL:
 * {@code VACUUM} of the key table). A key for the next day is created before each invocation
 * (not measured), so every invocation destroys exactly one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.slf4j.simpleLogger.log.com.zaxxer.hikari=warn"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class RetentionKeyBenchmark {

  @Param({"sqlite", "postgres"})
  public String backend;

  private BenchBackend store;
  private RetentionKeyStore keys;
  private long day;

  @Setup(Level.Trial)
  public void open() throws Exception {
    store = BenchBackend.open(backend, null);
    keys = store.retentionKeys();
    day = RetentionKeyStore.dayOf(System.currentTimeMillis()) + 400;
  }

  @Setup(Level.Invocation)
  public void createKey() {
    keys.forSealing(++day);
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    store.close();
  }

  @Benchmark
  public List<Long> destroyDayKey() {
    List<Long> destroyed = keys.destroyBefore(day + 1);
    if (destroyed.size() != 1) {
      throw new IllegalStateException("destroyed " + destroyed.size() + " day keys, not one");
    }
    return destroyed;
  }
}
