/** Stripe's event envelope and the objects the samples read from it, as annotated records. */
package dev.hookguard.samples.stripe;
