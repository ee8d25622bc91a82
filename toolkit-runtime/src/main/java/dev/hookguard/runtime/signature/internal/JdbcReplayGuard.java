package dev.hookguard.runtime.signature.internal;

import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.signature.ReplayGuard;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import dev.hookguard.runtime.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ReplayGuard} in the store database, shared by every instance that uses it: one row per
 * (scope, message id) in {@code hg_replay_ids}, unique on that pair, with the instant it expires.
 *
 * <p>Recording is one statement, an {@code INSERT} whose conflict with an unexpired row inserts
 * nothing: zero rows written means a replay. There is no check-then-insert, so two instances (or
 * threads) recording one id at once accept it exactly once: the database's unique key decides. An
 * expired row for the id is taken over by the same statement. Ids are kept as SHA-256 digests, so a
 * row's size does not depend on what a sender puts in an id. Expired rows are deleted in bounded
 * batches, at most once per tenth of the window per instance, after a recording.
 */
public final class JdbcReplayGuard implements ReplayGuard {

  /** Most expired rows deleted by one {@link #prune()}. */
  public static final int PRUNE_BATCH = 500;

  /** Unexpired ids one scope holds at most by default; then the guard fails closed. */
  public static final long DEFAULT_MAX_ENTRIES = 1_000_000;

  private final Database database;
  private final String scope;
  private final Duration window;
  private final Clock clock;
  private final long pruneEveryMillis;
  private final AtomicLong nextPruneMillis = new AtomicLong(Long.MIN_VALUE);
  private final long maxEntries;
  /** Rows of the scope at the last count, plus the ids this instance recorded since. */
  private final AtomicLong held = new AtomicLong();

  /**
   * A guard over the ids of {@code scope} in {@code database}, whose schema is migrated.
   *
   * @param scope separates the ids of different senders or receivers sharing one database
   * @param window how long an id is remembered
   * @param clock the clock ids expire by
   */
  public JdbcReplayGuard(Database database, String scope, Duration window, Clock clock) {
    this(database, scope, window, clock, DEFAULT_MAX_ENTRIES);
  }

