package dev.hookguard.runtime.internal.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A statement sent ahead of the writes of a transaction that goes to PostgreSQL in one round trip
 * with its {@code COMMIT}: it fails, and with it the whole transaction, unless what the writes
 * assumed still holds (it casts the text of its reason to an integer when the assumption is
 * false). The writer then decides again in a transaction of its own.
 */
public interface Precondition {

  /** The statement, with {@code ?} placeholders. */
  String sql();

  /** Binds the statement's parameters from {@code first} on; returns the next parameter's index. */
  int bind(PreparedStatement statement, int first) throws SQLException;
}
