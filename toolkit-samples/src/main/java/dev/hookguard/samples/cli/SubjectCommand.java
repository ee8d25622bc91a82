package dev.hookguard.samples.cli;

import dev.hookguard.api.Sensitive;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.store.Accessor;
import dev.hookguard.runtime.subject.ErasureReport;
import dev.hookguard.runtime.subject.SubjectRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hookguard subject find|export|erase VALUE}: data-subject requests over every stored
 * payload type, by the value of a {@code @Subject} property (an e-mail address).
 */
@Command(name = "subject", mixinStandardHelpOptions = true,
    description = "Find, export or erase everything stored about one person.",
    subcommands = {SubjectCommand.Find.class, SubjectCommand.Export.class,
        SubjectCommand.Erase.class})
final class SubjectCommand {

  /** Opens the store with every sample payload type's store, so that all can be exported. */
  static HookGuard open(CommonOptions common) {
    HookGuard hookGuard = common.open();
    SampleReceivers.Stores.of(hookGuard);
    return hookGuard;
  }

  @Command(name = "find", mixinStandardHelpOptions = true,
      description = "List the records about a person (payload type, id, receipt time).")
  static final class Find implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "VALUE", description = "The person's e-mail address or id.")
    String value;

    @Override
    public Integer call() {
      List<SubjectRecord> found;
      try (HookGuard hookGuard = open(common)) {
        found = hookGuard.subjects().find(value);
      }
      if (common.json) {
        List<Object> records = new ArrayList<>();
        for (SubjectRecord record : found) {
          Map<String, Object> map = new LinkedHashMap<>();
          map.put("payload_type", record.payloadType());
          map.put("id", record.id());
          map.put("received_at", record.receivedAt().toString());
          records.add(map);
        }
        System.out.println(Json.object(Map.of("records", records)));
      } else {
        System.out.println(found.size() + " records about this person.");
        for (SubjectRecord record : found) {
          System.out.println("  " + record.payloadType() + "  " + record.id() + "  received "
              + record.receivedAt());
        }
      }
      return 0;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Print every record about a person in plaintext, as JSON (an access request):"
          + " audited as a reveal per record.")
  static final class Export implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "VALUE", description = "The person's e-mail address or id.")
    String value;

    @Option(names = "--purpose", required = true,
        description = "Why, as the audit trail records it (e.g. \"access request 42\").")
    String purpose;

    @Option(names = "--as", defaultValue = "operator",
        description = "Who asks, as the audit trail records it (default: ${DEFAULT-VALUE}).")
    String accessor;

    @Override
    public Integer call() {
      try (HookGuard hookGuard = open(common)) {
        // Whoever runs this holds the master key; the export is granted and audited as such.
        Accessor who = Accessor.of(accessor, Sensitive.Category.values());
        System.out.println(hookGuard.subjects().export(value, who, purpose).toJson());
      }
      return 0;
    }
  }

  @Command(name = "erase", mixinStandardHelpOptions = true,
      description = "Erase a person everywhere: destroy their keys (older backups can no longer be"
          + " decrypted for them), then delete their records. Finishes interrupted erasures too.")
  static final class Erase implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "VALUE", description = "The person's e-mail address or id.")
    String value;

    @Option(names = "--reason", required = true,
        description = "Why, as the audit trail records it (e.g. \"erasure request 43\").")
    String reason;

    @Override
    public Integer call() {
      List<ErasureReport> resumed;
      ErasureReport report;
      try (HookGuard hookGuard = open(common); Progress progress = new Progress("erasing")) {
        resumed = hookGuard.subjects().resumeErasures();
        report = hookGuard.subjects().erase(value, reason, p -> progress.update(
            p.recordsErased() + " records, " + p.keysDestroyed() + " keys (batch " + p.batches()
                + ")"));
      }
      if (common.json) {
        Map<String, Object> map = toMap(report);
        map.put("resumed", resumed.stream().map(SubjectCommand::toMap).toList());
        System.out.println(Json.object(map));
      } else {
        for (ErasureReport earlier : resumed) {
          System.out.println("Finished an interrupted erasure " + earlier.erasureId() + ": "
              + earlier.recordsErased() + " records.");
        }
        System.out.println("Erased in " + report.duration().toMillis() + " ms: "
            + report.recordsErased() + " records deleted, " + report.keysDestroyed()
            + " keys destroyed (erasure " + report.erasureId() + ").");
      }
      return 0;
    }
  }

  static Map<String, Object> toMap(ErasureReport report) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("erasure_id", report.erasureId());
    map.put("records_erased", report.recordsErased());
    map.put("keys_destroyed", report.keysDestroyed());
    map.put("batches", report.batches());
    map.put("duration_ms", report.duration().toMillis());
    return map;
  }
}
