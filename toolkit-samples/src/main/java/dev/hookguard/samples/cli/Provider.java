package dev.hookguard.samples.cli;

import dev.hookguard.runtime.signature.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The sample providers: where their webhooks arrive and which sample event each sends. */
enum Provider {
  STRIPE("/webhooks/stripe", "stripe-customer.created.json"),
  GITHUB("/webhooks/github", "github-push.json"),
  SHOPIFY("/webhooks/shopify", "shopify-orders.create.json");

  private final String path;
  private final String sample;

  Provider(String path, String sample) {
    this.path = path;
    this.sample = sample;
  }

  String path() {
    return path;
  }

  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  WebhookSignature signature(Secrets secrets) {
    return switch (this) {
      case STRIPE -> secrets.stripeSignature();
      case GITHUB -> secrets.githubSignature();
      case SHOPIFY -> secrets.shopifySignature();
    };
  }

  /** The bundled sample event's exact bytes. */
  byte[] sampleBody() {
    try (InputStream in = Provider.class.getResourceAsStream("/dev/hookguard/samples/payloads/" + sample)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled sample " + sample);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
