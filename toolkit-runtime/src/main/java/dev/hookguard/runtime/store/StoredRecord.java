package dev.hookguard.runtime.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record read back from a {@link PayloadTable}, decrypted and verified.
 *
 * @param id the record id
 * @param payloadType the payload type it was stored under
 * @param receivedAt when it was stored, from the {@code HookGuard}'s clock
 * @param fieldJson each stored field's JSON text by path, in schema order; a field that was not
 *     stored is absent, a field stored as JSON {@code null} maps to {@code "null"}
 */
public record StoredRecord(
    String id, String payloadType, Instant receivedAt, Map<String, String> fieldJson) {

  /** Checks the components and copies the map, keeping its order. */
  public StoredRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(payloadType, "payloadType");
    Objects.requireNonNull(receivedAt, "receivedAt");
    fieldJson = Collections.unmodifiableMap(new LinkedHashMap<>(fieldJson));
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
        + "]";
  }
}
