package dev.hookguard.samples.cli;

import dev.hookguard.runtime.redact.RedactionContext;
import dev.hookguard.runtime.redact.Redactor;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import dev.hookguard.samples.github.GitHubPushRedactor;
import dev.hookguard.samples.github.GitHubPushVerifier;
import dev.hookguard.samples.shopify.ShopifyOrderEnvelopeVerifier;
import dev.hookguard.samples.shopify.ShopifyOrderRedactor;
import dev.hookguard.samples.shopify.ShopifyOrderVerifier;
import dev.hookguard.samples.stripe.StripeEventRedactor;
import dev.hookguard.samples.stripe.StripeEventVerifier;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hookguard redact}: signs each sample payload (and the public fixtures, if given) as its
 * provider would, verifies it with the generated verifier, and prints its redacted log line and
 * redacted JSON; then shows a forged copy refused. No server, no storage.
 */
@Command(name = "redact", mixinStandardHelpOptions = true,
    description = "Verify and redact the sample payloads (and fixture payloads) without a server.")
final class RedactCommand implements Callable<Integer> {

  @Option(names = "--fixtures", paramLabel = "DIR",
      description = "Also read the *.json payloads in DIR (Stripe, GitHub push, Shopify order).")
  Path fixtures;

  /** A payload file: where it came from and its exact bytes. */
  private record Sample(String name, byte[] body) {}

  private final RedactionContext context = RedactionContext.create();
  private final Secrets secrets = new Secrets("whsec_" + randomHex(), randomHex(), randomHex());

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    List<Sample> samples = new ArrayList<>();
    for (Provider provider : Provider.values()) {
      samples.add(new Sample("bundled/" + provider.label(), provider.sampleBody()));
    }
    if (fixtures != null && Files.isDirectory(fixtures)) {
      try (Stream<Path> files = Files.list(fixtures)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          samples.add(new Sample("fixtures/" + file.getFileName(), Files.readAllBytes(file)));
        }
      }
    }
    out.println("Each payload is signed as its provider would, verified by its generated verifier,");
    out.println("and printed redacted: every @Sensitive value is masked.");
    for (Sample sample : samples) {
      out.println();
      out.println("== " + sample.name());
      show(sample, out);
    }
    out.println();
    out.println("== a forged copy of " + samples.get(0).name());
    Map<String, List<String>> headers = signed(secrets.stripeSignature(), samples.get(0));
    byte[] forged = samples.get(0).body().clone();
    forged[forged.length / 2] ^= 1;
    try {
      StripeEventVerifier.create(secrets.stripeSignature()).verify(headers, forged);
      out.println("accepted (this must not happen)");
      return 1;
    } catch (WebhookVerificationException e) {
      out.println("refused: " + e.getMessage());
    }
    return 0;
  }

  private void show(Sample sample, PrintStream out) {
    String file = sample.name().substring(sample.name().indexOf('/') + 1);
    try {
      if (file.startsWith("stripe")) {
        print(out, StripeEventRedactor.create(context), StripeEventVerifier
            .create(secrets.stripeSignature()).verify(signed(secrets.stripeSignature(), sample), sample.body()));
      } else if (file.equals("github") || file.equals("github-push.json")) {
        print(out, GitHubPushRedactor.create(context), GitHubPushVerifier
            .create(secrets.githubSignature()).verify(signed(secrets.githubSignature(), sample), sample.body()));
      } else if (file.equals("shopify-order.json")) {
        // Shopify's REST fixture wraps the order; a webhook body would not.
        print(out, ShopifyOrderRedactor.create(context), ShopifyOrderEnvelopeVerifier
            .create(secrets.shopifySignature()).verify(signed(secrets.shopifySignature(), sample), sample.body())
            .order());
      } else if (file.startsWith("shopify")) {
        print(out, ShopifyOrderRedactor.create(context), ShopifyOrderVerifier
            .create(secrets.shopifySignature()).verify(signed(secrets.shopifySignature(), sample), sample.body()));
      } else {
        out.println("no sample type for this event: skipped");
      }
    } catch (WebhookVerificationException e) {
      out.println("refused: " + e.getMessage());
    }
  }

  private static Map<String, List<String>> signed(WebhookSignature scheme, Sample sample) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    scheme.sign("msg_" + randomHex().substring(0, 16), Instant.now(), sample.body())
        .forEach((name, value) -> headers.put(name, List.of(value)));
    return headers;
  }

  private static <T> void print(PrintStream out, Redactor<T> redactor, T payload) {
    out.println("log:  " + redactor.toLogString(payload));
    out.println("json: " + redactor.toRedactedJson(payload));
  }

  private static String randomHex() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
