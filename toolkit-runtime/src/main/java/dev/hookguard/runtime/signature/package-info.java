/**
 * Webhook signature schemes: verifying that a request comes from the provider that holds the
 * shared secret (Standard Webhooks, Stripe, GitHub, Slack, Shopify), with secret rotation,
 * timestamp tolerance and replay protection.
 */
package dev.hookguard.runtime.signature;
