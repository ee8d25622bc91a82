package dev.hookguard.runtime.generated;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One record read back from a {@link PayloadTable}, decrypted and verified.
 *
 * @param id the record id
 * @param payloadType the payload type it was stored under
 * @param receivedAt when it was stored, from the {@code HookGuard}'s clock
 * @param fieldJson each stored field's JSON text by path, in schema order; a field that was not
 *     stored, or is past its retention, is absent; a field stored as JSON {@code null} maps to
 *     {@code "null"}
 * @param expiredFields the paths (in schema order) of the fields absent from {@code fieldJson}
 *     because their {@code @Retain} period has passed (whether or not the sweep has removed them
 *     yet); never overlaps {@code fieldJson}
 */
public record StoredRecord(
    String id,
    String payloadType,
    Instant receivedAt,
    Map<String, String> fieldJson,
    Set<String> expiredFields) {

  /** Checks the components and copies the map and set, keeping their order. */
  public StoredRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(payloadType, "payloadType");
    Objects.requireNonNull(receivedAt, "receivedAt");
    fieldJson = Collections.unmodifiableMap(new LinkedHashMap<>(fieldJson));
    expiredFields = Collections.unmodifiableSet(new LinkedHashSet<>(expiredFields));
    for (String path : expiredFields) {
      if (fieldJson.containsKey(path)) {
        throw new IllegalArgumentException("field " + path + " is both present and expired");
      }
    }
  }

  /** A record none of whose fields has expired. */
  public StoredRecord(
      String id, String payloadType, Instant receivedAt, Map<String, String> fieldJson) {
    this(id, payloadType, receivedAt, fieldJson, Set.of());
  }

  /** Whether the field {@code path} is absent because its retention period has passed. */
  public boolean isExpired(String path) {
    return expiredFields.contains(path);
  }

  /** Names the record and its fields, never their values. */
  @Override
  public String toString() {
    return "StoredRecord[id="
        + id
        + ", payloadType="
        + payloadType
        + ", receivedAt="
        + receivedAt
        + ", fields="
        + fieldJson.keySet()
        + ", expiredFields="
        + expiredFields
        + "]";
  }
}
