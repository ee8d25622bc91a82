package dev.hookguard.runtime.audit;

import dev.hookguard.runtime.generated.PayloadWriter;
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
        quoted(event.recordId()),
        quoted(event.accessor()),
        quoted(event.purpose()),
        event.fields(),
        event.reason());
  }

  /** Ids can come from payloads and purposes from people: quoted and escaped, never raw. */
  private static String quoted(String text) {
    return PayloadWriter.toLogString(text, PayloadWriter::string);
  }

  @Override
  public String toString() {
    return "AuditSink.logging()";
  }
}
