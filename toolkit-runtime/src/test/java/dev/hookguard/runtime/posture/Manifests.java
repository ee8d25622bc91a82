package dev.hookguard.runtime.posture;

import dev.hookguard.runtime.privacy.PrivacyManifest;
import dev.hookguard.runtime.privacy.PrivacyManifests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Privacy manifests of one payload type, read from the JSON the processor writes. */
final class Manifests {

  private Manifests() {}

  /**
   * A manifest of type {@code test.Note} kept {@code retentionDays} ({@code null}: no limit), with
   * one property {@code path} of {@code category} ({@code null}: not sensitive).
   */
  static List<PrivacyManifest> of(Integer retentionDays, String path, String category) {
    return of(retentionDays, path, "java.lang.String", category);
  }

  /** As above, the property of Java type {@code javaType}. */
  static List<PrivacyManifest> of(
      Integer retentionDays, String path, String javaType, String category) {
    return of(retentionDays, path, javaType, category, null);
  }

  /**
   * A manifest whose one plain property {@code path} is named like {@code undecided} (what the
   * processor records when no decision was taken on such a name).
   */
  static List<PrivacyManifest> undecided(Integer retentionDays, String path, String undecided) {
    return of(retentionDays, path, "java.lang.String", null, undecided);
  }

  private static List<PrivacyManifest> of(Integer retentionDays, String path, String javaType,
      String category, String undecided) {
    String json = """
        {"format": 1, "module": null, "types": [{
          "type": "test.Note", "event": "", "retentionDays": %s, "subjects": [],
          "nestedTypes": [],
          "properties": [{
            "path": "%s", "javaType": "%s",
            "source": {"type": "test.Note", "member": "%s"},
            "category": %s, "mask": %s, "encryption": "none", "atRest": "none",
            "retentionDays": %s, "subject": false, "undecided": %s}]}]}
        """.formatted(retentionDays, path, javaType, path,
            category == null ? "null" : "\"" + category + "\"",
            category == null ? "null" : "\"FULL\"", retentionDays,
            undecided == null ? "null" : "\"" + undecided + "\"");
    try {
      return List.of(PrivacyManifests.read(
          new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test manifest"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A manifest whose one type is retained 30 days and holds a plain {@code id}. */
  static List<PrivacyManifest> clean() {
    return of(30, "id", null);
  }
}
