package dev.hookguard.runtime.posture.internal;

import dev.hookguard.runtime.posture.Finding;
import dev.hookguard.runtime.posture.PosturePolicy;
import dev.hookguard.runtime.posture.Severity;
import dev.hookguard.runtime.privacy.PrivacyManifest;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of the application's privacy manifests: every payload type under a retention, and
 * no property named like personal data left without a decision.
 */
final class ManifestChecks {

  private ManifestChecks() {}

  static List<Finding> check(List<PrivacyManifest> manifests, PosturePolicy policy) {
    List<Finding> findings = new ArrayList<>();
    for (PrivacyManifest manifest : manifests) {
      for (PrivacyManifest.PayloadType type : manifest.types()) {
        if (type.retentionDays().isEmpty()) {
          findings.add(new Finding("retention.unbounded", Severity.MEDIUM,
              "payload type " + type.name(),
              "The payload type has no @Retain: its records are kept for ever.",
              "Annotate the type with @Retain(days = N), the shortest period the data is"
                  + " needed for."));
        }
        for (PrivacyManifest.Property property : type.properties()) {
          // The processor records what a name suggests when no decision was taken on it
          // (@Sensitive, a flag, or @SuppressWarnings("HookGuardPersonalData")); the policy may
          // add decisions of its own.
          if (property.undecided().isEmpty()
              || policy.notPersonalData().contains(type.name() + "#" + property.path())) {
            continue;
          }
          findings.add(new Finding(
              "privacy.undecided-name", Severity.LOW,
              "property " + type.name() + "#" + property.path(),
              "The property is named like " + property.undecided().get() + " but is neither"
                  + " @Sensitive nor marked as not personal data.",
              "Mark it @Sensitive (and @Encrypt), or, if it is not personal data, annotate it"
                  + " with @SuppressWarnings(\"HookGuardPersonalData\") or list it in"
                  + " PosturePolicy.withNotPersonalData(\"" + type.name() + "#"
                  + property.path() + "\")."));
        }
      }
    }
    return findings;
  }
}
