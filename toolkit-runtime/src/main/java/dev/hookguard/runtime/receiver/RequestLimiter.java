package dev.hookguard.runtime.receiver;

import java.net.InetAddress;

/**
 * Decides whether a request may proceed, before anything else is spent on it: the rate-limit step
 * of a {@link WebhookReceiver} ({@link WebhookReceiver.Builder#rateLimiter(RequestLimiter)}).
 * {@link RateLimiter}, the in-memory limiter of one instance, is the default implementation;
 * module {@code dev.hookguard.ratelimit} has one whose budget all instances on one PostgreSQL
 * database share.
 *
 * <p>Implementations are thread-safe, never throw for a request (a limiter whose backing store
 * is unavailable decides by itself whether to fail open or closed) and never log the address.
 */
@FunctionalInterface
public interface RequestLimiter {

  /**
   * Takes what a request from {@code source} costs, if it may proceed.
   *
   * @param source the client's address (after {@link TrustedProxies} resolution)
   */
  RateLimiter.Decision tryAcquire(InetAddress source);
}
