package dev.hookguard.samples.cli;

import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.runtime.privacy.Encryption;
import dev.hookguard.runtime.privacy.PrivacyManifest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Records of processing in the sense of GDPR Article 30, one per payload type of the privacy
 * manifests: the purpose (receiving the type's webhooks), the data subjects, the categories of
 * personal data with the properties that hold them, how long each is kept, and the technical
 * measures that protect them. Rendered as text, Markdown or JSON; names and policies only.
 */
final class ProcessingRecords {

  /** One payload type's record of processing. */
  record Activity(
      String type,
      String origin,
      String purpose,
      OptionalInt recordRetention,
      Map<Category, List<PrivacyManifest.Property>> personalData,
      List<String> subjects) {}

  private final List<Activity> activities;
  private final int manifests;

  private ProcessingRecords(List<Activity> activities, int manifests) {
    this.activities = activities;
    this.manifests = manifests;
  }

  /** The records of every payload type of {@code manifests}, in their order. */
  static ProcessingRecords of(List<PrivacyManifest> manifests) {
    List<Activity> activities = new ArrayList<>();
    for (PrivacyManifest manifest : manifests) {
      for (PrivacyManifest.PayloadType type : manifest.types()) {
        Map<Category, List<PrivacyManifest.Property>> data = new EnumMap<>(Category.class);
        for (PrivacyManifest.Property property : type.sensitiveProperties()) {
          data.computeIfAbsent(property.category().orElseThrow(), c -> new ArrayList<>())
              .add(property);
        }
        activities.add(new Activity(type.name(), manifest.origin(), purpose(type),
            type.retentionDays(), data, type.subjects()));
      }
    }
    return new ProcessingRecords(List.copyOf(activities), manifests.size());
  }

  List<Activity> activities() {
    return activities;
  }

  /** The stated purpose: receiving the type's event, or the type, as webhooks. */
  static String purpose(PrivacyManifest.PayloadType type) {
    return "Receiving " + (type.event().isEmpty() ? type.simpleName() : type.event()) + " webhooks";
  }

  /** What protects every payload type, whatever its annotations: the runtime's measures. */
  private static final List<String> COMMON_MEASURES = List.of(
      "every webhook authenticated (signature, timestamp tolerance, replay guard) before it is parsed",
      "sensitive values masked in log lines, redacted JSON and the store's find()",
      "plaintext revealed only to an accessor granted every category of the record, each reveal audited",
      "retention enforced on every read; expired day keys destroyed (crypto-shredding), rows swept");

  /** The measures specific to {@code activity}: what is encrypted, and how. */
  private static List<String> measures(Activity activity) {
    List<String> measures = new ArrayList<>();
    List<String> randomized = new ArrayList<>();
    List<String> deterministic = new ArrayList<>();
    List<String> plain = new ArrayList<>();
    for (List<PrivacyManifest.Property> properties : activity.personalData().values()) {
      for (PrivacyManifest.Property property : properties) {
        switch (property.atRest()) {
          case RANDOMIZED -> randomized.add(property.path());
          case DETERMINISTIC -> deterministic.add(property.path());
          case NONE -> plain.add(property.path());
        }
      }
    }
    if (!randomized.isEmpty()) {
      measures.add("encrypted at rest (AES256-GCM): " + String.join(", ", randomized));
    }
    if (!deterministic.isEmpty()) {
      measures.add("encrypted at rest for look-ups by value (AES256-SIV): "
          + String.join(", ", deterministic));
    }
    if (!plain.isEmpty()) {
      measures.add("sensitive but stored in plain text (masked when read): "
          + String.join(", ", plain));
    }
    measures.addAll(COMMON_MEASURES);
    return measures;
  }

  private static String kept(OptionalInt days) {
    return days.isPresent() ? days.getAsInt() + " days" : "without limit";
  }

  private static String describe(PrivacyManifest.Property property) {
    return property.path() + " (mask " + property.mask().map(Enum::name).orElse("-")
        + ", encryption " + property.encryption().name().toLowerCase(Locale.ROOT)
        + (property.encryption() == Encryption.NONE && property.atRest() != Encryption.NONE
            ? ", sealed with its field" : "")
        + ", kept " + kept(property.retentionDays()) + ")";
  }

  private static String subjects(Activity activity) {
    return activity.subjects().isEmpty()
        ? "none marked (no @Subject property: records are not found, exported or erased per person)"
        : "identified by " + String.join(", ", activity.subjects())
            + " (found, exported and erased per person; each record sealed for them)";
  }

  /** Plain text, for a terminal. */
  String text() {
    StringBuilder out = new StringBuilder();
    out.append("Records of processing (GDPR Article 30) from ").append(manifests)
        .append(manifests == 1 ? " privacy manifest" : " privacy manifests").append(": ")
        .append(activities.size()).append(" payload types\n");
    for (Activity activity : activities) {
      out.append('\n').append(activity.type()).append("  [").append(activity.origin()).append("]\n");
      out.append("  Purpose:        ").append(activity.purpose()).append('\n');
      out.append("  Data subjects:  ").append(subjects(activity)).append('\n');
      out.append("  Retention:      records kept ").append(kept(activity.recordRetention())).append('\n');
      out.append("  Personal data:").append(activity.personalData().isEmpty() ? "  none\n" : "\n");
      activity.personalData().forEach((category, properties) -> {
        out.append("    ").append(category).append('\n');
        properties.forEach(p -> out.append("      ").append(describe(p)).append('\n'));
      });
      out.append("  Measures:\n");
      measures(activity).forEach(m -> out.append("    - ").append(m).append('\n'));
    }
    return out.toString();
  }

  /** Markdown, to keep beside a privacy policy or a register of processing. */
  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("# Records of processing (GDPR Article 30)\n\n");
    out.append("From ").append(manifests).append(manifests == 1 ? " privacy manifest" : " privacy manifests")
        .append(" written by the HookGuard processor at build time: names and policies, no values.\n");
    for (Activity activity : activities) {
      out.append("\n## `").append(activity.type()).append("`\n\n");
      out.append("- **Purpose:** ").append(activity.purpose()).append('\n');
      out.append("- **Data subjects:** ").append(subjects(activity)).append('\n');
      out.append("- **Retention:** records kept ").append(kept(activity.recordRetention())).append('\n');
      out.append("- **Source:** ").append(activity.origin()).append("\n\n");
      if (activity.personalData().isEmpty()) {
        out.append("No personal data.\n\n");
      } else {
        out.append("| Category | JSON path | Mask | Encryption | At rest | Kept |\n");
        out.append("|---|---|---|---|---|---|\n");
        activity.personalData().forEach((category, properties) -> properties.forEach(p ->
            out.append("| ").append(category).append(" | `").append(p.path()).append("` | ")
                .append(p.mask().map(Enum::name).orElse("-")).append(" | ")
                .append(p.encryption().name().toLowerCase(Locale.ROOT)).append(" | ")
                .append(p.atRest().name().toLowerCase(Locale.ROOT)).append(" | ")
                .append(kept(p.retentionDays())).append(" |\n")));
        out.append('\n');
      }
      out.append("Technical measures:\n\n");
      measures(activity).forEach(m -> out.append("- ").append(m).append('\n'));
    }
    return out.toString();
  }

  /** As JSON values (maps and lists), for {@link Json#object}. */
  List<Object> json() {
    List<Object> records = new ArrayList<>();
    for (Activity activity : activities) {
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("type", activity.type());
      record.put("source", activity.origin());
      record.put("purpose", activity.purpose());
      record.put("data_subjects", activity.subjects());
      record.put("retention_days",
          activity.recordRetention().isPresent() ? activity.recordRetention().getAsInt() : null);
      Map<String, Object> categories = new LinkedHashMap<>();
      activity.personalData().forEach((category, properties) -> {
        List<Object> list = new ArrayList<>();
        for (PrivacyManifest.Property p : properties) {
          Map<String, Object> property = new LinkedHashMap<>();
          property.put("path", p.path());
          property.put("mask", p.mask().map(Enum::name).orElse(null));
          property.put("encryption", p.encryption().name().toLowerCase(Locale.ROOT));
          property.put("at_rest", p.atRest().name().toLowerCase(Locale.ROOT));
          property.put("retention_days",
              p.retentionDays().isPresent() ? p.retentionDays().getAsInt() : null);
          list.add(property);
        }
        categories.put(category.name(), list);
      });
      record.put("personal_data", categories);
      record.put("measures", measures(activity));
      records.add(record);
    }
    return records;
  }
}
