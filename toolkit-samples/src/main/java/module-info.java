/**
 * HookGuard's samples: annotated payload types of Stripe, GitHub and Shopify webhooks, compiled
 * by the HookGuard processor, and the sample program that uses their generated classes.
 */
module dev.hookguard.samples {
  // Transitive: the exported payload types carry HookGuard annotations, and their generated
  // companions implement runtime interfaces, so whoever reads this module needs both.
  requires transitive dev.hookguard.runtime;
  requires com.fasterxml.jackson.annotation;
  requires tools.jackson.databind;

  exports dev.hookguard.samples.github;
  exports dev.hookguard.samples.shopify;
  exports dev.hookguard.samples.stripe;

  // Until generated verifiers read payloads without reflection, Jackson databind needs these.
  opens dev.hookguard.samples.github to tools.jackson.databind;
  opens dev.hookguard.samples.shopify to tools.jackson.databind;
  opens dev.hookguard.samples.stripe to tools.jackson.databind;
}
