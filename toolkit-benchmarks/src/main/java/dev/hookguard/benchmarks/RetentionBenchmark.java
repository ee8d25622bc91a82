package dev.hookguard.benchmarks;

import dev.hookguard.runtime.retention.SweepReport;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.samples.github.GitHubPush;
import dev.hookguard.samples.github.GitHubPushStore;
import dev.hookguard.samples.github.GitHubPushVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * One retention sweep over {@code records} expired GitHub pushes (2.8 KB, three randomized
 * fields under their retention day's key, 30-day retention): before each measured sweep, a fresh
 * store is filled with {@code putAll} in batches of {@value #BATCH} (not measured) and the clock
 * moved 31 days on. The sweep destroys the passed day keys and deletes every record in batches of
 * the default size, one transaction each, each audited; the score is the sweep's wall time, so
 * rows per second is {@code records / score}. It must delete every record, or the run fails.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.slf4j.simpleLogger.log.com.zaxxer.hikari=warn"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class RetentionBenchmark {

  static final int BATCH = 1000;

  @Param({"sqlite", "postgres"})
  public String backend;

  @Param({"100000"})
  public int records;

  private MovableClock clock;
  private BenchBackend store;
  private GitHubPush push;

  @Setup(Level.Iteration)
  public void fill() throws Exception {
    push = GitHubPushVerifier.create(Signatures.github(Samples.GITHUB_SECRET))
        .readTrusted(Samples.payload(Samples.GITHUB_PUSH));
    clock = new MovableClock(Instant.now());
    store = BenchBackend.open(backend, clock);
    GitHubPushStore pushes = GitHubPushStore.create(store.hookGuard);
    for (int done = 0; done < records; ) {
      Map<String, GitHubPush> batch = new LinkedHashMap<>();
      for (int i = 0; i < BATCH && done < records; i++, done++) {
        batch.put("push-" + done, push);
      }
      pushes.putAll(batch);
    }
    clock.advance(Duration.ofDays(31));
  }

  @TearDown(Level.Iteration)
  public void close() throws Exception {
    store.close();
  }

  @Benchmark
  public SweepReport sweep() {
    SweepReport report = store.hookGuard.retention().sweep();
    if (report.recordsDeleted() != records) {
      throw new IllegalStateException("the sweep deleted " + report.recordsDeleted() + " of " + records);
    }
    return report;
  }
}