  /**
   * A guard as above whose scope holds at most {@code maxEntries} rows: at the bound it prunes
   * expired ids at once, and if there is still no room it refuses new ones ({@code
   * REPLAY_GUARD_FULL}, 503: the sender retries once ids expire), as the in-memory guard does: a
   * sender cannot grow the table without bound. The count is taken from the table when expired
   * ids are pruned (every tenth of the window, at least every second, and at the bound) and kept
   * up to date in between by this instance; several instances each add what they record, so the
   * bound holds to within what the others record between two counts.
   */
  public JdbcReplayGuard(
      Database database, String scope, Duration window, Clock clock, long maxEntries) {
    if (maxEntries <= 0) {
      throw new IllegalArgumentException("maxEntries must be positive");
    }
    this.maxEntries = maxEntries;
    this.database = Objects.requireNonNull(database, "database");
    this.scope = Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the replay window must be positive");
    }
    if (scope.isEmpty()) {
      throw new IllegalArgumentException("the replay scope must not be empty");
    }
    this.window = window;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pruneEveryMillis = Math.max(1_000L, window.toMillis() / 10);
  }

  @Override
  public void checkAndRecord(String messageId) throws WebhookVerificationException {
    Objects.requireNonNull(messageId, "messageId");
    String key = digest(messageId);
    Instant now = clock.instant();
    long nowMillis = now.toEpochMilli();
    long expiresMillis = now.plus(window).toEpochMilli();
    maybePrune(nowMillis);
    if (held.get() >= maxEntries && !makeRoom(nowMillis)) {
      throw new WebhookVerificationException(
          Reason.REPLAY_GUARD_FULL,
          "the replay guard holds " + maxEntries + " message ids");
    }
    int written;
    try {
      written =
          database.inTransaction(
              "recording a message id",
              connection -> {
                try (var insert =
                    connection.prepareStatement(
                        "INSERT INTO hg_replay_ids (scope, message_id, expires_at) VALUES (?, ?, ?)"
                            + " ON CONFLICT (scope, message_id) DO UPDATE"
                            + " SET expires_at = excluded.expires_at"
                            + " WHERE hg_replay_ids.expires_at <= ?")) {
                  insert.setString(1, scope);
                  insert.setString(2, key);
                  insert.setLong(3, expiresMillis);
                  insert.setLong(4, nowMillis);
                  return insert.executeUpdate();
                }
              });
    } catch (StoreException e) {
      // Fails closed, as a full guard does: the sender is told to retry later (503). No cause is
      // attached: a verification exception never carries one (it is meant to be logged).
      throw new WebhookVerificationException(
          Reason.REPLAY_GUARD_FULL, "the replay guard cannot record the message id");
    }
    if (written == 0) {
      throw new WebhookVerificationException(
          Reason.REPLAYED, "the message id was already accepted within the last " + window);
    }
    held.incrementAndGet();
  }

  @Override
  public void forget(String messageId) {
    Objects.requireNonNull(messageId, "messageId");
    String key = digest(messageId);
    database.inTransaction(
        "forgetting a message id",
        connection -> {
          try (var delete =
              connection.prepareStatement(
                  "DELETE FROM hg_replay_ids WHERE scope = ? AND message_id = ?")) {
            delete.setString(1, scope);
            delete.setString(2, key);
            if (delete.executeUpdate() > 0) {
              held.updateAndGet(n -> Math.max(0, n - 1));
            }
            return null;
          }
        });
  }

  /**
   * Deletes at most {@link #PRUNE_BATCH} expired ids (of every scope) and returns how many. Called
   * now and then by {@link #checkAndRecord}; a maintenance job may call it too.
   */
  public int prune() {
    long now = clock.millis();
    return database.inTransaction(
        "pruning expired message ids",
        connection -> {
          try (var delete =
              connection.prepareStatement(
                  "DELETE FROM hg_replay_ids WHERE (scope, message_id) IN ("
                      + "SELECT scope, message_id FROM hg_replay_ids WHERE expires_at <= ?"
                      + " LIMIT " + PRUNE_BATCH + ")")) {
            delete.setLong(1, now);
            return delete.executeUpdate();
          }
        });
  }

  private void maybePrune(long nowMillis) {
    long next = nextPruneMillis.get();
    if (nowMillis < next || !nextPruneMillis.compareAndSet(next, nowMillis + pruneEveryMillis)) {
      return;
    }
    try {
      prune();
      held.set(count());
    } catch (StoreException e) {
      // The id is recorded; pruning is retried on a later call.
      nextPruneMillis.set(nowMillis);
    }
  }

  /**
   * At the bound: prunes expired ids now, batch after batch (at most 20), whatever the cadence,
   * and counts again. Whether there is room now.
   */
  private boolean makeRoom(long nowMillis) {
    try {
      for (int i = 0; i < 20 && prune() == PRUNE_BATCH; i++) {
        // another full batch: there may be more
      }
      held.set(count());
    } catch (StoreException e) {
      return false;
    }
    return held.get() < maxEntries;
  }

  /**
   * The rows of this scope in the table, expired ones not yet pruned included: the bound is on
   * what the table holds, whatever the pruning keeps up with.
   */
  private long count() {
    return database.inTransaction(
        "counting message ids",
        connection -> {
          try (var select =
              connection.prepareStatement("SELECT COUNT(*) FROM hg_replay_ids WHERE scope = ?")) {
            select.setString(1, scope);
            try (var rows = select.executeQuery()) {
              rows.next();
              return rows.getLong(1);
            }
          }
        });
  }

  private static String digest(String messageId) {
    return HexFormat.of().formatHex(MessageIds.digest(messageId));
  }

  @Override
  public java.util.Optional<Duration> window() {
    return java.util.Optional.of(window);
  }

  @Override
  public String toString() {
    return "DatabaseReplayGuard[scope=" + scope + ", window=" + window + ", " + database + "]";
  }
}
