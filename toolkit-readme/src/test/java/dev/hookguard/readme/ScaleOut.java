package dev.hookguard.readme;

import dev.hookguard.amqp.AmqpOutboxPublisher;
import dev.hookguard.ratelimit.ClusterRateLimiter;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.outbox.Forwarding;
import dev.hookguard.runtime.outbox.OutboxRelay;
import dev.hookguard.runtime.receiver.RateLimit;
import dev.hookguard.runtime.receiver.WebhookReceiver;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.samples.github.GitHubPush;
import dev.hookguard.samples.github.GitHubPushRedactor;
import dev.hookguard.samples.github.GitHubPushStore;
import dev.hookguard.samples.github.GitHubPushVerifier;
import java.time.Duration;
import javax.sql.DataSource;

/** The README's "Running several instances" example: compiled, not run. */
@SuppressWarnings({"unused", "UnusedVariable"})
final class ScaleOut {

  private ScaleOut() {}

  static OutboxRelay oneInstance(DataSource pool, WebhookSignature github) {
    HookGuard hookGuard = HookGuard.builder().postgres(pool)     // each instance its own pool
        .masterKey(MasterKey.fromEnv("HOOKGUARD_MASTER_KEY")).build();

    WebhookReceiver<GitHubPush> receiver = WebhookReceiver
        .builder(GitHubPush.class, GitHubPushVerifier.create(github))
        .receipts(hookGuard.receipts(GitHubPushStore.create(hookGuard),   // + one outbox row each
            Forwarding.redacted(GitHubPushRedactor.create(hookGuard.redactionContext()))
                .onlyProperties("ref", "after", "repository", "pusher")))
        .rateLimiter(ClusterRateLimiter.builder(pool)                     // one budget for all
            .overall(RateLimit.of(500, Duration.ofSeconds(1)))
            .perSource(RateLimit.of(60, Duration.ofMinutes(1)))           // per instance
            .build())
        .build();

    AmqpOutboxPublisher publisher = AmqpOutboxPublisher.builder(System.getenv("AMQP_URI")).build();
    publisher.connect();                       // exchange, queue and dead-letter queue declared
    OutboxRelay relay = hookGuard.outbox().relay(publisher);
    relay.start();                             // every instance runs one; they share the rows
    return relay;
  }
}
