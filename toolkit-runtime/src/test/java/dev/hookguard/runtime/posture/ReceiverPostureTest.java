package dev.hookguard.runtime.posture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.receiver.IpAllowList;
import dev.hookguard.runtime.receiver.RateLimit;
import dev.hookguard.runtime.receiver.RateLimiter;
import dev.hookguard.runtime.receiver.WebhookReceiver;
import dev.hookguard.runtime.signature.ReplayGuard;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.testsupport.TestClock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receiver checks of the posture audit, each with a configuration that triggers it and one
 * that does not: real signature schemes with real secrets, real replay guards and rate limiters,
 * a real store for receipts.
 */
class ReceiverPostureTest {

  static final String GITHUB_SECRET = HexFormat.of().formatHex(random(24));
  static final String STRIPE_SECRET = "whsec_" + Base64.getEncoder().encodeToString(random(24));
  static final String SHORT_SECRET = "hunter2-short";

  @TempDir
  Path work;

  final TestClock clock = new TestClock(Instant.parse("2026-01-05T10:00:00Z"));
  HookGuard hookGuard;
  Posture posture;

  @BeforeEach
  void open() {
    hookGuard = HookGuard.builder().sqlite(work.resolve("hookguard.db"))
        .masterKey(MasterKey.fromBytes(random(32))).clock(clock).build();
    posture = hookGuard.posture().withManifests(Manifests.clean());
  }

  @AfterEach
  void close() {
    hookGuard.close();
  }

  /** A receiver with every practice in place: the baseline each test weakens by one. */
  WebhookReceiver.Builder<Note> sound(WebhookSignature signature, ReplayGuard guard) {
    return WebhookReceiver.builder(Note.class, Note.verifier(signature, guard))
        .sink((id, note) -> {})
        .allowList(IpAllowList.of("192.0.2.0/24"))
        .rateLimiter(RateLimiter.builder()
            .perSource(RateLimit.of(60, Duration.ofMinutes(1)))
            .overall(RateLimit.of(600, Duration.ofMinutes(1)))
            .build());
  }

  WebhookReceiver.Builder<Note> sound() {
    WebhookSignature stripe = Signatures.stripe(STRIPE_SECRET).withClock(clock);
    return sound(stripe, ReplayGuard.inMemory(Duration.ofMinutes(10), 1000, clock));
  }

  List<Finding> receiverFindings(WebhookReceiver<?> receiver) {
    return posture.check(receiver).findings().stream()
        .filter(f -> f.subject().startsWith("receiver "))
        .toList();
  }

  @Test
  void aSoundReceiverHasNoFinding() {
    assertThat(receiverFindings(sound().build())).isEmpty();
  }

  @Test
  void plainHttpIsHigh() {
    List<Finding> findings = receiverFindings(sound().allowPlainHttp().build());

    assertThat(findings).extracting(Finding::id).containsExactly("https.not-required");
    assertThat(findings.get(0).severity()).isEqualTo(Severity.HIGH);
    assertThat(findings.get(0).subject()).isEqualTo("receiver Note");
    assertThat(findings.get(0).fix()).contains("allowPlainHttp()");
  }

  @Test
  void aMissingAllowListIsMedium() {
    WebhookReceiver<Note> receiver =
        WebhookReceiver.builder(Note.class, Note.verifier(Signatures.stripe(STRIPE_SECRET),
                ReplayGuard.inMemory(Duration.ofMinutes(10), 1000, clock)))
            .sink((id, note) -> {})
            .rateLimiter(RateLimiter.builder().perSource(RateLimit.of(1, Duration.ofSeconds(1))).build())
            .build();

    assertThat(receiverFindings(receiver)).extracting(Finding::id, Finding::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("allowlist.missing", Severity.MEDIUM));
  }

