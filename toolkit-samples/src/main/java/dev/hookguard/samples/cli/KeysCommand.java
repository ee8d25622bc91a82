package dev.hookguard.samples.cli;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.crypto.ReencryptionReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code hookguard keys rotate|reencrypt|destroy-retired}: data key rotation. */
@Command(name = "keys", mixinStandardHelpOptions = true,
    description = "Rotate data keys, re-encrypt records under the new primary, destroy retired keys.")
final class KeysCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Parameters(index = "0", paramLabel = "ACTION",
      description = "rotate: new primary key; reencrypt: move every record to it (resumable); "
          + "destroy-retired: remove old keys once no record needs them.")
  String action;

  @Override
  public Integer call() {
    Map<String, Object> result = new LinkedHashMap<>();
    try (HookGuard hookGuard = common.open()) {
      switch (action) {
        case "rotate" -> result.put("generation", hookGuard.keys().rotate());
        case "reencrypt" -> {
          ReencryptionReport report;
          try (Progress progress = new Progress("re-encrypting")) {
            report = hookGuard.keys().reencrypt(p -> progress.update(p.done(), p.total()));
          }
          result.put("reencrypted", report.reencrypted());
          result.put("remaining", report.remaining());
          result.put("generation", report.targetGeneration());
        }
        case "destroy-retired" -> result.put("destroyed", hookGuard.keys().destroyRetiredKeys());
        default -> {
          System.err.println("unknown action '" + action + "': rotate, reencrypt or destroy-retired");
          return 2;
        }
      }
    }
    System.out.println(common.json ? Json.object(result) : text(result));
    return 0;
  }

  private String text(Map<String, Object> result) {
    return switch (action) {
      case "rotate" -> "New primary data key: generation " + result.get("generation")
          + ". Run 'keys reencrypt' to move existing records to it.";
      case "reencrypt" -> "Re-encrypted " + result.get("reencrypted") + " records under generation "
          + result.get("generation") + "; " + result.get("remaining") + " remaining.";
      default -> "Destroyed " + result.get("destroyed") + " retired keys.";
    };
  }
}
