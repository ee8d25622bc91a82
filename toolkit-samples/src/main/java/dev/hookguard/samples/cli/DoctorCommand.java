package dev.hookguard.samples.cli;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditCheckpoint;
import dev.hookguard.runtime.posture.Finding;
import dev.hookguard.runtime.posture.PosturePolicy;
import dev.hookguard.runtime.posture.PostureReport;
import dev.hookguard.runtime.posture.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hookguard doctor}: the posture audit of the working folder's store and of the sample
 * receivers as {@code serve} sets them up. Exit code 1 when a finding is {@code HIGH}, else 0.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
    description = "Check the store and the sample receivers against the practices (HTTPS, "
        + "signatures, replay windows, allow-list, rate limits, retention and sweeps, key ages, "
        + "master key, file permissions, audit trail). Exit code 1 on a HIGH finding.")
final class DoctorCommand implements Callable<Integer> {

  /**
   * Sample properties named like personal data that are not about a person, decided in the
   * source with {@code @SuppressWarnings("HookGuardPersonalData")}.
   */
  static final List<String> NOT_PERSONAL_DATA =
      List.of("dev.hookguard.samples.github.GitHubPush#repository.full_name");

  @Mixin
  CommonOptions common;

  @Option(names = "--http", description = "Check the receivers as 'serve --http' runs them (plain HTTP).")
  boolean http;

  @Option(names = "--checkpoint", paramLabel = "CHECKPOINT",
      description = "The audit checkpoint last exported ('audit checkpoint'): the trail must still "
          + "pass through it, and entries after it must not wait too long for the next one.")
  String checkpoint;

  @Option(names = "--key-rotation-days", paramLabel = "DAYS", defaultValue = "90",
      description = "Rotate data keys at least this often (default: ${DEFAULT-VALUE}).")
  int keyRotationDays;

  @Override
  public Integer call() {
    PosturePolicy policy = PosturePolicy.defaults()
        .withKeyRotation(Duration.ofDays(keyRotationDays))
        .withNotPersonalData(NOT_PERSONAL_DATA.toArray(String[]::new));
    if (checkpoint != null) {
      policy = policy.withLastExportedCheckpoint(AuditCheckpoint.parse(checkpoint));
    }
    PostureReport report;
    Workspace workspace = common.workspace();
    try (HookGuard hookGuard = common.open()) {
      var receivers = SampleReceivers.create(hookGuard, SampleReceivers.Stores.of(hookGuard),
          workspace.secrets(), SampleReceivers.Settings.local(http, null));
      report = hookGuard.posture(policy).check(receivers.values());
    }
    System.out.println(common.json ? Json.object(toMap(report)) : describe(report));
    return report.hasHigh() ? 1 : 0;
  }

  static String describe(PostureReport report) {
    StringBuilder text = new StringBuilder();
    if (report.findings().isEmpty()) {
      return "Posture at " + report.checkedAt() + ": every check passed.";
    }
    text.append("Posture at ").append(report.checkedAt()).append(": ")
        .append(report.findings().size()).append(" finding(s)");
    for (Severity severity : Severity.values()) {
      long n = report.findings().stream().filter(f -> f.severity() == severity).count();
      if (n > 0) {
        text.append(", ").append(n).append(' ').append(severity);
      }
    }
    text.append('\n');
    for (Finding finding : report.findings()) {
      text.append('\n').append(String.format("%-6s %s  (%s)%n", finding.severity(), finding.id(),
              finding.subject()))
          .append("       ").append(finding.found()).append('\n')
          .append("       Fix: ").append(finding.fix()).append('\n');
    }
    return text.toString().stripTrailing();
  }

  static Map<String, Object> toMap(PostureReport report) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("checked_at", report.checkedAt());
    map.put("highest", report.highest().map(Severity::name).orElse("NONE"));
    List<Object> findings = new ArrayList<>();
    for (Finding finding : report.findings()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", finding.id());
      row.put("severity", finding.severity());
      row.put("subject", finding.subject());
      row.put("found", finding.found());
      row.put("fix", finding.fix());
      findings.add(row);
    }
    map.put("findings", findings);
    return map;
  }
}
