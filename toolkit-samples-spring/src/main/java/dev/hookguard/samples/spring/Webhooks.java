package dev.hookguard.samples.spring;

import dev.hookguard.samples.github.GitHubPush;
import dev.hookguard.samples.shopify.ShopifyOrder;
import dev.hookguard.samples.stripe.StripeEvent;
import dev.hookguard.spring.WebhookListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The sample's webhook endpoints. Each method runs once per new, verified event, before its
 * receipt is committed; the starter has already stored nothing when one throws, and the provider
 * retries. The payload types print themselves redacted ({@code toString} is their redactor's).
 */
@Component
public class Webhooks {

  private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

  @WebhookListener(path = "/webhooks/stripe", signature = "stripe", payloadId = "id")
  void on(StripeEvent event) {
    log.info("Stripe {} about {}", event.type(), event.data().object());
  }

  @WebhookListener(path = "/webhooks/github", signature = "github")
  void on(String deliveryId, GitHubPush push) {
    log.info("GitHub push {} to {} ({})", deliveryId, push.getRef(), push.getCommits().size());
  }

  @WebhookListener(path = "/webhooks/shopify", signature = "shopify")
  void on(ShopifyOrder order) {
    log.info("Shopify order {}: {} {}", order.name(), order.totalPrice(), order.currency());
  }
}
