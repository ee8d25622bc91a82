package dev.hookguard.runtime.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link AuditSink#logging()}: one log line per event, names only. */
final class LoggingAuditSink implements AuditSink {

  private final Logger log = LoggerFactory.getLogger("dev.hookguard.audit");

  @Override
  public void record(AuditEvent event) {
    log.info(
        "audit kind={} type={} record={} accessor={} purpose={} fields={} reason={}",
        event.kind(),
        event.payloadType(),
        event.recordId(),
        event.accessor(),
        event.purpose(),
        event.fields(),
        event.reason());
  }

  @Override
  public String toString() {
    return "AuditSink.logging()";
  }
}
