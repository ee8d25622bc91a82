package dev.hookguard.samples.cli;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditCheckpoint;
import dev.hookguard.runtime.audit.AuditEntry;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.audit.AuditVerification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hookguard audit verify|tail|checkpoint}: the hash-chained audit trail. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Verify the audit trail's hash chain, show its last entries, or export its head.")
final class AuditCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Parameters(index = "0", paramLabel = "ACTION", description = "verify, tail or checkpoint")
  String action;

  @Option(names = "--since", paramLabel = "CHECKPOINT",
      description = "With verify: also prove nothing up to this exported checkpoint changed.")
  String since;

  @Option(names = {"-n", "--lines"}, defaultValue = "20", description = "With tail: how many entries.")
  int lines;

  @Override
  public Integer call() {
    try (HookGuard hookGuard = common.open()) {
      return switch (action) {
        case "verify" -> verify(hookGuard);
        case "tail" -> tail(hookGuard);
        case "checkpoint" -> {
          AuditCheckpoint head = hookGuard.audit().checkpoint();
          System.out.println(common.json ? Json.object(Map.of("checkpoint", head.toString())) : head);
          yield 0;
        }
        default -> {
          System.err.println("unknown action '" + action + "': verify, tail or checkpoint");
          yield 2;
        }
      };
    }
  }

  private int verify(HookGuard hookGuard) {
    AuditVerification result = since == null
        ? hookGuard.audit().verify()
        : hookGuard.audit().verify(AuditCheckpoint.parse(since));
    if (common.json) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("ok", result.ok());
      map.put("entries_checked", result.entriesChecked());
      map.put("head_sequence", result.headSequence());
      result.firstBreak().ifPresent(b -> {
        map.put("break_sequence", b.sequence());
        map.put("break_problem", b.problem());
      });
      System.out.println(Json.object(map));
    } else {
      System.out.println(result);
    }
    return result.ok() ? 0 : 1;
  }

  private int tail(HookGuard hookGuard) {
    List<Object> rows = new ArrayList<>();
    for (AuditEntry entry : hookGuard.audit().tail(lines)) {
      AuditEvent event = entry.event();
      if (common.json) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sequence", entry.sequence());
        row.put("time", event.time());
        row.put("kind", event.kind());
        row.put("payload_type", event.payloadType());
        row.put("record_id", event.recordId());
        row.put("accessor", event.accessor());
        row.put("purpose", event.purpose());
        row.put("fields", event.fields());
        row.put("reason", event.reason());
        rows.add(row);
      } else {
        System.out.printf("%6d  %s  %-22s %-14s %-28s %s%n", entry.sequence(), event.time(),
            event.kind(), event.payloadType(), event.recordId(),
            event.reason() == null ? "" : event.reason());
      }
    }
    if (common.json) {
      System.out.println(Json.object(Map.of("entries", rows)));
    }
    return 0;
  }
}
