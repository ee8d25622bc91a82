package dev.hookguard.runtime.posture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditCheckpoint;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.audit.TestDatabase;
import dev.hookguard.runtime.generated.GeneratedStores;
import dev.hookguard.testsupport.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store checks of the posture audit that hold on every backend, each with a state that
 * triggers it and one that does not: retention and personal-data names in the manifests, sweeps
 * (the journal in {@code hg_retention_sweeps}), data key age, the audit trail and its exported
 * checkpoint.
 */
abstract class StorePostureContract {

  @TempDir
  Path work;

  final TestClock clock = new TestClock(Instant.parse("2026-01-05T10:00:00Z"));
  TestDatabase database;
  HookGuard hookGuard;

  abstract TestDatabase newDatabase(Path directory);

  @BeforeEach
  void open() {
    database = newDatabase(work);
    hookGuard = database.open(clock);
  }

  @AfterEach
  void close() throws Exception {
    database.close();
  }

  Posture posture() {
    return hookGuard.posture().withManifests(Manifests.clean());
  }

  void storeANote(String id) {
    GeneratedStores.table(hookGuard, Note.SCHEMA).put(id, Map.of("id", "\"" + id + "\""), false);
  }

  @Test
  void aPayloadTypeWithoutRetentionIsMedium() {
    PostureReport unbounded = hookGuard.posture().withManifests(Manifests.of(null, "id", null)).check();
    PostureReport bounded = posture().check();

    assertThat(unbounded.withId("retention.unbounded")).extracting(Finding::subject, Finding::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("payload type test.Note", Severity.MEDIUM));
    assertThat(bounded.has("retention.unbounded")).isFalse();
  }

  @Test
  void aPropertyNamedLikePersonalDataWithoutADecisionIsLow() {
    // The processor records "undecided" on such a name when it carries no decision.
    Posture undecided = hookGuard.posture()
        .withManifests(Manifests.undecided(30, "billing_email", "an e-mail address"));
    Posture sensitive = hookGuard.posture().withManifests(Manifests.of(30, "billing_email", "CONTACT"));
    Posture decided = hookGuard.posture(PosturePolicy.defaults()
            .withNotPersonalData("test.Note#billing_email"))
        .withManifests(Manifests.undecided(30, "billing_email", "an e-mail address"));

    assertThat(undecided.check().withId("privacy.undecided-name"))
        .extracting(Finding::subject, Finding::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("property test.Note#billing_email", Severity.LOW));
    assertThat(undecided.check().withId("privacy.undecided-name").get(0).found())
        .contains("an e-mail address");
    assertThat(sensitive.check().has("privacy.undecided-name")).isFalse();
    assertThat(decided.check().has("privacy.undecided-name")).isFalse();
    // Suppressed, a flag, or a name like created_at: the processor records no "undecided".
    assertThat(hookGuard.posture().withManifests(Manifests.of(30, "billing_email", null)).check()
        .has("privacy.undecided-name")).isFalse();
  }

  @Test
  void anEmptyStoreNeverSweptIsLowAndASweepClearsIt() {
    assertThat(posture().check().withId("sweep.never-run")).extracting(Finding::severity)
        .containsExactly(Severity.LOW);
    assertThat(posture().check().has("sweep.overdue")).isFalse();

    hookGuard.retention().sweep();

    assertThat(posture().check().has("sweep.never-run")).isFalse();
  }

  @Test
  void recordsThatExpireWithoutASweepAreHigh() {
    storeANote("n1");

    assertThat(posture().check().withId("sweep.overdue")).extracting(Finding::severity)
        .containsExactly(Severity.HIGH);
    assertThat(posture().check().has("sweep.never-run")).isFalse();

    hookGuard.retention().sweep();

    assertThat(posture().check().has("sweep.overdue")).isFalse();
  }

  @Test
  void aLastSweepOlderThanThePolicyIsHigh() {
    storeANote("n1");
    hookGuard.retention().sweep();
    clock.advance(Duration.ofDays(1));
    assertThat(posture().check().has("sweep.overdue")).isFalse();

    clock.advance(Duration.ofDays(2));

    Finding overdue = posture().check().withId("sweep.overdue").get(0);
    assertThat(overdue.severity()).isEqualTo(Severity.HIGH);
    assertThat(overdue.found()).contains("3 days ago").contains("2 days");
    assertThat(hookGuard.posture(PosturePolicy.defaults().withMaxSweepAge(Duration.ofDays(7)))
        .withManifests(Manifests.clean()).check().has("sweep.overdue")).isFalse();
  }

