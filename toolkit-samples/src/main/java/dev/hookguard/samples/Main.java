package dev.hookguard.samples;

import dev.hookguard.runtime.redact.RedactionContext;
import dev.hookguard.runtime.redact.Redactor;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import dev.hookguard.samples.github.GitHubPushRedactor;
import dev.hookguard.samples.github.GitHubPushVerifier;
import dev.hookguard.samples.shopify.ShopifyOrderEnvelopeVerifier;
import dev.hookguard.samples.shopify.ShopifyOrderRedactor;
import dev.hookguard.samples.shopify.ShopifyOrderVerifier;
import dev.hookguard.samples.stripe.StripeEventRedactor;
import dev.hookguard.samples.stripe.StripeEventVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The sample program. {@code demo} signs each sample payload as its provider would, verifies it
 * with the generated verifier (signature first, then a reflection-free parse), and prints its
 * redacted log line and redacted JSON; then shows a forged copy being refused.
 */
public final class Main {

  private static final List<String> BUNDLED = List.of(
      "stripe-customer.created.json",
      "stripe-mandate-notification.json",
      "github-push.json",
      "shopify-orders.create.json");

  private Main() {}

  public static void main(String[] args) throws IOException {
    PrintStream out = System.out;
    if (args.length == 0 || !args[0].equals("demo")) {
      out.println("usage: hookguard demo [--fixtures DIR]");
      System.exit(args.length == 0 ? 0 : 2);
      return;
    }
    Path fixtures = args.length >= 3 && args[1].equals("--fixtures") ? Path.of(args[2]) : null;
    demo(out, fixtures);
  }

  /** A payload file: where it came from and its exact bytes. */
  record Sample(String name, byte[] body) {}

  static void demo(PrintStream out, Path fixtures) throws IOException {
    Providers providers = new Providers(RedactionContext.create());
    List<Sample> samples = new ArrayList<>();
    for (String name : BUNDLED) {
      try (InputStream in = Main.class.getResourceAsStream("payloads/" + name)) {
        samples.add(new Sample("bundled/" + name, in.readAllBytes()));
      }
    }
    if (fixtures != null && Files.isDirectory(fixtures)) {
      try (Stream<Path> files = Files.list(fixtures)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          samples.add(new Sample("fixtures/" + file.getFileName(), Files.readAllBytes(file)));
        }
      }
    }
    out.println("HookGuard demo: each payload is signed as its provider would, verified by its");
    out.println("generated verifier, and printed redacted: every @Sensitive value is masked.");
    for (Sample sample : samples) {
      out.println();
      out.println("== " + sample.name());
      providers.show(sample, out);
    }
    out.println();
    out.println("== a forged copy of " + samples.get(0).name());
    providers.showForged(samples.get(0), out);
  }

  /** The sample types by provider, each with a fresh signing secret for this run. */
  static final class Providers {
    private final RedactionContext context;
    private final WebhookSignature stripe = Signatures.stripe("whsec_" + randomHex());
    private final WebhookSignature github = Signatures.github(randomHex());
    private final WebhookSignature shopify = Signatures.shopify(randomHex());

    Providers(RedactionContext context) {
      this.context = context;
    }

    void show(Sample sample, PrintStream out) {
      String file = sample.name().substring(sample.name().indexOf('/') + 1);
      try {
        if (file.startsWith("stripe-")) {
          print(out, StripeEventRedactor.create(context),
              StripeEventVerifier.create(stripe).verify(signed(stripe, sample), sample.body()));
        } else if (file.equals("github-push.json")) {
          print(out, GitHubPushRedactor.create(context),
              GitHubPushVerifier.create(github).verify(signed(github, sample), sample.body()));
        } else if (file.equals("shopify-order.json")) {
          // Shopify's REST fixture wraps the order; a webhook body would not.
          print(out, ShopifyOrderRedactor.create(context), ShopifyOrderEnvelopeVerifier
              .create(shopify).verify(signed(shopify, sample), sample.body()).order());
        } else if (file.startsWith("shopify-")) {
          print(out, ShopifyOrderRedactor.create(context),
              ShopifyOrderVerifier.create(shopify).verify(signed(shopify, sample), sample.body()));
        } else {
          out.println("no sample type for this event: skipped");
        }
      } catch (WebhookVerificationException e) {
        out.println("refused: " + e.getMessage());
      }
    }

    void showForged(Sample sample, PrintStream out) {
      Map<String, List<String>> headers = signed(stripe, sample);
      byte[] forged = sample.body().clone();
      forged[forged.length / 2] ^= 1;
      try {
        StripeEventVerifier.create(stripe).verify(headers, forged);
        out.println("accepted (this must not happen)");
      } catch (WebhookVerificationException e) {
        out.println("refused: " + e.getMessage());
      }
    }

    private static Map<String, List<String>> signed(WebhookSignature scheme, Sample sample) {
      Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
      scheme.sign("msg_" + randomHex().substring(0, 16), Instant.now(), sample.body())
          .forEach((name, value) -> headers.put(name, List.of(value)));
      return headers;
    }

    private static <T> void print(PrintStream out, Redactor<T> redactor, T payload) {
      out.println("log:  " + redactor.toLogString(payload));
      out.println("json: " + redactor.toRedactedJson(payload));
    }
  }

  private static String randomHex() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
