package dev.hookguard.benchmarks;

import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import dev.hookguard.samples.shopify.ShopifyOrderVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

/**
 * What an unauthenticated request costs: a body that does not match its signature is refused
 * by the verifier before any parsing. Two forgeries of the Shopify order, both the genuine
 * body's length and sent with the genuine headers: the order with its total changed, and a
 * hostile document (thousands of nested arrays) no parser should have to walk. Both should cost
 * what {@code VerifyBenchmark.shopifySignatureOnly} costs plus throwing the exception, and far
 * less than {@code VerifyBenchmark.shopifyVerify}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ForgedBodyBenchmark {

  private Map<String, List<String>> headers;
  private byte[] changedTotal;
  private byte[] nestedArrays;
  private ShopifyOrderVerifier verifier;

  @Setup
  public void setUp() throws Exception {
    byte[] genuine = Samples.payload(Samples.SHOPIFY_ORDER);
    WebhookSignature scheme = Signatures.shopify(Samples.SHOPIFY_SECRET);
    headers = Samples.signedHeaders(scheme, genuine);
    verifier = ShopifyOrderVerifier.create(scheme);

    String text = new String(genuine, StandardCharsets.UTF_8);
    // The buyer's price cut: 403.00 becomes 103.00, same length, still valid JSON.
    changedTotal = text.replace("\"total_price\": \"403.00\"", "\"total_price\": \"103.00\"")
        .getBytes(StandardCharsets.UTF_8);
    if (Arrays.equals(changedTotal, genuine) || changedTotal.length != genuine.length) {
      throw new IllegalStateException("could not forge the sample order");
    }
    nestedArrays = new byte[genuine.length];
    Arrays.fill(nestedArrays, 0, nestedArrays.length / 2, (byte) '[');
    Arrays.fill(nestedArrays, nestedArrays.length / 2, nestedArrays.length, (byte) ']');

    for (byte[] body : List.of(changedTotal, nestedArrays)) {
      try {
        verifier.verify(headers, body);
        throw new IllegalStateException("a forged body was accepted");
      } catch (WebhookVerificationException expected) {
        if (expected.reason() != WebhookVerificationException.Reason.SIGNATURE_MISMATCH) {
          throw new IllegalStateException("forgery refused for another reason: " + expected.reason());
        }
      }
    }
  }

  @Benchmark
  public void changedTotalRefused(Blackhole bh) {
    bh.consume(refuse(changedTotal));
  }

  @Benchmark
  public void nestedArraysRefused(Blackhole bh) {
    bh.consume(refuse(nestedArrays));
  }

  private Object refuse(byte[] body) {
    try {
      return verifier.verify(headers, body);
    } catch (WebhookVerificationException refused) {
      return refused.reason();
    }
  }
}
