package dev.hookguard.runtime.posture.internal;

import dev.hookguard.runtime.posture.Finding;
import dev.hookguard.runtime.posture.PosturePolicy;
import dev.hookguard.runtime.posture.Severity;
import dev.hookguard.runtime.privacy.PrivacyManifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks of the application's privacy manifests: every payload type under a retention, and
 * no property named like personal data left without a decision.
 */
final class ManifestChecks {

  private static final java.util.Set<String> FLAGS = java.util.Set.of("boolean", "java.lang.Boolean");

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
          // A flag such as verified_email says something about data, but holds none.
          if (property.isSensitive()
              || FLAGS.contains(property.javaType())
              || policy.notPersonalData().contains(type.name() + "#" + property.path())) {
            continue;
          }
          Optional<String> looksLike = PersonalDataNames.match(lastSegment(property.path()))
              .or(() -> PersonalDataNames.match(property.member()));
          looksLike.ifPresent(what -> findings.add(new Finding(
              "privacy.undecided-name", Severity.LOW,
              "property " + type.name() + "#" + property.path(),
              "The property is named like " + what + " but is neither @Sensitive nor listed as"
                  + " not personal data.",
              "Mark it @Sensitive (and @Encrypt), or, if it is not personal data, suppress"
                  + " HookGuardPersonalData on it and list it in"
                  + " PosturePolicy.withNotPersonalData(\"" + type.name() + "#"
                  + property.path() + "\").")));
        }
      }
    }
    return findings;
  }

  /** The last JSON name of {@code path}: {@code email} for {@code customer.emails[]}. */
  private static String lastSegment(String path) {
    String bare = path.replace("[]", "").replace("{}", "");
    return bare.substring(bare.lastIndexOf('.') + 1);
  }
}
