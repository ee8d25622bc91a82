/**
 * Shopify's {@code orders/create} webhook as records, with money as {@code BigDecimal}: the order
 * (and the API's envelope around it) are {@code @WebhookPayload} roots; the customer, addresses,
 * line items and the rest need no annotation of their own.
 */
package dev.hookguard.samples.shopify;
