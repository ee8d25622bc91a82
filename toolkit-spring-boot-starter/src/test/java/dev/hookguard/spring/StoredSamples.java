package dev.hookguard.spring;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import dev.hookguard.samples.stripe.StripeEvent;
import dev.hookguard.samples.stripe.StripeEventStore;
import dev.hookguard.samples.stripe.StripeEventVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The sample Stripe event ({@code @Retain(days = 90)}, encrypted fields), stored directly. */
final class StoredSamples {

  private StoredSamples() {}

  static void storeStripeEvent(HookGuard hookGuard, String id) {
    try (InputStream in = StripeEvent.class.getResourceAsStream(
        "/dev/hookguard/samples/payloads/stripe-customer.created.json")) {
      StripeEvent event = StripeEventVerifier.create(Signatures.stripe("unused"))
          .readTrusted(in.readAllBytes());
      StripeEventStore.create(hookGuard).put(id, event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (WebhookVerificationException e) {
      throw new IllegalStateException(e);
    }
  }
}
