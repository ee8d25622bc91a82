package dev.hookguard.runtime.outbox.internal;

import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.internal.jdbc.Dialect;
import dev.hookguard.runtime.outbox.OutboxMessage;
import dev.hookguard.runtime.outbox.OutboxPublisher;
import dev.hookguard.runtime.outbox.OutboxRelay;
import dev.hookguard.runtime.outbox.PublishResult;
import dev.hookguard.runtime.outbox.RelayBatch;
import dev.hookguard.runtime.outbox.RelayOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link OutboxRelay} over {@code hg_outbox}. PostgreSQL: claim ({@code FOR UPDATE SKIP LOCKED}),
 * publish and mark in one transaction, so a relay that dies leaves its rows to the others at once.
 * SQLite: claim and mark in two short transactions around the publication, so that receipts are
 * not held up by the broker; the relays of one store take turns.
 */
final class JdbcRelay implements OutboxRelay {

  private static final Logger LOG = LoggerFactory.getLogger("dev.hookguard.outbox");

  private final JdbcOutbox outbox;
  private final Database database;
  private final Clock clock;
  private final OutboxPublisher publisher;
  private final RelayOptions options;
  private final Object monitor = new Object();
  private Thread thread;
  private volatile boolean closed;

  JdbcRelay(
      JdbcOutbox outbox,
      Database database,
      Clock clock,
      OutboxPublisher publisher,
      RelayOptions options) {
    this.outbox = outbox;
    this.database = database;
    this.clock = clock;
    this.publisher = publisher;
    this.options = options;
  }

  @Override
  public RelayBatch relayOnce() {
    if (database.dialect() == Dialect.POSTGRESQL) {
      return database.inTransaction(
          "relaying outbox rows",
          connection -> {
            List<OutboxMessage> claimed = claim(connection);
            return claimed.isEmpty()
                ? RelayBatch.empty()
                : mark(connection, claimed, publish(claimed));
          });
    }
    outbox.sqliteTurn.lock();
    try {
      List<OutboxMessage> claimed = database.inTransaction("claiming outbox rows", this::claim);
      if (claimed.isEmpty()) {
        return RelayBatch.empty();
      }
      PublishResult result = publish(claimed);
      return database.inTransaction(
          "recording published outbox rows", connection -> mark(connection, claimed, result));
    } finally {
      outbox.sqliteTurn.unlock();
    }
  }

  private List<OutboxMessage> claim(Connection connection) throws SQLException {
    List<OutboxMessage> claimed = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, topic, payload_type, message_id, record_id, received_at, body, attempts"
                + " FROM hg_outbox WHERE dead_at IS NULL AND next_attempt_at <= ?"
                + " ORDER BY id LIMIT ?"
                + database.dialect().forUpdateSkipLocked())) {
      select.setLong(1, clock.millis());
      select.setInt(2, options.batchSize());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          claimed.add(
              new OutboxMessage(
                  rows.getLong(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5),
                  Instant.ofEpochMilli(rows.getLong(6)),
                  rows.getString(7),
                  rows.getInt(8)));
        }
      }
    }
    return claimed;
  }

  /** The publisher's answer, or null if it threw (then every row is retried). */
  private PublishResult publish(List<OutboxMessage> claimed) {
    try {
      PublishResult result = publisher.publish(List.copyOf(claimed));
      if (result == null) {
        throw new IllegalStateException("the publisher returned no result");
      }
      return result;
    } catch (RuntimeException e) {
      LOG.warn("publishing {} outbox rows failed, retried later: {}", claimed.size(),
          e.getClass().getName());
      return null;
    }
  }

  private RelayBatch mark(Connection connection, List<OutboxMessage> claimed, PublishResult result)
      throws SQLException {
    if (result == null) {
      return new RelayBatch(claimed.size(), 0, claimed.size(), 0, true);
    }
    long now = clock.millis();
    int published = 0;
    int retried = 0;
    int dead = 0;
    try (PreparedStatement delete =
            connection.prepareStatement("DELETE FROM hg_outbox WHERE id = ?");
        PreparedStatement refuse =
            connection.prepareStatement(
                "UPDATE hg_outbox SET attempts = ?, next_attempt_at = ?, dead_at = ? WHERE id = ?");
        PreparedStatement later =
            connection.prepareStatement("UPDATE hg_outbox SET next_attempt_at = ? WHERE id = ?")) {
      for (OutboxMessage message : claimed) {
        long id = message.sequence();
        if (result.accepted().contains(id)) {
          delete.setLong(1, id);
          delete.addBatch();
          published++;
        } else if (result.refused().contains(id)) {
          int attempts = message.attempts() + 1;
          boolean last = attempts >= options.maxAttempts();
          refuse.setInt(1, attempts);
          refuse.setLong(2, now + options.backoffAfter(attempts).toMillis());
          if (last) {
            refuse.setLong(3, now);
            dead++;
          } else {
            refuse.setNull(3, java.sql.Types.BIGINT);
            retried++;
          }
          refuse.setLong(4, id);
          refuse.addBatch();
        } else {
          // Not answered: published again soon, without counting as a refusal.
          later.setLong(1, now + options.initialBackoff().toMillis());
          later.setLong(2, id);
          later.addBatch();
          retried++;
        }
      }
      delete.executeBatch();
      refuse.executeBatch();
      later.executeBatch();
    }
    if (dead > 0) {
      LOG.warn("{} outbox rows refused {} times by the broker, kept as dead letters", dead,
          options.maxAttempts());
    }
    return new RelayBatch(claimed.size(), published, retried, dead, false);
  }

  @Override
  public void start() {
    synchronized (monitor) {
      if (closed || thread != null) {
        throw new IllegalStateException("the relay is already started or closed");
      }
      thread = new Thread(this::loop, "hookguard-outbox-relay");
      thread.setDaemon(true);
      thread.start();
    }
  }

  private void loop() {
    int failures = 0;
    while (!closed) {
      RelayBatch batch;
      try {
        batch = relayOnce();
      } catch (RuntimeException e) {
        LOG.warn("relaying outbox rows failed, retried later: {}", e.getClass().getName());
        batch = null;
      }
      if (batch == null || batch.failed()) {
        failures++;
        pause(options.backoffAfter(failures).toMillis());
        continue;
      }
      failures = 0;
      if (batch.claimed() < options.batchSize()) {
        pause(options.pollInterval().toMillis());
      }
    }
  }

  private void pause(long millis) {
    synchronized (monitor) {
      if (closed) {
        return;
      }
      try {
        monitor.wait(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        closed = true;
      }
    }
  }

  @Override
  public void close() {
    Thread running;
    synchronized (monitor) {
      closed = true;
      monitor.notifyAll();
      running = thread;
    }
    if (running != null && running != Thread.currentThread()) {
      try {
        running.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "OutboxRelay[" + database + ", " + options + "]";
  }
}
