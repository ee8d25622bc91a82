package dev.hookguard.samples.cli;

import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookSignature;

/** The signing secrets of the sample providers; {@link #toString()} never shows them. */
record Secrets(String stripe, String github, String shopify) {

  WebhookSignature stripeSignature() {
    return Signatures.stripe(stripe);
  }

  WebhookSignature githubSignature() {
    return Signatures.github(github);
  }

  WebhookSignature shopifySignature() {
    return Signatures.shopify(shopify);
  }

  @Override
  public String toString() {
    return "Secrets[<hidden>]";
  }
}
