package dev.hookguard.benchmarks;

import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.samples.shopify.ShopifyOrder;
import dev.hookguard.samples.shopify.ShopifyOrderRedactor;
import dev.hookguard.samples.shopify.ShopifyOrderVerifier;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.json.JsonMapper;

/**
 * Making the Shopify order safe to log or forward, against writing it out unredacted.
 *
 * <p>{@code ShopifyOrder} overrides {@code toString()} with its redactor, as the README
 * recommends (and the processor's {@code HookGuardRecordToString} warning asks), so
 * {@code recordStringValueOf} is what {@code log.info("{}", order)} costs in practice: the same
 * work as {@code toLogString}. The unredacted baselines are the generated writer
 * ({@code ShopifyOrderVerifier.toJson}: same generator, no masks) and Jackson data binding's
 * {@code writeValueAsString}. The redacting baseline is {@link ReflectiveRedactor}: the same
 * masks, applied by walking the object's fields by reflection on every call. The redacting peer
 * of {@code toRedactedJson} is {@code jacksonMaskingToJson}: Jackson data binding with a masking
 * serializer module ({@link JacksonMasking}), the same masks, the same JSON shape.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RedactBenchmark {

  private ShopifyOrder order;
  private ShopifyOrderRedactor redactor;
  private ReflectiveRedactor reflective;
  private JsonMapper masking;

  @Setup
  public void setUp() throws Exception {
    order = ShopifyOrderVerifier.create(Signatures.shopify(Samples.SHOPIFY_SECRET))
        .readTrusted(Samples.payload(Samples.SHOPIFY_ORDER));
    // One redactor per process, as a receiver keeps it (its HASH key is made once).
    redactor = ShopifyOrderRedactor.create();
    Samples.JACKSON.writeValueAsString(order);
    reflective = ReflectiveRedactor.fromManifests(new byte[32]);
    // Fail here, not in a measurement, if the baseline masks less than the generated redactor.
    if (!reflective.toLogString(order).contains("[REDACTED]")) {
      throw new IllegalStateException("the reflective baseline masks nothing");
    }
    masking = JacksonMasking.mapper(reflective);
    String masked = masking.writeValueAsString(order);
    if (masked.contains(order.email()) || !masked.contains("[REDACTED]")) {
      throw new IllegalStateException("the Jackson masking module does not mask: " + masked);
    }
  }

  /** The baseline: fields walked by reflection on every call, masks looked up per field. */
  @Benchmark
  public void reflectiveToLogString(Blackhole bh) {
    bh.consume(reflective.toLogString(order));
  }

  @Benchmark
  public void toLogString(Blackhole bh) {
    bh.consume(redactor.toLogString(order));
  }

  /** The peer of {@link #toRedactedJson}: Jackson data binding with a masking module. */
  @Benchmark
  public void jacksonMaskingToJson(Blackhole bh) {
    bh.consume(masking.writeValueAsString(order));
  }

  @Benchmark
  public void toRedactedJson(Blackhole bh) {
    bh.consume(redactor.toRedactedJson(order));
  }

  @Benchmark
  public void redactCopy(Blackhole bh) {
    bh.consume(redactor.redact(order));
  }

  @Benchmark
  public void recordStringValueOf(Blackhole bh) {
    bh.consume(String.valueOf(order));
  }

  @Benchmark
  public void unredactedGeneratedToJson(Blackhole bh) {
    bh.consume(ShopifyOrderVerifier.toJson(order));
  }

  @Benchmark
  public void unredactedJacksonWrite(Blackhole bh) {
    bh.consume(Samples.JACKSON.writeValueAsString(order));
  }
}
