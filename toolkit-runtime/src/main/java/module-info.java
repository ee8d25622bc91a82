/**
 * The HookGuard runtime: what generated verifiers, redactors and storage adapters call, and what
 * an application configures (signature schemes, keys, storage, retention, audit, receiving).
 * Only the packages users call are exported.
 */
module dev.hookguard.runtime {
  requires transitive dev.hookguard.api;
  requires transitive com.google.crypto.tink;
  requires tools.jackson.core;
  requires org.slf4j;
  // Optional: only MicrometerReceiverMetrics names Micrometer, and an application that passes a
  // MeterRegistry requires Micrometer itself. Only JdkWebhookHandler names the JDK's HTTP server,
  // which every JDK has; transitive, since HttpHandler is in its signature.
  requires static micrometer.core;
  requires static transitive jdk.httpserver;
  requires transitive java.sql;

  exports dev.hookguard.runtime.json;
  exports dev.hookguard.runtime.redact;
  exports dev.hookguard.runtime.verify;
  exports dev.hookguard.runtime.signature;
  exports dev.hookguard.runtime;
  exports dev.hookguard.runtime.audit;
  exports dev.hookguard.runtime.crypto;
  exports dev.hookguard.runtime.store;
  exports dev.hookguard.runtime.retention;
  exports dev.hookguard.runtime.receiver;
  exports dev.hookguard.runtime.outbox;
  exports dev.hookguard.runtime.privacy;
  exports dev.hookguard.runtime.posture;
  exports dev.hookguard.runtime.subject;
  // The base classes of generated companions: their public methods are what users call.
  exports dev.hookguard.runtime.companion;
  // For generated code only, no compatibility promise (see its package documentation).
  exports dev.hookguard.runtime.generated;
}
