package dev.hookguard.benchmarks;

import dev.hookguard.runtime.generated.StoredDocuments;
import dev.hookguard.runtime.internal.keys.DataKeys;
import dev.hookguard.runtime.internal.keys.RetentionKeyStore;
import dev.hookguard.runtime.internal.records.RecordCodec;
import dev.hookguard.runtime.internal.records.RecordCodec.OpenedFields;
import dev.hookguard.runtime.internal.records.RecordCodec.SealedRecord;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.store.internal.JdbcPayloadTable;
import dev.hookguard.samples.shopify.ShopifyOrder;
import dev.hookguard.samples.shopify.ShopifyOrderStore;
import dev.hookguard.samples.shopify.ShopifyOrderVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The record's own cryptography, without a database: the Shopify order, which is about its
 * customer (a {@code @Subject}), sealed as a {@code put} seals it ({@code seal}: its fields under
 * the data keys, day keys and the customer's key, the look-up token, the record MAC) and opened as
 * a {@code find} opens it ({@code open}: the MAC checked, every field opened). Keys are real Tink
 * keys; the customer's key comes from a key store on a SQLite file, found once in setup and
 * cached, as a receiver finds it. What a {@code put}, a {@code putAll} per record or a {@code
 * find} spends on CPU beside its database work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SealBenchmark {

  private Path folder;
  private RetentionKeyStore dayKeys;
  private DataKeys keys;
  private JdbcPayloadTable.Plain plain;
  private long receivedAt;
  private Long expiresAt;
  private SealedRecord sealed;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    folder = Files.createTempDirectory("hookguard-seal");
    dayKeys = BenchKeys.keyStoreIn(folder);
    keys = BenchKeys.newDataKeys();
    ShopifyOrder order = ShopifyOrderVerifier.create(Signatures.shopify(Samples.SHOPIFY_SECRET))
        .readTrusted(Samples.payload(Samples.SHOPIFY_ORDER));
    // What ShopifyOrderStore.put hands its table.
    Map<String, String> json = StoredDocuments.split(ShopifyOrderVerifier.toJson(order));
    receivedAt = System.currentTimeMillis();
    expiresAt = receivedAt
        + Duration.ofDays(ShopifyOrderStore.SCHEMA.retainDays().orElseThrow()).toMillis();
    plain = JdbcPayloadTable.plain(
        ShopifyOrderStore.SCHEMA, dayKeys, json, Instant.ofEpochMilli(receivedAt));
    if (plain.subjectTokens().isEmpty()) {
      throw new IllegalStateException("the order is about no data subject");
    }
    sealed = seal();
    if (open().json().size() != plain.fields().size()) {
      throw new IllegalStateException("the sealed order does not open whole");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    dayKeys.close();
    BenchBackend.deleteFolder(folder);
  }

  @Benchmark
  public SealedRecord seal() throws Exception {
    return RecordCodec.seal(keys, dayKeys, ShopifyOrderStore.SCHEMA.payloadType(), "bench-id",
        receivedAt, expiresAt, plain.fields(), plain.subjectTokens());
  }

  @Benchmark
  public OpenedFields open() {
    return RecordCodec.open(keys, dayKeys, sealed, path -> true, receivedAt);
  }
}
