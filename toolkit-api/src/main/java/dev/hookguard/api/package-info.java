/**
 * Annotations that describe what in a webhook payload is sensitive, what is stored encrypted and
 * for how long it may be kept. Start at {@link dev.hookguard.api.WebhookPayload}.
 */
package dev.hookguard.api;
