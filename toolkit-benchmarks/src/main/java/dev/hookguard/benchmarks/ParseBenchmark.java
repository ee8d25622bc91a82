package dev.hookguard.benchmarks;

import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import dev.hookguard.samples.github.GitHubPush;
import dev.hookguard.samples.github.GitHubPushVerifier;
import dev.hookguard.samples.shopify.ShopifyOrder;
import dev.hookguard.samples.shopify.ShopifyOrderVerifier;
import dev.hookguard.samples.stripe.StripeEvent;
import dev.hookguard.samples.stripe.StripeEventVerifier;
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
 * Parsing alone (no signature): the generated, reflection-free reader ({@code readTrusted}:
 * Jackson's streaming parser, field by field, with HookGuard's limits, duplicate-key and
 * required-property checks) against Jackson data binding ({@code JsonMapper.readValue}, which
 * checks none of these) building the same object from the same bytes. The inputs: the Shopify
 * order (3.5 KB, money as strings, offset date-times), the GitHub push (2.8 KB, a class with
 * setters, lists of objects) and the Stripe source mandate notification (1.6 KB, five nested
 * records, epoch seconds).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ParseBenchmark {

  private static final String STRIPE_MANDATE_NOTIFICATION = "stripe-mandate-notification.json";
  /** Never checked: parsing alone reads no signature. */
  private static final String STRIPE_SECRET = "whsec_benchmark_stripe_secret";

  private byte[] shopifyBody;
  private byte[] githubBody;
  private ShopifyOrderVerifier shopify;
  private GitHubPushVerifier github;
  private byte[] stripeBody;
  private StripeEventVerifier stripe;

  @Setup
  public void setUp() throws Exception {
    shopifyBody = Samples.payload(Samples.SHOPIFY_ORDER);
    githubBody = Samples.payload(Samples.GITHUB_PUSH);
    shopify = ShopifyOrderVerifier.create(Signatures.shopify(Samples.SHOPIFY_SECRET));
    github = GitHubPushVerifier.create(Signatures.github(Samples.GITHUB_SECRET));
    stripeBody = Samples.payload(STRIPE_MANDATE_NOTIFICATION);
    stripe = StripeEventVerifier.create(Signatures.stripe(STRIPE_SECRET));
    // Both sides read something real before the clock starts (and Jackson builds its deserializers).
    shopify.readTrusted(shopifyBody);
    github.readTrusted(githubBody);
    stripe.readTrusted(stripeBody);
    Samples.JACKSON.readValue(shopifyBody, ShopifyOrder.class);
    Samples.JACKSON.readValue(githubBody, GitHubPush.class);
    Samples.JACKSON.readValue(stripeBody, StripeEvent.class);
  }

  @Benchmark
  public void shopifyGenerated(Blackhole bh) throws WebhookVerificationException {
    bh.consume(shopify.readTrusted(shopifyBody));
  }

  @Benchmark
  public void shopifyJackson(Blackhole bh) {
    bh.consume(Samples.JACKSON.readValue(shopifyBody, ShopifyOrder.class));
  }

  @Benchmark
  public void githubGenerated(Blackhole bh) throws WebhookVerificationException {
    bh.consume(github.readTrusted(githubBody));
  }

  @Benchmark
  public void githubJackson(Blackhole bh) {
    bh.consume(Samples.JACKSON.readValue(githubBody, GitHubPush.class));
  }

  @Benchmark
  public void stripeGenerated(Blackhole bh) throws WebhookVerificationException {
    bh.consume(stripe.readTrusted(stripeBody));
  }

  @Benchmark
  public void stripeJackson(Blackhole bh) {
    bh.consume(Samples.JACKSON.readValue(stripeBody, StripeEvent.class));
  }
}
