/**
 * Cluster-wide rate limits for HookGuard receivers: {@link
 * dev.hookguard.ratelimit.ClusterRateLimiter}.
 */
package dev.hookguard.ratelimit;
