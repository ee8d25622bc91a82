/**
 * HookGuard's samples: annotated payload types of Stripe, GitHub and Shopify webhooks, compiled
 * by the HookGuard processor, and the sample program that uses their generated classes. The
 * payload packages are exported but never opened: generated code reads and writes payloads
 * without reflection. Only the command-line package is open, to picocli.
 */
module dev.hookguard.samples {
  // Transitive: the exported payload types carry HookGuard annotations, and their generated
  // companions implement runtime interfaces, so whoever reads this module needs both.
  requires transitive dev.hookguard.runtime;
  requires static com.fasterxml.jackson.annotation;
  requires static transitive org.jspecify;
  requires info.picocli;
  requires jdk.httpserver;
  requires java.logging;
  requires java.net.http;
  requires com.zaxxer.hikari;
  requires dev.hookguard.amqp;
  requires dev.hookguard.ratelimit;

  exports dev.hookguard.samples.github;
  exports dev.hookguard.samples.shopify;
  exports dev.hookguard.samples.stripe;

  opens dev.hookguard.samples.cli to info.picocli;
}
