package dev.hookguard.runtime.internal;

import dev.hookguard.runtime.audit.AuditEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Where the audit entries of a batch of work go: into the audit trail's queue in the batch's own
 * transaction, so that they commit with what they record or not at all (a crash between the two
 * can neither leave work unaudited nor audit work undone); then, once committed, to the
 * application's own audit sink, if it has one.
 */
public interface AuditQueue {

  /** Queues {@code events} in the transaction of {@code connection}. */
  void enqueue(Connection connection, List<AuditEvent> events) throws SQLException;

  /** Tells the application's own sink of {@code events}, whose transaction committed. */
  void committed(List<AuditEvent> events);
}