  @Test
  void anErasureStoppedMidwayAndLeftIsHighUntilItIsFinished() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> hookGuard.subjects()
        .erase("ada@example.com", "request 7", progress -> {
          throw new IllegalStateException("stopped");
        })).hasMessage("stopped");
    // Still within the grace period: it may be running.
    assertThat(posture().check().has("subjects.erasure-unfinished")).isFalse();

    clock.advance(Duration.ofMinutes(11));

    Finding unfinished = posture().check().withId("subjects.erasure-unfinished").get(0);
    assertThat(unfinished.severity()).isEqualTo(Severity.HIGH);
    assertThat(unfinished.found()).startsWith("1 erasure(s)").doesNotContain("ada");
    hookGuard.subjects().resumeErasures();
    assertThat(posture().check().has("subjects.erasure-unfinished")).isFalse();
  }

  @Test
  void dataKeysOlderThanTheRotationPolicyAreMedium() {
    clock.advance(Duration.ofDays(89));
    assertThat(posture().check().has("keys.rotation-due")).isFalse();

    clock.advance(Duration.ofDays(2));
    Finding due = posture().check().withId("keys.rotation-due").get(0);
    assertThat(due.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(due.found()).contains("generation 1").contains("91 days").contains("90 days");

    hookGuard.keys().rotate();

    assertThat(posture().check().has("keys.rotation-due")).isFalse();
    assertThat(hookGuard.posture(PosturePolicy.defaults().withKeyRotation(Duration.ofDays(1)))
        .withManifests(Manifests.clean()).check().has("keys.rotation-due")).isFalse();
    clock.advance(Duration.ofDays(2));
    assertThat(hookGuard.posture(PosturePolicy.defaults().withKeyRotation(Duration.ofDays(1)))
        .withManifests(Manifests.clean()).check().has("keys.rotation-due")).isTrue();
  }

  @Test
  void aTamperedAuditTrailIsHigh() throws Exception {
    for (int i = 0; i < 3; i++) {
      hookGuard.audit().record(AuditEvent.received(clock.instant(), "test.Note", "msg_" + i));
    }
    assertThat(posture().check().has("audit.broken")).isFalse();

    database.allowTampering();
    database.execute("UPDATE hg_audit_entries SET record_id = 'msg_forged' WHERE sequence = 2");

    Finding broken = posture().check().withId("audit.broken").get(0);
    assertThat(broken.severity()).isEqualTo(Severity.HIGH);
    assertThat(broken.found()).contains("sequence 2").contains("EDITED").doesNotContain("msg_");
  }

  @Test
  void aRewrittenTrailMissesTheExportedCheckpoint() throws Exception {
    hookGuard.audit().record(AuditEvent.received(clock.instant(), "test.Note", "msg_1"));
    AuditCheckpoint exported = hookGuard.audit().checkpoint();
    AuditCheckpoint forged = new AuditCheckpoint(exported.sequence(), "0".repeat(64));

    assertThat(hookGuard.posture(PosturePolicy.defaults().withLastExportedCheckpoint(exported))
        .withManifests(Manifests.clean()).check().has("audit.broken")).isFalse();
    assertThat(hookGuard.posture(PosturePolicy.defaults().withLastExportedCheckpoint(forged))
        .withManifests(Manifests.clean()).check().has("audit.broken")).isTrue();
  }

  @Test
  void entriesUncoveredByAnExportedCheckpointForTooLongAreMedium() {
    hookGuard.audit().record(AuditEvent.received(clock.instant(), "test.Note", "msg_1"));
    clock.advance(Duration.ofDays(6));
    assertThat(posture().check().has("audit.checkpoint-overdue")).isFalse();

    clock.advance(Duration.ofDays(2));
    Finding overdue = posture().check().withId("audit.checkpoint-overdue").get(0);
    assertThat(overdue.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(overdue.found()).startsWith("No exported checkpoint was given");

    AuditCheckpoint exported = hookGuard.audit().checkpoint();
    PosturePolicy withCheckpoint = PosturePolicy.defaults().withLastExportedCheckpoint(exported);
    assertThat(hookGuard.posture(withCheckpoint).withManifests(Manifests.clean()).check()
        .has("audit.checkpoint-overdue")).isFalse();

    hookGuard.audit().record(AuditEvent.received(clock.instant(), "test.Note", "msg_2"));
    clock.advance(Duration.ofDays(8));
    Finding stale = hookGuard.posture(withCheckpoint).withManifests(Manifests.clean()).check()
        .withId("audit.checkpoint-overdue").get(0);
    assertThat(stale.found()).contains("sequence " + exported.sequence()).contains("8 days");
  }
}
