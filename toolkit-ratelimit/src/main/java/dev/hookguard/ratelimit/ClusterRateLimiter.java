package dev.hookguard.ratelimit;

import dev.hookguard.runtime.receiver.RateLimit;
import dev.hookguard.runtime.receiver.RateLimiter;
import dev.hookguard.runtime.receiver.RequestLimiter;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request budget shared by every receiver instance on one PostgreSQL database: the overall
 * limit holds for the cluster as a whole, however the load balancer spreads requests. The bucket
 * is a Bucket4j distributed bucket in table {@code hg_rate_buckets} (created if absent) of the
 * {@code DataSource}'s default schema, read and written in one {@code SELECT … FOR UPDATE}
 * transaction per request; each instance computes refills with its own clock, so keep instances'
 * clocks in sync (NTP) as for the replay guard.
 *
 * <pre>{@code
 * ClusterRateLimiter limiter = ClusterRateLimiter.builder(dataSource)
 *     .overall(RateLimit.of(200, Duration.ofSeconds(1)))        // 200 per second, all instances
 *     .perSource(RateLimit.of(60, Duration.ofMinutes(1)))       // per instance, in memory
 *     .build();
 * WebhookReceiver.builder(Order.class, verifier).rateLimiter(limiter)...
 * }</pre>
 *
 * <ul>
 *   <li><b>Per source</b>, the limit stays in each instance's memory ({@link RateLimiter}): no
 *       client address is written to the database, and a flood from one address is refused
 *       without a database round trip. Behind a load balancer that spreads one source over {@code
 *       n} instances, a source gets up to {@code n} times its limit. The per-source check comes
 *       first, so a request it refuses costs the cluster budget nothing; a request refused
 *       overall has used its source's token.
 *   <li><b>If the database fails</b>, the request is decided by an in-memory bucket of this
 *       instance with the overall limit (so the cluster admits at most {@code n} times the
 *       budget while the database is away), and a warning naming the exception class is logged
 *       at most once a minute.
 * </ul>
 *
 * <p>The in-memory {@link RateLimiter} stays the right choice for one instance. Thread-safe.
 */
public final class ClusterRateLimiter implements RequestLimiter {

  /** The table the buckets are kept in. */
  public static final String TABLE = "hg_rate_buckets";

  private static final Logger LOG = LoggerFactory.getLogger("dev.hookguard.ratelimit");

  private final String name;
  private final RateLimit overall;
  private final BucketProxy bucket;
  private final RateLimiter perSource;
  private final RateLimiter fallback;
  private volatile long lastWarning;

  private ClusterRateLimiter(Builder builder) {
    this.name = builder.name;
    this.overall = builder.overall;
    createTable(builder.dataSource);
    PostgreSQLSelectForUpdateBasedProxyManager<String> buckets =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(builder.dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table(TABLE)
            .idColumn("id")
            .stateColumn("state")
            .build();
    BucketConfiguration configuration = BucketConfiguration.builder()
        .addLimit(limit -> limit.capacity(overall.capacity())
            .refillGreedy(overall.permits(), overall.period()))
        .build();
    this.bucket = buckets.getProxy("overall:" + name, () -> configuration);
    this.perSource = builder.perSource == null
        ? null
        : RateLimiter.builder().perSource(builder.perSource).build();
    this.fallback = RateLimiter.builder().overall(overall).build();
  }

  /** Starts a limiter whose buckets are kept in the PostgreSQL database behind {@code dataSource}. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  @Override
  public RateLimiter.Decision tryAcquire(InetAddress source) {
    Objects.requireNonNull(source, "source");
    if (perSource != null) {
      RateLimiter.Decision bySource = perSource.tryAcquire(source);
      if (!bySource.allowed()) {
        return bySource;
      }
    }
    ConsumptionProbe probe;
    try {
      probe = bucket.tryConsumeAndReturnRemaining(1);
    } catch (RuntimeException e) {
      long now = System.nanoTime();
      if (now - lastWarning > Duration.ofMinutes(1).toNanos()) {
        lastWarning = now;
        LOG.warn("the cluster rate limit {} is unavailable, limiting this instance alone: {}",
            name, e.getClass().getName());
      }
      return fallback.tryAcquire(source);
    }
    if (probe.isConsumed()) {
      return new RateLimiter.Decision(Optional.empty(), Duration.ZERO);
    }
    return new RateLimiter.Decision(Optional.of(RateLimiter.Scope.OVERALL),
        Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())));
  }

  private static void createTable(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        // Instances starting at once: one creates the table, the others wait and find it.
        statement.execute("SELECT pg_advisory_xact_lock(hashtext('dev.hookguard.ratelimit:'"
            + " || current_schema()))");
        statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE
            + " (id TEXT PRIMARY KEY, state BYTEA, expires_at BIGINT)");
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create table " + TABLE + " (SQLState "
          + e.getSQLState() + ")");
    }
  }

  @Override
  public String toString() {
    return "ClusterRateLimiter[" + name + ", overall=" + overall
        + (perSource == null ? "" : ", " + perSource) + "]";
  }

  /** Options of a {@link ClusterRateLimiter}; {@link #overall} is required. */
  public static final class Builder {

    private final DataSource dataSource;
    private String name = "default";
    private RateLimit overall;
    private RateLimit perSource;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /** The budget all instances share. */
    public Builder overall(RateLimit limit) {
      this.overall = Objects.requireNonNull(limit, "limit");
      return this;
    }

    /** A limit per source address, kept in each instance's memory (see the class comment). */
    public Builder perSource(RateLimit limit) {
      this.perSource = Objects.requireNonNull(limit, "limit");
      return this;
    }

    /**
     * The budget's name (default {@code default}): limiters of one name share one budget, so
     * receivers with budgets of their own use names of their own.
     */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isEmpty() || name.length() > 200) {
        throw new IllegalArgumentException("a budget's name has 1 to 200 characters");
      }
      this.name = name;
      return this;
    }

    /**
     * Builds the limiter, creating its table if absent.
     *
     * @throws IllegalStateException if no overall limit was set, or the table cannot be created
     */
    public ClusterRateLimiter build() {
      if (overall == null) {
        throw new IllegalStateException("a cluster rate limiter needs an overall(...) limit");
      }
      return new ClusterRateLimiter(this);
    }
  }
}