  @Test
  void aMissingRateLimitIsMediumAndAnOverallOnlyLimitIsLow() {
    WebhookSignature stripe = Signatures.stripe(STRIPE_SECRET);
    ReplayGuard guard = ReplayGuard.inMemory(Duration.ofMinutes(10), 1000, clock);
    WebhookReceiver<Note> none = WebhookReceiver.builder(Note.class, Note.verifier(stripe, guard))
        .sink((id, note) -> {}).allowList(IpAllowList.of("192.0.2.0/24")).build();
    WebhookReceiver<Note> overallOnly = WebhookReceiver.builder(Note.class, Note.verifier(stripe, guard))
        .sink((id, note) -> {}).allowList(IpAllowList.of("192.0.2.0/24"))
        .rateLimiter(RateLimiter.builder().overall(RateLimit.of(10, Duration.ofSeconds(1))).build())
        .build();

    assertThat(receiverFindings(none)).extracting(Finding::id).containsExactly("ratelimit.missing");
    assertThat(receiverFindings(overallOnly)).extracting(Finding::id, Finding::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ratelimit.no-per-source", Severity.LOW));
  }

  @Test
  void aVerifierThatDoesNotTellItsSchemeIsMedium() {
    WebhookSignature stripe = Signatures.stripe(STRIPE_SECRET);
    ReplayGuard guard = ReplayGuard.inMemory(Duration.ofMinutes(10), 1000, clock);
    WebhookReceiver<Note> lambda =
        WebhookReceiver.builder(Note.class, Note.verifier(stripe, guard)::verify)
            .sink((id, note) -> {}).replayGuard(guard)
            .allowList(IpAllowList.of("192.0.2.0/24"))
            .rateLimiter(RateLimiter.builder().perSource(RateLimit.of(1, Duration.ofSeconds(1))).build())
            .build();
    WebhookReceiver<Note> named =
        WebhookReceiver.builder(Note.class, Note.verifier(stripe, guard)::verify)
            .messageIds(stripe).sink((id, note) -> {}).replayGuard(guard)
            .allowList(IpAllowList.of("192.0.2.0/24"))
            .rateLimiter(RateLimiter.builder().perSource(RateLimit.of(1, Duration.ofSeconds(1))).build())
            .build();

    assertThat(receiverFindings(lambda)).extracting(Finding::id).containsExactly("signature.unknown");
    assertThat(receiverFindings(named)).isEmpty();
  }

  @Test
  void aShortSecretIsHighAndNeverQuoted() {
    WebhookReceiver<Note> weak = sound(Signatures.github(SHORT_SECRET), null)
        .build();
    WebhookReceiver<Note> strong = sound(Signatures.github(GITHUB_SECRET, SHORT_SECRET + "-but-long-enough-now"), null)
        .build();

    PostureReport report = posture.check(weak);
    Finding finding = report.withId("signature.secret-short").get(0);
    assertThat(finding.severity()).isEqualTo(Severity.HIGH);
    assertThat(finding.found()).contains(SHORT_SECRET.length() + " bytes").contains("github");
    assertThat(report.toString()).doesNotContain(SHORT_SECRET);
    assertThat(posture.check(strong).has("signature.secret-short")).isFalse();
  }

  @Test
  void aToleranceBeyondThePolicyIsMedium() {
    ReplayGuard guard = ReplayGuard.inMemory(Duration.ofHours(2), 1000, clock);
    WebhookReceiver<Note> wide =
        sound(Signatures.stripe(STRIPE_SECRET).withTolerance(Duration.ofMinutes(30)), guard).build();
    WebhookReceiver<Note> usual = sound(Signatures.stripe(STRIPE_SECRET), guard).build();

    assertThat(receiverFindings(wide)).extracting(Finding::id).containsExactly("signature.tolerance-long");
    assertThat(receiverFindings(wide).get(0).found()).contains("30 minutes").contains("5 minutes");
    assertThat(receiverFindings(usual)).isEmpty();
    assertThat(hookGuard.posture(PosturePolicy.defaults().withMaxTolerance(Duration.ofHours(1)))
        .withManifests(Manifests.clean()).check(wide).has("signature.tolerance-long")).isFalse();
  }

  @Test
  void noReplayProtectionIsHigh() {
    WebhookReceiver<Note> unguarded = sound(Signatures.stripe(STRIPE_SECRET), null).build();
    WebhookReceiver<Note> receipts = WebhookReceiver
        .builder(Note.class, Note.verifier(Signatures.stripe(STRIPE_SECRET), null))
        .receipts(hookGuard.receipts(Note.STORE))
        .allowList(IpAllowList.of("192.0.2.0/24"))
        .rateLimiter(RateLimiter.builder().perSource(RateLimit.of(1, Duration.ofSeconds(1))).build())
        .build();

    assertThat(receiverFindings(unguarded)).extracting(Finding::id, Finding::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("replay.unguarded", Severity.HIGH));
    assertThat(receiverFindings(receipts)).isEmpty();
  }

  @Test
  void aReplayWindowShorterThanTwiceTheToleranceIsHigh() {
    WebhookSignature stripe = Signatures.stripe(STRIPE_SECRET);
    WebhookReceiver<Note> shortWindow =
        sound(stripe, ReplayGuard.inMemory(Duration.ofMinutes(5), 1000, clock)).build();
    WebhookReceiver<Note> longEnough =
        sound(stripe, ReplayGuard.inMemory(Duration.ofMinutes(10), 1000, clock)).build();

    List<Finding> findings = receiverFindings(shortWindow);
    assertThat(findings).extracting(Finding::id).containsExactly("replay.window-short");
    assertThat(findings.get(0).found()).contains("5 minutes").contains("10 minutes");
    assertThat(receiverFindings(longEnough)).isEmpty();
  }

  @Test
  void withoutASignedTimestampIdsMustBeKeptAsLongAsTheRecords() {
    WebhookSignature github = Signatures.github(GITHUB_SECRET);
    // The shared guard of the store, one day: the records (test.Note) are kept 30 days.
    WebhookReceiver<Note> oneDay = sound(github, hookGuard.replayGuard(Duration.ofDays(1))).build();
    WebhookReceiver<Note> thirtyDays =
        sound(github, hookGuard.replayGuard(Duration.ofDays(30))).build();
    WebhookReceiver<Note> receipts = WebhookReceiver.builder(Note.class, Note.verifier(github, null))
        .receipts(hookGuard.receipts(Note.STORE))
        .allowList(IpAllowList.of("192.0.2.0/24"))
        .rateLimiter(RateLimiter.builder().perSource(RateLimit.of(1, Duration.ofSeconds(1))).build())
        .build();

    List<Finding> findings = receiverFindings(oneDay);
    assertThat(findings).extracting(Finding::id, Finding::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("replay.ids-forgotten", Severity.HIGH));
    assertThat(findings.get(0).found()).contains("1 day").contains("kept 30 days");
    assertThat(receiverFindings(thirtyDays)).isEmpty();
    assertThat(receiverFindings(receipts)).isEmpty();
    // The same one-day guard is enough for Stripe, whose timestamp is signed.
    assertThat(receiverFindings(sound(Signatures.stripe(STRIPE_SECRET),
        hookGuard.replayGuard(Duration.ofDays(1))).build())).isEmpty();
  }

  @Test
  void withoutReceiversTheAuditSaysSo() {
    assertThat(posture.check().withId("receiver.none-checked"))
        .extracting(Finding::severity).containsExactly(Severity.INFO);
    assertThat(posture.check(sound().build()).has("receiver.none-checked")).isFalse();
  }

  @Test
  void noFindingOrReportShowsASecret() {
    WebhookReceiver<Note> everythingWrong = WebhookReceiver
        .builder(Note.class, Note.verifier(Signatures.github(SHORT_SECRET), null))
        .sink((id, note) -> {}).allowPlainHttp().build();
    PostureReport report = posture.check(everythingWrong, sound().build());

    assertThat(report.findings()).hasSizeGreaterThanOrEqualTo(5);
    for (Finding finding : report.findings()) {
      assertThat(finding.toString()).doesNotContain(SHORT_SECRET).doesNotContain(STRIPE_SECRET)
          .doesNotContain(STRIPE_SECRET.substring(6));
    }
    assertThat(report.toString()).doesNotContain(SHORT_SECRET).doesNotContain(STRIPE_SECRET);
    assertThat(report.hasHigh()).isTrue();
    assertThat(report.findings().get(0).severity()).isEqualTo(Severity.HIGH);
  }

  static byte[] random(int n) {
    byte[] bytes = new byte[n];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
