package dev.hookguard.benchmarks;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.generated.StoredDocuments;
import dev.hookguard.runtime.internal.jdbc.Database;
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
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
    AeadConfig.register();
    DeterministicAeadConfig.register();
    MacConfig.register();
    PrfConfig.register();
    folder = Files.createTempDirectory("hookguard-seal");
    dayKeys = RetentionKeyStore.open(Database.sqlite(folder.resolve("keys.db")), true, null,
        MasterKey.localFile(folder.resolve("master.key")), Clock.systemUTC());
    Constructor<DataKeys> make = DataKeys.class.getDeclaredConstructor(
        int.class, long.class, KeysetHandle.class, KeysetHandle.class, KeysetHandle.class,
        KeysetHandle.class);
    make.setAccessible(true);
    keys = make.newInstance(1, 1L,
        KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
        KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV),
        KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG),
        KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF));
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
