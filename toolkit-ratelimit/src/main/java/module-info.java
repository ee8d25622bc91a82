/**
 * Rate limits that hold for a cluster of HookGuard receivers as a whole: {@link
 * dev.hookguard.ratelimit.ClusterRateLimiter}, a budget kept in the shared PostgreSQL database
 * through Bucket4j's distributed buckets. A module of its own so that the runtime never requires
 * Bucket4j.
 */
module dev.hookguard.ratelimit {
  requires transitive dev.hookguard.runtime;
  requires java.sql;
  requires io.github.bucket4j.core;
  requires io.github.bucket4j.postgresql;
  requires org.slf4j;

  exports dev.hookguard.ratelimit;
}
