/**
 * HookGuard's samples: annotated payload types of Stripe, GitHub and Shopify webhooks, compiled
 * by the HookGuard processor, and the sample program that uses their generated classes.
 */
module dev.hookguard.samples {
  requires dev.hookguard.runtime;
  requires static com.fasterxml.jackson.annotation;

  exports dev.hookguard.samples.github;
  exports dev.hookguard.samples.shopify;
  exports dev.hookguard.samples.stripe;
}
