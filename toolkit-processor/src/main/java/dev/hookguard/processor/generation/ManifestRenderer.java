package dev.hookguard.processor.generation;

import dev.hookguard.processor.model.PrivacyManifest;
import dev.hookguard.processor.model.Storage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Renders a {@link PrivacyManifest} as JSON ({@code META-INF/hookguard/privacy-manifest.json}, the
 * format a privacy baseline is kept in) and as Markdown for people. Both depend on the manifest
 * only: keys in a fixed order, types sorted, no date, {@code \n} line ends, so two builds of the
 * same sources give the same bytes. Every decision is the manifest's; rendering stays dumb.
 */
public final class ManifestRenderer {

  /** Where the JSON manifest goes, in the class output. */
  public static final String JSON_RESOURCE = "META-INF/hookguard/privacy-manifest.json";
  /** Where the Markdown rendering goes, in the source output. */
  public static final String MARKDOWN_RESOURCE = "hookguard/privacy-manifest.md";

  /** The JSON form: one key per line, so a changed policy is a one-line diff. */
  public String json(PrivacyManifest manifest) {
    StringBuilder out = new StringBuilder();
    out.append("{\n");
    out.append("  \"format\": ").append(PrivacyManifest.FORMAT).append(",\n");
    out.append("  \"generator\": ").append(string("dev.hookguard.processor.HookGuardProcessor"))
        .append(",\n");
    out.append("  \"module\": ").append(manifest.module().map(ManifestRenderer::string).orElse("null"))
        .append(",\n");
    out.append("  \"types\": [");
    List<PrivacyManifest.PayloadEntry> types = manifest.types();
    for (int i = 0; i < types.size(); i++) {
      out.append(i == 0 ? "\n" : ",\n");
      type(out, types.get(i));
    }
    out.append(types.isEmpty() ? "]\n" : "\n  ]\n");
    out.append("}\n");
    return out.toString();
  }

  private static void type(StringBuilder out, PrivacyManifest.PayloadEntry type) {
    out.append("    {\n");
    out.append("      \"type\": ").append(string(type.type())).append(",\n");
    out.append("      \"event\": ").append(string(type.event())).append(",\n");
    out.append("      \"retentionDays\": ").append(days(type.retentionDays())).append(",\n");
    out.append("      \"subjects\": ").append(strings(type.subjects())).append(",\n");
    out.append("      \"nestedTypes\": ").append(strings(type.nestedTypes())).append(",\n");
    out.append("      \"properties\": [");
    List<PrivacyManifest.Entry> properties = type.properties();
    for (int i = 0; i < properties.size(); i++) {
      out.append(i == 0 ? "\n" : ",\n");
      property(out, properties.get(i));
    }
    out.append(properties.isEmpty() ? "]\n" : "\n      ]\n");
    out.append("    }");
  }

  private static void property(StringBuilder out, PrivacyManifest.Entry property) {
    String indent = "          ";
    out.append("        {\n");
    out.append(indent).append("\"path\": ").append(string(property.path())).append(",\n");
    out.append(indent).append("\"javaType\": ").append(string(property.javaType())).append(",\n");
    out.append(indent).append("\"source\": {\"type\": ").append(string(property.declaredIn()))
        .append(", \"member\": ").append(string(property.member())).append("},\n");
    out.append(indent).append("\"category\": ").append(name(property.category())).append(",\n");
    out.append(indent).append("\"mask\": ").append(name(property.mask())).append(",\n");
    out.append(indent).append("\"encryption\": ")
        .append(string(encryption(property.encryption()))).append(",\n");
    out.append(indent).append("\"atRest\": ")
        .append(string(encryption(property.atRest()))).append(",\n");
    out.append(indent).append("\"retentionDays\": ").append(days(property.retentionDays()))
        .append(",\n");
    out.append(indent).append("\"subject\": ").append(property.subject()).append(",\n");
    out.append(indent).append("\"undecided\": ")
        .append(property.undecided().map(ManifestRenderer::string).orElse("null")).append("\n");
    out.append("        }");
  }

  /** {@code none}, {@code randomized} or {@code deterministic}. */
  public static String encryption(Storage.Protection protection) {
    return protection == Storage.Protection.PLAIN
        ? "none"
        : protection.name().toLowerCase(Locale.ROOT);
  }

  private static String days(OptionalInt days) {
    return days.isPresent() ? Integer.toString(days.getAsInt()) : "null";
  }

  private static String name(Optional<? extends Enum<?>> value) {
    return value.map(v -> string(v.name())).orElse("null");
  }

  private static String strings(List<String> values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(string(values.get(i)));
    }
    return out.append("]").toString();
  }

  /** A JSON string: quotes, backslashes and control characters escaped. */
  static String string(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** The Markdown form: one table per root. */
  public String markdown(PrivacyManifest manifest) {
    StringBuilder out = new StringBuilder();
    out.append("# Privacy manifest\n\n");
    out.append("Generated by the HookGuard processor from the `@WebhookPayload` types of ")
        .append(manifest.module().map(m -> "module `" + m + "`").orElse("this compilation"))
        .append(": every payload type and every property it holds, with what protects it. ")
        .append("Names and policies only, never a value. The same data, for tools: `")
        .append(JSON_RESOURCE).append("`.\n");
    for (PrivacyManifest.PayloadEntry type : manifest.types()) {
      out.append("\n## `").append(type.type()).append("`\n\n");
      out.append("- Event: ").append(type.event().isEmpty() ? "(not named)" : "`" + type.event() + "`")
          .append("\n");
      out.append("- Records kept: ").append(keptFor(type.retentionDays())).append("\n");
      out.append("- Nested types: ").append(type.nestedTypes().isEmpty()
          ? "none"
          : String.join(", ", type.nestedTypes().stream().map(n -> "`" + n + "`").toList()))
          .append("\n");
      out.append("- Data subjects identified by: ")
          .append(type.subjects().isEmpty() ? "none marked" : String.join(", ", type.subjects()))
          .append("\n\n");
      out.append("| JSON path | Java type | Category | Mask | Encryption | At rest | Kept | Declared in |\n");
      out.append("|---|---|---|---|---|---|---|---|\n");
      for (PrivacyManifest.Entry p : type.properties()) {
        out.append("| `").append(p.path()).append("` | `").append(p.javaType()).append("` | ")
            .append(p.category().map(Enum::name).orElse("-")).append(" | ")
            .append(p.mask().map(Enum::name).orElse("-")).append(" | ")
            .append(encryption(p.encryption())).append(" | ")
            .append(encryption(p.atRest())).append(" | ")
            .append(keptFor(p.retentionDays())).append(" | `")
            .append(p.declaredIn()).append('.').append(p.member()).append("` |\n");
      }
    }
    return out.toString();
  }

  private static String keptFor(OptionalInt days) {
    if (days.isEmpty()) {
      return "without limit";
    }
    return days.getAsInt() == 1 ? "1 day" : days.getAsInt() + " days";
  }
}
