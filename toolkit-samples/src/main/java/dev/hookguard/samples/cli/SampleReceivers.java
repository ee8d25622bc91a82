package dev.hookguard.samples.cli;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.json.JsonLimits;
import dev.hookguard.runtime.outbox.Forwarding;
import dev.hookguard.runtime.receiver.ReceiptStore;
import dev.hookguard.runtime.generated.PayloadStore;
import dev.hookguard.runtime.redact.Redactor;
import dev.hookguard.runtime.receiver.RequestLimiter;
import dev.hookguard.runtime.receiver.IpAllowList;
import dev.hookguard.runtime.receiver.RateLimit;
import dev.hookguard.runtime.receiver.RateLimiter;
import dev.hookguard.runtime.receiver.ReceiptListener;
import dev.hookguard.runtime.receiver.ReceiverMetrics;
import dev.hookguard.runtime.receiver.TrustedProxies;
import dev.hookguard.runtime.receiver.WebhookReceiver;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.samples.github.GitHubPush;
import dev.hookguard.samples.github.GitHubPushRedactor;
import dev.hookguard.samples.github.GitHubPushStore;
import dev.hookguard.samples.github.GitHubPushVerifier;
import dev.hookguard.samples.shopify.ShopifyOrder;
import dev.hookguard.samples.shopify.ShopifyOrderRedactor;
import dev.hookguard.samples.shopify.ShopifyOrderStore;
import dev.hookguard.samples.shopify.ShopifyOrderVerifier;
import dev.hookguard.samples.stripe.StripeEvent;
import dev.hookguard.samples.stripe.StripeEventRedactor;
import dev.hookguard.samples.stripe.StripeEventStore;
import dev.hookguard.samples.stripe.StripeEventVerifier;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The receivers of the sample program, one per provider, each applying every practice in order:
 * HTTPS, allow-list, rate limit, size limit, the generated verifier (signature, parse, validate),
 * then a receipt in the generated store (id, record and audit entry in one transaction), and a
 * 2xx only once it is committed.
 */
final class SampleReceivers {

  /**
   * How the receivers are set up; the defaults suit a receiver on this machine. The listener and
   * the metrics may be null.
   */
  record Settings(
      List<String> allowList,
      List<String> trustedProxies,
      boolean plainHttp,
      int maxBodyBytes,
      RateLimit perSource,
      ReceiptListener listener,
      ReceiverMetrics metrics,
      boolean forward,
      RequestLimiter limiter) {

    Settings(List<String> allowList, List<String> trustedProxies, boolean plainHttp,
        int maxBodyBytes, RateLimit perSource, ReceiptListener listener) {
      this(allowList, trustedProxies, plainHttp, maxBodyBytes, perSource, listener, null);
    }

    Settings(List<String> allowList, List<String> trustedProxies, boolean plainHttp,
        int maxBodyBytes, RateLimit perSource, ReceiptListener listener, ReceiverMetrics metrics) {
      this(allowList, trustedProxies, plainHttp, maxBodyBytes, perSource, listener, metrics, false,
          null);
    }

    /**
     * These settings, each receipt also forwarding its redacted JSON through the outbox when
     * {@code forward}, and limited by {@code limiter} (such as a cluster-wide one) instead of an
     * in-memory per-source limiter when it is not null.
     */
    Settings with(boolean forward, RequestLimiter limiter) {
      return new Settings(allowList, trustedProxies, plainHttp, maxBodyBytes, perSource, listener,
          metrics, forward, limiter);
    }

    static Settings local(boolean plainHttp, ReceiptListener listener) {
      return new Settings(List.of("127.0.0.0/8", "::1/128"), List.of(), plainHttp, 32 * 1024,
          RateLimit.of(50, Duration.ofSeconds(1)), listener);
    }
  }

  /** The stores the receivers write to, for reading back. */
  record Stores(StripeEventStore stripe, GitHubPushStore github, ShopifyOrderStore shopify) {
    static Stores of(HookGuard hookGuard) {
      return new Stores(StripeEventStore.create(hookGuard), GitHubPushStore.create(hookGuard),
          ShopifyOrderStore.create(hookGuard));
    }
  }

  private SampleReceivers() {}

  /**
   * The receivers, each keeping what it accepts as receipts in {@code hookGuard}: message id,
   * encrypted record and audit entry in one transaction. A redelivery of a stored event is
   * answered 200 without storing it again; the same id with another body 409.
   */
  static Map<Provider, WebhookReceiver<?>> create(
      HookGuard hookGuard, Stores stores, Secrets secrets, Settings settings) {
    Map<Provider, WebhookReceiver<?>> receivers = new EnumMap<>(Provider.class);
    JsonLimits limits = JsonLimits.defaults().withMaxBodyBytes(settings.maxBodyBytes());

    // Each verifier tells its receiver its body limit and its scheme (for message ids). Stripe
    // sends no message id header: the event id, read after the signature, is the key.
    WebhookSignature stripe = secrets.stripeSignature();
    receivers.put(Provider.STRIPE, common(WebhookReceiver.builder(StripeEvent.class,
            StripeEventVerifier.builder(stripe).limits(limits).build())
        .payloadIds(StripeEvent::id)
        .redactor(StripeEventRedactor.create())
        .receipts(receipts(hookGuard, stores.stripe(), StripeEventRedactor.create(hookGuard.redactionContext()),
            settings)), settings).build());

    WebhookSignature github = secrets.githubSignature();
    receivers.put(Provider.GITHUB, common(WebhookReceiver.builder(GitHubPush.class,
            GitHubPushVerifier.builder(github).limits(limits).build())
        .redactor(GitHubPushRedactor.create())
        .receipts(receipts(hookGuard, stores.github(), GitHubPushRedactor.create(hookGuard.redactionContext()),
            settings)), settings).build());

    WebhookSignature shopify = secrets.shopifySignature();
    receivers.put(Provider.SHOPIFY, common(WebhookReceiver.builder(ShopifyOrder.class,
            ShopifyOrderVerifier.builder(shopify).limits(limits).build())
        .redactor(ShopifyOrderRedactor.create())
        .receipts(receipts(hookGuard, stores.shopify(), ShopifyOrderRedactor.create(hookGuard.redactionContext()),
            settings)), settings).build());
    return receivers;
  }

  /**
   * Receipts in {@code store}; with {@code settings.forward()}, each also writes an outbox row with
   * the redacted JSON (pseudonyms keyed by the store, so alike on every instance).
   */
  private static <X> ReceiptStore<X> receipts(
      HookGuard hookGuard, PayloadStore<X> store, Redactor<X> redactor, Settings settings) {
    return settings.forward()
        ? hookGuard.receipts(store, Forwarding.redacted(redactor))
        : hookGuard.receipts(store);
  }

  private static <X> WebhookReceiver.Builder<X> common(
      WebhookReceiver.Builder<X> builder, Settings settings) {
    // The body limit, the scheme message ids come from and any replay guard are the verifier's.
    builder.allowList(IpAllowList.of(settings.allowList()));
    if (settings.limiter() != null) {
      builder.rateLimiter(settings.limiter());
    } else {
      builder.rateLimiter(RateLimiter.builder().perSource(settings.perSource()).build());
    }
    if (!settings.trustedProxies().isEmpty()) {
      builder.trustedProxies(TrustedProxies.of(settings.trustedProxies()));
    }
    if (settings.plainHttp()) {
      builder.allowPlainHttp();
    }
    if (settings.listener() != null) {
      builder.listener(settings.listener());
    }
    if (settings.metrics() != null) {
      builder.metrics(settings.metrics());
    }
    return builder;
  }
}
