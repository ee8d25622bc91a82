package dev.hookguard.samples;

import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import dev.hookguard.samples.github.GitHubPush;
import dev.hookguard.samples.github.GitHubPushVerifier;
import dev.hookguard.samples.shopify.ShopifyOrder;
import dev.hookguard.samples.shopify.ShopifyOrderEnvelopeVerifier;
import dev.hookguard.samples.shopify.ShopifyOrderVerifier;
import dev.hookguard.samples.stripe.StripeEvent;
import dev.hookguard.samples.stripe.StripeEventVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The sample payloads, read by the generated readers (no signature: the bytes are trusted). */
final class SamplePayloads {

  static final List<String> BUNDLED = List.of("stripe-customer.created.json",
      "stripe-mandate-notification.json", "github-push.json", "shopify-orders.create.json");

  private SamplePayloads() {}

  static StripeEvent stripe(byte[] json) throws WebhookVerificationException {
    return StripeEventVerifier.create(Signatures.stripe("whsec_unused")).readTrusted(json);
  }

  static GitHubPush github(byte[] json) throws WebhookVerificationException {
    return GitHubPushVerifier.create(Signatures.github("unused")).readTrusted(json);
  }

  /** Shopify's REST fixture wraps the order in {@code {"order": …}}; webhook bodies do not. */
  static ShopifyOrder shopify(String name, byte[] json) throws WebhookVerificationException {
    return name.equals("shopify-order.json")
        ? ShopifyOrderEnvelopeVerifier.create(Signatures.shopify("unused")).readTrusted(json).order()
        : ShopifyOrderVerifier.create(Signatures.shopify("unused")).readTrusted(json);
  }

  static byte[] bundled(String name) {
    try (InputStream in = Main.class.getResourceAsStream("payloads/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The public fixtures our sample types describe, when {@code ../shared} is beside us. */
  static List<Path> sharedFixtures() throws IOException {
    Path shared = Path.of(System.getProperty("hookguard.shared.dir", "../../shared"))
        .resolve("fixtures/payloads");
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(shared)) {
      try (Stream<Path> list = Files.list(shared)) {
        list.sorted().filter(SamplePayloads::hasSampleType).forEach(files::add);
      }
    }
    return files;
  }

  static boolean hasSampleType(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith("stripe-") || name.equals("github-push.json")
        || name.startsWith("shopify-");
  }
}
