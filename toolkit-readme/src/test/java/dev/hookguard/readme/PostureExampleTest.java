package dev.hookguard.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.receiver.IpAllowList;
import dev.hookguard.runtime.receiver.RateLimit;
import dev.hookguard.runtime.receiver.RateLimiter;
import dev.hookguard.runtime.receiver.WebhookReceiver;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.samples.github.GitHubPush;
import dev.hookguard.samples.github.GitHubPushStore;
import dev.hookguard.samples.github.GitHubPushVerifier;
import dev.hookguard.samples.stripe.StripeEvent;
import dev.hookguard.samples.stripe.StripeEventStore;
import dev.hookguard.samples.stripe.StripeEventVerifier;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's posture example, run on generated verifiers and stores: receivers with every
 * practice in place pass; one that accepts plain HTTP fails the health check.
 */
class PostureExampleTest {

  @TempDir Path folder;

  @Test
  void soundReceiversAreHealthyAndPlainHttpIsNot() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    try (HookGuard hookGuard = HookGuard.builder().sqlite(folder.resolve("hookguard.db"))
        .masterKey(MasterKey.fromBytes(key)).build()) {
      String lastExported = hookGuard.audit().checkpoint().toString();
      WebhookReceiver<StripeEvent> stripe = WebhookReceiver
          .builder(StripeEvent.class, StripeEventVerifier.create(Signatures.stripe(secret())))
          .payloadIds(StripeEvent::id)
          .receipts(hookGuard.receipts(StripeEventStore.create(hookGuard)))
          .allowList(IpAllowList.of("3.18.12.63/32"))
          .rateLimiter(RateLimiter.builder().perSource(RateLimit.of(60, Duration.ofMinutes(1))).build())
          .build();
      WebhookReceiver.Builder<GitHubPush> github = WebhookReceiver
          .builder(GitHubPush.class, GitHubPushVerifier.create(Signatures.github(secret())))
          .receipts(hookGuard.receipts(GitHubPushStore.create(hookGuard)))
          .allowList(IpAllowList.of("192.30.252.0/22"))
          .rateLimiter(RateLimiter.builder().perSource(RateLimit.of(60, Duration.ofMinutes(1))).build());

      assertThat(PostureExample.healthy(hookGuard, stripe, github.build(), lastExported)).isTrue();
      assertThat(PostureExample.healthy(hookGuard, stripe, github.allowPlainHttp().build(),
          lastExported)).isFalse();
    }
  }

  private static String secret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
