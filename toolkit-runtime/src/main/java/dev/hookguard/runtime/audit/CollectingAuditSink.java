package dev.hookguard.runtime.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@link AuditSink} that keeps every event in memory, in order. Meant for tests and for
 * short-lived tools; it grows without bound.
 */
public final class CollectingAuditSink implements AuditSink {

  private final List<AuditEvent> events = new ArrayList<>();

  /** Creates an empty sink. */
  public CollectingAuditSink() {}

  @Override
  public synchronized void record(AuditEvent event) {
    events.add(event);
  }

  /** A snapshot of the events recorded so far, oldest first. */
  public synchronized List<AuditEvent> events() {
    return List.copyOf(events);
  }

  @Override
  public synchronized String toString() {
    return "CollectingAuditSink[" + events.size() + " events]";
  }
}
