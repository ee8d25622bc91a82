package dev.hookguard.runtime.receiver;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Token-bucket rate limiting per source address and overall (see {@link RateLimit} for how a
 * bucket fills). A request takes one token from its source's bucket and one from the overall
 * bucket, or from neither: a request refused overall does not use up its source's allowance.
 *
 * <p><b>Sources.</b> An IPv4 address is one source. An IPv6 address counts by its {@code /64}
 * network by default ({@link Builder#ipv6PrefixLength}), since one subscriber usually holds a whole
 * {@code /64} and could otherwise rotate through addresses to dodge its limit.
 *
 * <p><b>Bounded memory.</b> At most {@link Builder#maxSources} source buckets are kept; when a new
 * source arrives at a full map, the least recently seen source is forgotten and starts over with a
 * full bucket if it returns. A flood from many addresses can therefore reset individual sources,
 * but never the overall bucket, which bounds the total.
 *
 * <p>Time comes from the {@link Clock} given to the builder; a clock that steps backwards refills
 * nothing until it catches up. Thread-safe: one lock guards every bucket, which costs little next
 * to the signature check every admitted request pays for.
 *
 * <pre>{@code
 * RateLimiter limiter = RateLimiter.builder()
 *     .perSource(RateLimit.of(60, Duration.ofMinutes(1)))
 *     .overall(RateLimit.of(100, Duration.ofSeconds(1), 500))
 *     .build();
 * }</pre>
 */
public final class RateLimiter implements RequestLimiter {

  /** Which bucket refused a request. Names are stable: metrics key on them. */
  public enum Scope {
    /** The request's source address used up its own allowance. */
    SOURCE,
    /** All sources together used up the receiver's allowance. */
    OVERALL
  }

  /**
   * The answer for one request.
   *
   * @param refusedBy empty if the request may proceed, else the bucket that refused it
   * @param retryAfter how long until the refusing bucket holds a token again; zero when allowed
   */
  public record Decision(Optional<Scope> refusedBy, Duration retryAfter) {

    /** Checks that both components are present. */
    public Decision {
      Objects.requireNonNull(refusedBy, "refusedBy");
      Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** Whether the request may proceed. */
    public boolean allowed() {
      return refusedBy.isEmpty();
    }

    /**
     * {@link #retryAfter()} in whole seconds, rounded up and at least one, as an HTTP {@code
     * Retry-After} header carries it; zero when allowed.
     */
    public long retryAfterSeconds() {
      if (allowed()) {
        return 0;
      }
      long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
      return Math.max(1, seconds);
    }
  }

  private static final Decision ALLOWED = new Decision(Optional.empty(), Duration.ZERO);

  private final RateLimit perSource;
  private final RateLimit overall;
  private final int maxSources;
  private final int ipv6PrefixLength;
  private final Clock clock;
  private final TokenBucket overallBucket;
  private final LinkedHashMap<Ip128, TokenBucket> sources;

  private RateLimiter(Builder builder) {
    this.perSource = builder.perSource;
    this.overall = builder.overall;
    this.maxSources = builder.maxSources;
    this.ipv6PrefixLength = builder.ipv6PrefixLength;
    this.clock = builder.clock;
    long now = nanos(clock.instant());
    this.overallBucket = overall == null ? null : new TokenBucket(overall, now);
    this.sources = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** Starts a limiter with no limits; add at least one of {@link Builder#perSource} or {@link Builder#overall}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Takes a token for a request from {@code source}, if both its buckets have one.
   *
   * @param source the client's address (after {@link TrustedProxies} resolution)
   */
  @Override
  public Decision tryAcquire(InetAddress source) {
    Ip128 key = sourceKey(Ip128.of(Objects.requireNonNull(source, "source")));
    long now = nanos(clock.instant());
    synchronized (sources) {
      TokenBucket sourceBucket = null;
      if (perSource != null) {
        sourceBucket = sources.get(key);
        if (sourceBucket == null) {
          sourceBucket = new TokenBucket(perSource, now);
          sources.put(key, sourceBucket);
          if (sources.size() > maxSources) {
            evictOne(key);
          }
        }
        sourceBucket.refill(now);
        if (!sourceBucket.hasToken()) {
          return refused(Scope.SOURCE, sourceBucket);
        }
      }
      if (overallBucket != null) {
        overallBucket.refill(now);
        if (!overallBucket.hasToken()) {
          return refused(Scope.OVERALL, overallBucket);
        }
        overallBucket.take();
      }
      if (sourceBucket != null) {
        sourceBucket.take();
      }
      return ALLOWED;
    }
  }

  /** The limit of each source address, if one was set. */
  public Optional<RateLimit> perSource() {
    return Optional.ofNullable(perSource);
  }

  /** The limit of all sources together, if one was set. */
  public Optional<RateLimit> overall() {
    return Optional.ofNullable(overall);
  }

  /** How many source buckets are held now, for tests and monitoring. */
  public int trackedSources() {
    synchronized (sources) {
      return sources.size();
    }
  }

  /** Forgets the least recently seen source other than {@code keep}. */
  private void evictOne(Ip128 keep) {
    var it = sources.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Ip128, TokenBucket> eldest = it.next();
      if (!eldest.getKey().equals(keep)) {
        it.remove();
        return;
      }
    }
  }

  private Ip128 sourceKey(Ip128 address) {
    return address.isIpv4() ? address : address.masked(ipv6PrefixLength);
  }

  private static Decision refused(Scope scope, TokenBucket bucket) {
    return new Decision(Optional.of(scope), Duration.ofNanos(bucket.nanosUntilToken()));
  }

  private static long nanos(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }

  @Override
  public String toString() {
    return "RateLimiter[perSource=" + perSource + ", overall=" + overall + ", maxSources="
        + maxSources + "]";
  }

  /** Options for a {@link RateLimiter}. */
  public static final class Builder {

    private RateLimit perSource;
    private RateLimit overall;
    private int maxSources = 10_000;
    private int ipv6PrefixLength = 64;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The bucket each source address gets. */
    public Builder perSource(RateLimit limit) {
      this.perSource = Objects.requireNonNull(limit, "limit");
      return this;
    }

    /** The one bucket all requests share. */
    public Builder overall(RateLimit limit) {
      this.overall = Objects.requireNonNull(limit, "limit");
      return this;
    }

    /** The most source buckets held at once (default 10,000); the least recently seen goes first. */
    public Builder maxSources(int maxSources) {
      if (maxSources <= 0) {
        throw new IllegalArgumentException("maxSources must be positive, not " + maxSources);
      }
      this.maxSources = maxSources;
      return this;
    }

    /** How many leading bits of an IPv6 address name its source (default 64; 128 = each address). */
    public Builder ipv6PrefixLength(int prefixLength) {
      if (prefixLength < 1 || prefixLength > 128) {
        throw new IllegalArgumentException("the IPv6 prefix length must be 1 to 128, not " + prefixLength);
      }
      this.ipv6PrefixLength = prefixLength;
      return this;
    }

    /** The clock buckets refill by (default the system UTC clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the limiter.
     *
     * @throws IllegalStateException if neither a per-source nor an overall limit was set
     */
    public RateLimiter build() {
      if (perSource == null && overall == null) {
        throw new IllegalStateException("a rate limiter needs a perSource or an overall limit");
      }
      return new RateLimiter(this);
    }
  }
}
