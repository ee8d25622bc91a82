package dev.hookguard.samples.shopify;

import dev.hookguard.api.Retain;
import dev.hookguard.api.WebhookPayload;

/**
 * An order as Shopify's REST API returns it, {@code {"order": …}}. Webhooks send the bare
 * {@link ShopifyOrder}; this wrapper reads API responses and fixtures taken from them.
 */
@WebhookPayload
@Retain(days = 365) // as the order it holds
public record ShopifyOrderEnvelope(ShopifyOrder order) {}
