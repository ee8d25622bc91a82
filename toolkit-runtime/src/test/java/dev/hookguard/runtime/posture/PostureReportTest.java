package dev.hookguard.runtime.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's order and queries, the finding's id rule, the policy's checks. */
class PostureReportTest {

  static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

  static Finding finding(String id, Severity severity, String subject) {
    return new Finding(id, severity, subject, "found", "fix");
  }

  @Test
  void findingsAreSortedMostSevereFirstThenByIdAndSubject() {
    PostureReport report = PostureReport.of(AT, List.of(
        finding("sweep.never-run", Severity.LOW, "retention sweeps"),
        finding("https.not-required", Severity.HIGH, "receiver B"),
        finding("allowlist.missing", Severity.MEDIUM, "receiver A"),
        finding("https.not-required", Severity.HIGH, "receiver A")));

    assertThat(report.findings()).extracting(Finding::id, Finding::subject).containsExactly(
        org.assertj.core.groups.Tuple.tuple("https.not-required", "receiver A"),
        org.assertj.core.groups.Tuple.tuple("https.not-required", "receiver B"),
        org.assertj.core.groups.Tuple.tuple("allowlist.missing", "receiver A"),
        org.assertj.core.groups.Tuple.tuple("sweep.never-run", "retention sweeps"));
    assertThat(report.highest()).contains(Severity.HIGH);
    assertThat(report.hasHigh()).isTrue();
    assertThat(report.atLeast(Severity.MEDIUM)).hasSize(3);
    assertThat(report.withId("https.not-required")).hasSize(2);
    assertThat(report.has("keys.rotation-due")).isFalse();
  }

  @Test
  void aReportWithoutHighFindingsIsNotHigh() {
    PostureReport medium = PostureReport.of(AT, List.of(finding("allowlist.missing", Severity.MEDIUM, "r")));
    PostureReport empty = PostureReport.of(AT, List.of());

    assertThat(medium.hasHigh()).isFalse();
    assertThat(medium.highest()).contains(Severity.MEDIUM);
    assertThat(empty.highest()).isEmpty();
    assertThat(empty.toString()).isEqualTo("posture at 2026-01-05T10:00:00Z: no findings");
  }

  @Test
  void theReportIsImmutable() {
    List<Finding> findings = new ArrayList<>(List.of(finding("allowlist.missing", Severity.MEDIUM, "r")));
    PostureReport report = PostureReport.of(AT, findings);
    findings.clear();

    assertThat(report.findings()).hasSize(1);
    assertThatThrownBy(() -> report.findings().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void findingIdsAreDottedLowerCaseWords() {
    assertThatThrownBy(() -> finding("HTTPS", Severity.HIGH, "r"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> finding("https not required", Severity.HIGH, "r"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(finding("audit.checkpoint-overdue", Severity.MEDIUM, "r").toString())
        .isEqualTo("MEDIUM audit.checkpoint-overdue (r): found Fix: fix");
  }

  @Test
  void severitiesCompareBySeriousness() {
    assertThat(Severity.HIGH.atLeast(Severity.LOW)).isTrue();
    assertThat(Severity.LOW.atLeast(Severity.HIGH)).isFalse();
    assertThat(Severity.MEDIUM.atLeast(Severity.MEDIUM)).isTrue();
  }

  @Test
  void thePolicyRefusesLimitsThatCannotHold() {
    PosturePolicy defaults = PosturePolicy.defaults();
    assertThat(defaults.keyRotation()).isEqualTo(Duration.ofDays(90));
    assertThat(defaults.maxSweepAge()).isEqualTo(Duration.ofDays(2));
    assertThat(defaults.maxCheckpointAge()).isEqualTo(Duration.ofDays(7));
    assertThat(defaults.minSecretBytes()).isEqualTo(24);
    assertThat(defaults.maxTolerance()).isEqualTo(Duration.ofMinutes(5));
    assertThatThrownBy(() -> defaults.withKeyRotation(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> defaults.withMinSecretBytes(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(defaults.withNotPersonalData("a.B#x").withNotPersonalData("a.B#y").notPersonalData())
        .containsExactlyInAnyOrder("a.B#x", "a.B#y");
  }
}
