package dev.hookguard.runtime.audit;

/**
 * Where audit events go. The store calls {@link #record(AuditEvent)} before it hands out any
 * plaintext; if the sink throws, the reveal fails and nothing is returned (fails closed).
 *
 * <p>Implementations must be thread-safe. Every {@code HookGuard} records into its tamper-evident
 * {@link AuditTrail} (hash-chained, in the store database); a sink given to its builder hears each
 * event too. {@link #logging()} and {@link CollectingAuditSink} are the simple ones.
 */
@FunctionalInterface
public interface AuditSink {

  /** Records one event durably enough for the application's needs, or throws. */
  void record(AuditEvent event);

  /**
   * A sink that writes each event as one line to the SLF4J logger {@code dev.hookguard.audit} at
   * INFO. Safe to log: events hold no values. The default when none is configured.
   */
  static AuditSink logging() {
    return new LoggingAuditSink();
  }
}
