package dev.hookguard.runtime.posture.internal;

import dev.hookguard.runtime.posture.Finding;
import dev.hookguard.runtime.posture.PosturePolicy;
import dev.hookguard.runtime.posture.Severity;
import dev.hookguard.runtime.receiver.RateLimiter;
import dev.hookguard.runtime.receiver.RequestLimiter;
import dev.hookguard.runtime.receiver.WebhookReceiver;
import dev.hookguard.runtime.signature.ReplayGuard;
import dev.hookguard.runtime.signature.WebhookSignature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The checks of one receiver: HTTPS, signature scheme and secrets, tolerance, replay protection,
 * allow-list, rate limit. Reads what the receiver tells of its configuration; never a secret.
 */
final class ReceiverChecks {

  private ReceiverChecks() {}

  /**
   * @param retention the records' retention of the receiver's payload type: empty when unknown,
   *     an empty inner value when unlimited
   */
  static List<Finding> check(
      WebhookReceiver<?> receiver, PosturePolicy policy, Optional<OptionalInt> retention) {
    List<Finding> findings = new ArrayList<>();
    String subject = "receiver " + receiver.payloadType();
    if (!receiver.httpsRequired()) {
      findings.add(new Finding("https.not-required", Severity.HIGH, subject,
          "The receiver accepts webhooks over plain HTTP: payloads and signatures can travel in"
              + " the clear.",
          "Remove allowPlainHttp() (HTTPS is required by default); behind a TLS-terminating"
              + " proxy, name it with trustedProxies(...)."));
    }
    if (receiver.allowList().isEmpty()) {
      findings.add(new Finding("allowlist.missing", Severity.MEDIUM, subject,
          "The receiver has no IP allow-list: any address may send requests to it.",
          "Add allowList(IpAllowList.of(...)) with the provider's published address ranges."));
    }
    rateLimit(receiver.rateLimiter(), subject, findings);
    Optional<WebhookSignature> signature = receiver.signature();
    if (signature.isEmpty()) {
      findings.add(new Finding("signature.unknown", Severity.MEDIUM, subject,
          "The receiver cannot tell which signature scheme its verifier checks (a method"
              + " reference or lambda), so its secrets, tolerance and replay window were not"
              + " checked.",
          "Pass the generated verifier itself (WebhookReceiver.builder(X.class,"
              + " XVerifier.create(signature))) or name the scheme with messageIds(signature)."));
      if (!receiver.keepsReceipts() && receiver.replayGuard().isEmpty()) {
        findings.add(unguarded(subject, "its verifier"));
      }
      return findings;
    }
    WebhookSignature scheme = signature.get();
    OptionalInt shortest = scheme.shortestSecretBytes();
    if (shortest.isPresent() && shortest.getAsInt() < policy.minSecretBytes()) {
      findings.add(new Finding("signature.secret-short", Severity.HIGH, subject,
          "The " + scheme.scheme() + " scheme has a secret of " + shortest.getAsInt()
              + " bytes, below the " + policy.minSecretBytes() + " the policy asks for: it can"
              + " be guessed more easily than a forged signature can be found.",
          "Generate a new random secret of at least " + policy.minSecretBytes()
              + " bytes in the provider's dashboard, configure both while rotating, then drop"
              + " the short one."));
    }
    Optional<Duration> tolerance = scheme.tolerance();
    if (tolerance.isPresent() && tolerance.get().compareTo(policy.maxTolerance()) > 0) {
      findings.add(new Finding("signature.tolerance-long", Severity.MEDIUM, subject,
          "The " + scheme.scheme() + " timestamp tolerance is " + Durations.text(tolerance.get())
              + ", more than the " + Durations.text(policy.maxTolerance())
              + " of the policy: a captured request stays valid that long.",
          "Use withTolerance(Duration.ofMinutes(5)) or less, and keep the clocks in sync."));
    }
    if (receiver.keepsReceipts()) {
      // The receipt is the replay check, kept with the record: as long as the record.
      return findings;
    }
    Optional<ReplayGuard> guard = receiver.replayGuard();
    if (guard.isEmpty()) {
      findings.add(unguarded(subject, "the " + scheme.scheme() + " scheme"));
      return findings;
    }
    Optional<Duration> window = guard.get().window();
    if (window.isEmpty()) {
      return findings;
    }
    if (tolerance.isPresent()) {
      Duration needed = tolerance.get().multipliedBy(2);
      if (window.get().compareTo(needed) < 0) {
        findings.add(new Finding("replay.window-short", Severity.HIGH, subject,
            "The replay guard forgets message ids after " + Durations.text(window.get())
                + ", but a " + scheme.scheme() + " request is valid for "
                + Durations.text(needed) + " (twice the tolerance): it can be replayed once its"
                + " id is forgotten.",
            "Remember ids for at least twice the tolerance: a replay guard window of "
                + Durations.text(needed) + " or more, or keep receipts instead."));
      }
    } else {
      boolean outlives = retention.isPresent()
          && retention.get().isPresent()
          && window.get().compareTo(Duration.ofDays(retention.get().getAsInt())) >= 0;
      if (!outlives) {
        findings.add(new Finding("replay.ids-forgotten", Severity.HIGH, subject,
            "The " + scheme.scheme() + " scheme signs no timestamp, so a captured request stays"
                + " valid for ever, and the replay guard forgets its id after "
                + Durations.text(window.get()) + ", before the records are gone"
                + retention.map(r -> r.isPresent() ? " (kept " + r.getAsInt() + " days)"
                    : " (kept without limit)").orElse("") + ".",
            "Keep receipts (receipts(hookGuard.receipts(store))): ids are then kept as long as"
                + " the records; or make the guard's window at least the records' retention."));
      }
    }
    return findings;
  }

  private static Finding unguarded(String subject, String what) {
    return new Finding("replay.unguarded", Severity.HIGH, subject,
        "The receiver keeps no receipts and records message ids in no replay guard: a captured"
            + " request signed for " + what + " can be sent again and is accepted again.",
        "Keep receipts (receipts(hookGuard.receipts(store))), or give the verifier a replay"
            + " guard (hookGuard.replayGuard(window)).");
  }

  private static void rateLimit(
      Optional<RequestLimiter> limiter, String subject, List<Finding> findings) {
    if (limiter.isEmpty()) {
      findings.add(new Finding("ratelimit.missing", Severity.MEDIUM, subject,
          "The receiver has no rate limit: a flood of requests reaches signature checks and"
              + " storage unchecked.",
          "Add rateLimiter(RateLimiter.builder().perSource(RateLimit.of(...)).overall(...)"
              + ".build())."));
    } else if (limiter.get() instanceof RateLimiter local && local.perSource().isEmpty()) {
      findings.add(new Finding("ratelimit.no-per-source", Severity.LOW, subject,
          "The rate limiter has an overall limit only: one busy source can use all of it.",
          "Add perSource(RateLimit.of(...)) to the rate limiter."));
    }
  }
}
