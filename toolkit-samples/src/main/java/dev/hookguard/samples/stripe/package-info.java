/**
 * Stripe's event envelope, the {@code @WebhookPayload} root, and the objects the samples read from
 * it, as records that need no annotation of their own.
 */
package dev.hookguard.samples.stripe;
