package dev.hookguard.runtime.posture;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a posture audit found at one instant: its findings, most severe first (then by id and
 * subject). An empty list means every check passed.
 *
 * @param checkedAt the store clock's instant the audit ran at
 * @param findings the findings, sorted
 */
public record PostureReport(Instant checkedAt, List<Finding> findings) {

  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparing(Finding::id)
          .thenComparing(Finding::subject);

  /** Checks and sorts the components. */
  public PostureReport {
    Objects.requireNonNull(checkedAt, "checkedAt");
    findings = findings.stream().sorted(ORDER).toList();
  }

  /** A report of {@code findings} at {@code checkedAt}. */
  public static PostureReport of(Instant checkedAt, List<Finding> findings) {
    return new PostureReport(checkedAt, findings);
  }

  /** The severity of the most severe finding; empty when there is none. */
  public Optional<Severity> highest() {
    return findings.stream().map(Finding::severity).min(Comparator.naturalOrder());
  }

  /** Whether any finding is {@link Severity#HIGH}: a practice is not in force. */
  public boolean hasHigh() {
    return highest().filter(s -> s == Severity.HIGH).isPresent();
  }

  /** The findings of at least {@code severity}, most severe first. */
  public List<Finding> atLeast(Severity severity) {
    Objects.requireNonNull(severity, "severity");
    return findings.stream().filter(f -> f.severity().atLeast(severity)).toList();
  }

  /** The findings with id {@code id}. */
  public List<Finding> withId(String id) {
    Objects.requireNonNull(id, "id");
    return findings.stream().filter(f -> f.id().equals(id)).toList();
  }

  /** Whether a finding with id {@code id} was found. */
  public boolean has(String id) {
    return !withId(id).isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("posture at ").append(checkedAt).append(": ");
    if (findings.isEmpty()) {
      return text.append("no findings").toString();
    }
    text.append(findings.size()).append(findings.size() == 1 ? " finding" : " findings");
    for (Finding finding : findings) {
      text.append("\n  ").append(finding);
    }
    return text.toString();
  }
}
