package dev.hookguard.benchmarks;

import com.stripe.net.Webhook.Signature;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Signature verification alone, every scheme, at 1, 4, 16 and 256 KiB, against its floor (one
 * HMAC-SHA256 over the body with a JDK {@code Mac} keyed once) and against the providers' own
 * libraries ({@code com.standardwebhooks:standardwebhooks}, {@code stripe-java}), all in one run.
 * A forged body is measured too: it must cost about one HMAC.
 *
 * <p>Run: {@code java -jar toolkit-benchmarks/target/benchmarks.jar SignatureBenchmark}; the
 * ratios to {@code jdkPreKeyedMac} at the same size are the figures that count.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SignatureBenchmark {

  private static final String STANDARD_SECRET =
      "whsec_" + Base64.getEncoder().encodeToString("benchmark-standard-webhooks-key!".getBytes(
          StandardCharsets.US_ASCII));
  private static final String STRIPE_SECRET = "whsec_benchmark_stripe_secret";
  private static final String HMAC_SECRET = "benchmark-secret";

  @Param({"1024", "4096", "16384", "262144"})
  public int size;

  private byte[] body;
  private byte[] forgedBody;
  private String bodyText;
  private Mac jdkMac;
  private WebhookSignature standard;
  private WebhookSignature standardEd25519;
  private WebhookSignature stripe;
  private WebhookSignature github;
  private WebhookSignature shopify;
  private WebhookSignature slack;
  private Map<String, List<String>> standardHeaders;
  private Map<String, List<String>> ed25519Headers;
  private Map<String, List<String>> stripeHeaders;
  private Map<String, List<String>> githubHeaders;
  private Map<String, List<String>> shopifyHeaders;
  private Map<String, List<String>> slackHeaders;
  private com.standardwebhooks.Webhook peerStandard;
  private Map<String, List<String>> peerStandardHeaders;
  private String stripeHeader;
  private long signedAt;

  @Setup(Level.Trial)
  public void prepare() throws Exception {
    body = jsonOf(size);
    forgedBody = body.clone();
    forgedBody[forgedBody.length / 2] ^= 1;
    bodyText = new String(body, StandardCharsets.UTF_8);
    jdkMac = Mac.getInstance("HmacSHA256");
    jdkMac.init(new SecretKeySpec(HMAC_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    peerStandard = new com.standardwebhooks.Webhook(STANDARD_SECRET);
    byte[] seed = new byte[32];
    new Random(7).nextBytes(seed);
    standardEd25519 = Signatures.standardWebhooks("whsk_" + Base64.getEncoder().encodeToString(seed));
    signAll();
  }

  /** Signed again each iteration: the peers check timestamps against the real clock. */
  @Setup(Level.Iteration)
  public void signAll() throws Exception {
    Instant now = Instant.now();
    signedAt = now.getEpochSecond();
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    standard = Signatures.standardWebhooks(STANDARD_SECRET).withClock(clock);
    standardEd25519 = standardEd25519.withClock(clock);
    stripe = Signatures.stripe(STRIPE_SECRET).withClock(clock);
    github = Signatures.github(HMAC_SECRET);
    shopify = Signatures.shopify(HMAC_SECRET);
    slack = Signatures.slack(HMAC_SECRET).withClock(clock);
    standardHeaders = signed(standard);
    ed25519Headers = signed(standardEd25519);
    stripeHeaders = signed(stripe);
    githubHeaders = signed(github);
    shopifyHeaders = signed(shopify);
    slackHeaders = signed(slack);
    stripeHeader = stripeHeaders.get("Stripe-Signature").get(0);
    peerStandardHeaders = new LinkedHashMap<>();
    peerStandardHeaders.put("webhook-id", List.of("msg_benchmark"));
    peerStandardHeaders.put("webhook-timestamp", List.of(Long.toString(signedAt)));
    peerStandardHeaders.put("webhook-signature",
        List.of(peerStandard.sign("msg_benchmark", signedAt, bodyText)));
    // Fail here, not in a measurement, if an input is not what it claims to be.
    standardWebhooksV1();
    standardWebhooksV1a();
    stripe();
    github();
    shopify();
    slack();
    peerStandardWebhooks();
    if (!peerStripe()) {
      throw new IllegalStateException("stripe-java refused the benchmark's header");
    }
  }

  private Map<String, List<String>> signed(WebhookSignature scheme) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    scheme.sign("msg_benchmark", Instant.ofEpochSecond(signedAt), body)
        .forEach((name, value) -> headers.put(name, List.of(value)));
    return headers;
  }

  /** A JSON object of {@code size} bytes: printable ASCII, as most webhook bodies are. */
  static byte[] jsonOf(int size) {
    StringBuilder json = new StringBuilder(size).append("{\"data\":\"");
    Random random = new Random(size);
    while (json.length() < size - 2) {
      json.append((char) ('a' + random.nextInt(26)));
    }
    return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The floor: HMAC-SHA256 of the body with a {@code Mac} keyed once. */
  @Benchmark
  public byte[] jdkPreKeyedMac() {
    return jdkMac.doFinal(body);
  }

  @Benchmark
  public void standardWebhooksV1() throws WebhookVerificationException {
    standard.verify(standardHeaders, body);
  }

  @Benchmark
  public void standardWebhooksV1a() throws WebhookVerificationException {
    standardEd25519.verify(ed25519Headers, body);
  }

  @Benchmark
  public void stripe() throws WebhookVerificationException {
    stripe.verify(stripeHeaders, body);
  }

  @Benchmark
  public void github() throws WebhookVerificationException {
    github.verify(githubHeaders, body);
  }

  @Benchmark
  public void shopify() throws WebhookVerificationException {
    shopify.verify(shopifyHeaders, body);
  }

  @Benchmark
  public void slack() throws WebhookVerificationException {
    slack.verify(slackHeaders, body);
  }

  /** A forged body under a genuine GitHub header: refused after one HMAC. */
  @Benchmark
  public void githubForged(Blackhole bh) {
    try {
      github.verify(githubHeaders, forgedBody);
    } catch (WebhookVerificationException e) {
      bh.consume(e.reason());
    }
  }

  @Benchmark
  public void peerStandardWebhooks() throws Exception {
    peerStandard.verify(bodyText, peerStandardHeaders);
  }

  @Benchmark
  public boolean peerStripe() throws Exception {
    return Signature.verifyHeader(bodyText, stripeHeader, STRIPE_SECRET, 300);
  }
}
