package dev.hookguard.samples.cli;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.retention.SweepOptions;
import dev.hookguard.runtime.retention.SweepReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hookguard sweep}: enforce retention now. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = "Destroy the keys of passed expiry days, delete expired records and fields.")
final class SweepCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    SweepReport report;
    try (HookGuard hookGuard = common.open(); Progress progress = new Progress("sweeping")) {
      report = hookGuard.retention().sweep(SweepOptions.defaults().withListener(p ->
          progress.update(p.recordsDeleted() + " records, " + p.fieldsDeleted() + " fields, "
              + p.dayKeysDestroyed() + " day keys (" + p.phase() + ", batch " + p.batches() + ")")));
    }
    System.out.println(common.json ? Json.object(toMap(report)) : describe(report));
    return 0;
  }

  static String describe(SweepReport report) {
    return "Swept in " + report.duration().toMillis() + " ms: " + report.recordsDeleted()
        + " expired records deleted, " + report.fieldsDeleted() + " expired fields deleted, "
        + report.dayKeysDestroyed() + " day keys destroyed.";
  }

  static Map<String, Object> toMap(SweepReport report) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("sweep_id", report.sweepId());
    map.put("cutoff", report.cutoff());
    map.put("records_deleted", report.recordsDeleted());
    map.put("fields_deleted", report.fieldsDeleted());
    map.put("day_keys_destroyed", report.dayKeysDestroyed());
    map.put("batches", report.batches());
    map.put("duration_ms", report.duration().toMillis());
    return map;
  }
}
