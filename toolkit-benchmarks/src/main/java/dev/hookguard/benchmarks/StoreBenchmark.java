package dev.hookguard.benchmarks;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.samples.shopify.ShopifyOrder;
import dev.hookguard.samples.shopify.ShopifyOrderStore;
import dev.hookguard.samples.shopify.ShopifyOrderVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The generated store on the embedded default, a SQLite file (WAL mode) in a fresh temporary
 * folder with a local master-key file beside it. {@code put} seals the order's encrypted
 * properties (AES256-GCM, AES256-SIV plus a look-up token for the email), MACs the record and
 * writes it in one transaction; {@code find} reads it back and masks it; {@code findByEmail} is
 * the deterministic-encryption index look-up; {@code putAll} stores {@value #BATCH} records in one
 * transaction, its score per record. Disk speed dominates {@code put}: read its numbers
 * as this machine's, not the library's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class StoreBenchmark {

  private Path folder;
  private HookGuard hookGuard;
  private ShopifyOrderStore store;
  private ShopifyOrder order;
  private long nextId;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    folder = Files.createTempDirectory("hookguard-bench");
    hookGuard = HookGuard.builder()
        .sqlite(folder.resolve("hookguard.db"))
        .masterKey(MasterKey.localFile(folder.resolve("master.key")))
        .build();
    store = ShopifyOrderStore.create(hookGuard);
    order = ShopifyOrderVerifier.create(Signatures.shopify(Samples.SHOPIFY_SECRET))
        .readTrusted(Samples.payload(Samples.SHOPIFY_ORDER));
    store.put("order-to-find", order);
    store.find("order-to-find").orElseThrow();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (hookGuard != null) {
      hookGuard.close();
    }
    if (folder != null) {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  @Benchmark
  public void put() {
    // Each id once: the store refuses a duplicate id.
    store.put("order-" + nextId++, order);
  }

  /** Records per {@link #putAll} call; the score is per record, comparable with {@link #put}. */
  static final int BATCH = 200;

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void putAll() {
    Map<String, ShopifyOrder> batch = new LinkedHashMap<>();
    for (int i = 0; i < BATCH; i++) {
      batch.put("order-" + nextId++, order);
    }
    store.putAll(batch);
  }

  @Benchmark
  public void find(Blackhole bh) {
    bh.consume(store.find("order-to-find"));
  }

  @Benchmark
  public void findByEmail(Blackhole bh) {
    bh.consume(store.findByEmail(order.email()));
  }
}
