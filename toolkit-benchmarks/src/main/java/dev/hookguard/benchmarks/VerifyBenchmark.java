package dev.hookguard.benchmarks;

import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import dev.hookguard.samples.github.GitHubPushVerifier;
import dev.hookguard.samples.shopify.ShopifyOrderVerifier;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * The whole verifier, {@code XVerifier.verify(headers, body)} (size check, signature, bounded
 * parse, validation), against the signature check alone ({@code WebhookSignature.verify}: header
 * look-up, HMAC-SHA256 over the raw body, constant-time compare), and against one bare JDK
 * HMAC-SHA256 over the same bytes (the floor: what any correct receiver must pay).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class VerifyBenchmark {

  private byte[] shopifyBody;
  private byte[] githubBody;
  private WebhookSignature shopifyScheme;
  private WebhookSignature githubScheme;
  private Map<String, List<String>> shopifyHeaders;
  private Map<String, List<String>> githubHeaders;
  private ShopifyOrderVerifier shopify;
  private GitHubPushVerifier github;
  private Mac jdkHmac;

  @Setup
  public void setUp() throws Exception {
    shopifyBody = Samples.payload(Samples.SHOPIFY_ORDER);
    githubBody = Samples.payload(Samples.GITHUB_PUSH);
    shopifyScheme = Signatures.shopify(Samples.SHOPIFY_SECRET);
    githubScheme = Signatures.github(Samples.GITHUB_SECRET);
    shopifyHeaders = Samples.signedHeaders(shopifyScheme, shopifyBody);
    githubHeaders = Samples.signedHeaders(githubScheme, githubBody);
    shopify = ShopifyOrderVerifier.create(shopifyScheme);
    github = GitHubPushVerifier.create(githubScheme);
    jdkHmac = Mac.getInstance("HmacSHA256");
    jdkHmac.init(new SecretKeySpec(
        Samples.SHOPIFY_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    // Fail here, not in a measurement, if the inputs are not what they claim to be.
    shopify.verify(shopifyHeaders, shopifyBody);
    github.verify(githubHeaders, githubBody);
  }

  @Benchmark
  public void shopifyVerify(Blackhole bh) throws WebhookVerificationException {
    bh.consume(shopify.verify(shopifyHeaders, shopifyBody));
  }

  @Benchmark
  public void shopifySignatureOnly() throws WebhookVerificationException {
    shopifyScheme.verify(shopifyHeaders, shopifyBody);
  }

  @Benchmark
  public void shopifyJdkHmac(Blackhole bh) {
    bh.consume(jdkHmac.doFinal(shopifyBody));
  }

  @Benchmark
  public void githubVerify(Blackhole bh) throws WebhookVerificationException {
    bh.consume(github.verify(githubHeaders, githubBody));
  }

  @Benchmark
  public void githubSignatureOnly() throws WebhookVerificationException {
    githubScheme.verify(githubHeaders, githubBody);
  }
}
