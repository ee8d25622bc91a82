package dev.hookguard.runtime.outbox.internal;

import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.outbox.Outbox;
import dev.hookguard.runtime.outbox.OutboxPublisher;
import dev.hookguard.runtime.outbox.OutboxRelay;
import dev.hookguard.runtime.outbox.RelayOptions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/** {@link Outbox} over the {@code hg_outbox} table of a store's database. */
public final class JdbcOutbox implements Outbox {

  private final Database database;
  private final Clock clock;
  /** SQLite: relays of this database take turns (PostgreSQL relays share through row locks). */
  final ReentrantLock sqliteTurn = new ReentrantLock();

  /** The outbox in {@code database}; due times are read from {@code clock}. */
  public JdbcOutbox(Database database, Clock clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public OutboxRelay relay(OutboxPublisher publisher) {
    return relay(publisher, RelayOptions.defaults());
  }

  @Override
  public OutboxRelay relay(OutboxPublisher publisher, RelayOptions options) {
    return new JdbcRelay(
        this, database, clock,
        Objects.requireNonNull(publisher, "publisher"),
        Objects.requireNonNull(options, "options"));
  }

  @Override
  public long pending() {
    return count("dead_at IS NULL");
  }

  @Override
  public long deadLettered() {
    return count("dead_at IS NOT NULL");
  }

  @Override
  public int redriveDeadLetters() {
    long now = clock.millis();
    return database.inTransaction(
        "redriving outbox dead letters",
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE hg_outbox SET dead_at = NULL, attempts = 0, next_attempt_at = ?"
                      + " WHERE dead_at IS NOT NULL")) {
            update.setLong(1, now);
            return update.executeUpdate();
          }
        });
  }

  private long count(String condition) {
    return database.inTransaction(
        "counting outbox rows",
        connection -> {
          try (PreparedStatement select =
                  connection.prepareStatement("SELECT COUNT(*) FROM hg_outbox WHERE " + condition);
              ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }

  @Override
  public String toString() {
    return "Outbox[" + database + "]";
  }
}
