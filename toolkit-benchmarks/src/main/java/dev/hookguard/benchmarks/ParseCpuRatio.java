package dev.hookguard.benchmarks;

import com.sun.management.ThreadMXBean;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.samples.github.GitHubPush;
import dev.hookguard.samples.github.GitHubPushVerifier;
import dev.hookguard.samples.shopify.ShopifyOrder;
import dev.hookguard.samples.shopify.ShopifyOrderVerifier;
import dev.hookguard.samples.stripe.StripeEvent;
import dev.hookguard.samples.stripe.StripeEventVerifier;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * {@link ParseBenchmark}'s comparisons on a machine shared with other work, where wall-clock
 * times swing with the load: the generated reader and Jackson data binding take turns in slices
 * of 150 ms on one thread, each slice timed in the thread's own CPU time (which a descheduled
 * thread does not accumulate), and the ratio of each pair of neighbouring slices is kept. Printed
 * per payload: the median Jackson/generated ratio of CPU time per parse, with its quartiles.
 *
 * <pre>
 * java -cp toolkit-benchmarks/target/benchmarks.jar dev.hookguard.benchmarks.ParseCpuRatio [rounds [payload...]]
 * </pre>
 *
 * <p>The payloads are {@code shopify}, {@code github} and {@code stripe}; all three by default.
 */
public final class ParseCpuRatio {

  private interface Parse {
    Object run() throws Exception;
  }

  private static final long SLICE_NANOS = 150_000_000L;
  private static final int WARM_UP_PARSES = 200_000;

  /** Keeps every result reachable, so that no parse is optimized away. */
  private static volatile Object sink;

  private ParseCpuRatio() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    Set<String> payloads = args.length > 1
        ? Set.of(Arrays.copyOfRange(args, 1, args.length))
        : Set.of("shopify", "github", "stripe");
    byte[] shopifyBody = Samples.payload(Samples.SHOPIFY_ORDER);
    byte[] githubBody = Samples.payload(Samples.GITHUB_PUSH);
    byte[] stripeBody = Samples.payload("stripe-mandate-notification.json");
    ShopifyOrderVerifier shopify = ShopifyOrderVerifier.create(Signatures.shopify("unused"));
    GitHubPushVerifier github = GitHubPushVerifier.create(Signatures.github("unused"));
    StripeEventVerifier stripe = StripeEventVerifier.create(Signatures.stripe("unused"));
    if (payloads.contains("shopify")) {
      compare("shopify", rounds, () -> shopify.readTrusted(shopifyBody),
          () -> Samples.JACKSON.readValue(shopifyBody, ShopifyOrder.class));
    }
    if (payloads.contains("github")) {
      compare("github", rounds, () -> github.readTrusted(githubBody),
          () -> Samples.JACKSON.readValue(githubBody, GitHubPush.class));
    }
    if (payloads.contains("stripe")) {
      compare("stripe", rounds, () -> stripe.readTrusted(stripeBody),
          () -> Samples.JACKSON.readValue(stripeBody, StripeEvent.class));
    }
  }

  private static void compare(String payload, int rounds, Parse generated, Parse jackson)
      throws Exception {
    for (int i = 0; i < WARM_UP_PARSES; i++) {
      sink = generated.run();
      sink = jackson.run();
    }
    double[] ratios = new double[rounds];
    double[] generatedMicros = new double[rounds];
    double[] jacksonMicros = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      generatedMicros[i] = cpuMicrosPerParse(generated);
      jacksonMicros[i] = cpuMicrosPerParse(jackson);
      ratios[i] = jacksonMicros[i] / generatedMicros[i];
    }
    Arrays.sort(ratios);
    Arrays.sort(generatedMicros);
    Arrays.sort(jacksonMicros);
    System.out.printf(Locale.ROOT,
        "%-8s Jackson/generated %.2f (quartiles %.2f-%.2f, %d rounds); CPU µs per parse: "
            + "generated %.2f, Jackson %.2f (medians)%n",
        payload, ratios[rounds / 2], ratios[rounds / 4], ratios[3 * rounds / 4], rounds,
        generatedMicros[rounds / 2], jacksonMicros[rounds / 2]);
  }

  private static double cpuMicrosPerParse(Parse parse) throws Exception {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long parses = 0;
    while (System.nanoTime() - start < SLICE_NANOS) {
      for (int i = 0; i < 100; i++) {
        sink = parse.run();
      }
      parses += 100;
    }
    return (threads.getCurrentThreadCpuTime() - cpuStart) / 1000.0 / parses;
  }
}
