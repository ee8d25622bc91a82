/** Shopify's {@code orders/create} webhook as annotated records, with money as {@code BigDecimal}. */
package dev.hookguard.samples.shopify;
