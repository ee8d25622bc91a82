package dev.hookguard.samples;

import dev.hookguard.runtime.redact.RedactionContext;
import dev.hookguard.runtime.redact.Redactor;
import dev.hookguard.samples.github.GitHubPush;
import dev.hookguard.samples.github.GitHubPushRedactor;
import dev.hookguard.samples.shopify.ShopifyOrder;
import dev.hookguard.samples.shopify.ShopifyOrderRedactor;
import dev.hookguard.samples.stripe.StripeEvent;
import dev.hookguard.samples.stripe.StripeEventRedactor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample program. {@code demo} reads the bundled sample payloads, and the public fixture
 * payloads when a folder of them is given, and prints for each its redacted log line and
 * redacted JSON.
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

  static void demo(PrintStream out, Path fixtures) throws IOException {
    SamplePayloads payloads = new SamplePayloads();
    RedactionContext context = RedactionContext.create();
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
    out.println("HookGuard redaction demo: every @Sensitive value below is masked.");
    for (Sample sample : samples) {
      String name = sample.name();
      String file = name.substring(name.indexOf('/') + 1);
      if (file.startsWith("stripe-")) {
        print(out, name, StripeEventRedactor.create(context), payloads.read(sample.body(), StripeEvent.class));
      } else if (file.equals("github-push.json")) {
        print(out, name, GitHubPushRedactor.create(context), payloads.read(sample.body(), GitHubPush.class));
      } else if (file.startsWith("shopify-")) {
        print(out, name, ShopifyOrderRedactor.create(context), payloads.readShopifyOrder(sample.body()));
      } else {
        out.println();
        out.println("== " + name + ": no sample type for this event, skipped");
      }
    }
  }

  private static <T> void print(PrintStream out, String name, Redactor<T> redactor, T payload) {
    out.println();
    out.println("== " + name);
    out.println("log:  " + redactor.toLogString(payload));
    out.println("json: " + redactor.toRedactedJson(payload));
  }

  private record Sample(String name, byte[] body) {}
}
