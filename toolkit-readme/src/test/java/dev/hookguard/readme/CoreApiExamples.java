package dev.hookguard.readme;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditEntry;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.privacy.PrivacyManifest;
import dev.hookguard.runtime.privacy.PrivacyManifests;
import dev.hookguard.runtime.receiver.RateLimit;
import dev.hookguard.runtime.receiver.RateLimiter;
import dev.hookguard.runtime.receiver.TrustedProxies;
import dev.hookguard.runtime.receiver.WebhookReceiver;
import dev.hookguard.runtime.signature.ReplayGuard;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.store.Accessor;
import dev.hookguard.runtime.store.Revealed;
import dev.hookguard.samples.github.GitHubPush;
import dev.hookguard.samples.github.GitHubPushStore;
import dev.hookguard.samples.github.GitHubPushVerifier;
import dev.hookguard.samples.stripe.StripeEvent;
import dev.hookguard.samples.stripe.StripeEventStore;
import dev.hookguard.samples.stripe.StripeEventVerifier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The README's examples of the core API's finer points (keys handed over in code, reveals that
 * tell expired fields, the whole audit trail, proxies, drivers, clocks), each in a method whose
 * parameters are what the README leaves to the reader. {@link ReadmeExamplesTest} checks that
 * every README block is here, line for line.
 */
@SuppressWarnings({"unused", "UnusedVariable"})
final class CoreApiExamples {

  private CoreApiExamples() {}

  // "What the store does"

  static void revealWithExpiry(CustomerStore store, String messageId, Accessor support) {
    Revealed<Customer> revealed = store.revealWithExpiry(messageId, support, "refund #77").orElseThrow();
    if (revealed.isExpired("note")) {           // past its 30 days: gone, not a null from the sender
      show(revealed.value(), "note: expired");
    }
  }

  // "The audit trail"

  static void auditEntries(HookGuard hookGuard, Consumer<AuditEntry> export, long lastExported) {
    try (Stream<AuditEntry> entries = hookGuard.audit().entries()) {   // the whole trail, 500 at a time
      entries.filter(e -> e.event().kind() == AuditEvent.Kind.REVEAL_DENIED).forEach(export);
    }
    List<AuditEntry> next = hookGuard.audit().page(lastExported, 1_000);   // resume an export
  }

  // "Receiving webhooks": one clock

  /** What the clock example builds, for {@link OneClockTest}. */
  record Clocked(HookGuard hookGuard, WebhookReceiver<StripeEvent> receiver, ReplayGuard seen) {}

  static Clocked oneClock(Clock clock, Path database, MasterKey masterKey, String secret) {
    HookGuard hookGuard = HookGuard.builder().sqlite(database).masterKey(masterKey)
        .clock(clock)                                   // receipt times, reads, sweeps, keys, audit
        .build();
    WebhookSignature stripe = Signatures.stripe(secret)
        .withClock(hookGuard.clock());                  // the signature's timestamp tolerance
    WebhookReceiver<StripeEvent> receiver = WebhookReceiver
        .builder(StripeEvent.class, StripeEventVerifier.create(stripe))
        .receipts(hookGuard.receipts(StripeEventStore.create(hookGuard)))   // event times: its clock
        .payloadIds(StripeEvent::id)
        .rateLimiter(RateLimiter.builder().clock(hookGuard.clock())        // bucket refills
            .perSource(RateLimit.of(50, Duration.ofSeconds(1))).build())
        .build();
    ReplayGuard seen = ReplayGuard.inMemory(Duration.ofMinutes(10), 100_000, hookGuard.clock());
    return new Clocked(hookGuard, receiver, seen);
  }

  // "Receiving webhooks": behind a TLS-terminating proxy

  static WebhookReceiver<GitHubPush> behindProxy(HookGuard hookGuard, WebhookSignature github) {
    WebhookReceiver<GitHubPush> receiver = WebhookReceiver
        .builder(GitHubPush.class, GitHubPushVerifier.create(github))
        .receipts(hookGuard.receipts(GitHubPushStore.create(hookGuard)))
        .trustedProxies(TrustedProxies.of("10.0.0.0/8"))  // only these may say X-Forwarded-Proto: https
        .build();                                         // no allowPlainHttp(): plain from anyone else is 403
    return receiver;
  }

  // "Privacy manifest"

  /** One line per payload type of every manifest the application sees, for {@link PrivacyManifestExampleTest}. */
  static List<String> privacyManifests() {
    List<String> lines = new ArrayList<>();
    for (PrivacyManifest manifest : PrivacyManifests.load()) {   // class path and module path
      for (PrivacyManifest.PayloadType type : manifest.types()) {
        lines.add(type.name() + ": " + type.categories() + ", kept " + type.retentionDays());
      }
    }
    return lines;
  }

  private static void show(Customer customer, String remark) {}
}
