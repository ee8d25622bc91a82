/**
 * The receiving pipeline: a framework-neutral {@link dev.hookguard.runtime.receiver.WebhookReceiver}
 * that applies every practice in order (HTTPS, IP allow-list, rate limit, size limit, verify,
 * handle, store) and answers with a {@link dev.hookguard.runtime.receiver.WebhookResponse}; the
 * small parts it is built from ({@link dev.hookguard.runtime.receiver.IpAllowList},
 * {@link dev.hookguard.runtime.receiver.TrustedProxies},
 * {@link dev.hookguard.runtime.receiver.RateLimiter}); optional Micrometer metrics; and an adapter
 * for the JDK's {@code HttpServer}/{@code HttpsServer}.
 *
 * <p>Micrometer and {@code jdk.httpserver} are optional: only {@link
 * dev.hookguard.runtime.receiver.MicrometerReceiverMetrics} names Micrometer types and only
 * {@link dev.hookguard.runtime.receiver.JdkWebhookHandler} names {@code com.sun.net.httpserver}
 * types, so a receiver runs without either module as long as those two classes are not used.
 */
package dev.hookguard.runtime.receiver;
