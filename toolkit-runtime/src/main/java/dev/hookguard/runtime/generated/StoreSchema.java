package dev.hookguard.runtime.generated;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the store needs to know about one payload type: its name, its type-level retention, and
 * how each top-level field is stored. The annotation processor writes one into every generated
 * {@code XStore}; nothing about it is kept in the database (there is no per-type DDL).
 *
 * @param payloadType a stable name for the payload type (the generated code uses the qualified
 *     class name); part of every ciphertext's associated data, so renaming it makes old records
 *     unreadable
 * @param retainDays the type-level {@code @Retain(days)}, if any
 * @param fields the fields, in declaration order; paths are unique
 */
public record StoreSchema(String payloadType, OptionalInt retainDays, List<FieldSpec> fields) {

  /** Checks the components and copies the field list. */
  public StoreSchema {
    Objects.requireNonNull(payloadType, "payloadType");
    if (payloadType.isEmpty()) {
      throw new IllegalArgumentException("payloadType must not be empty");
    }
    Objects.requireNonNull(retainDays, "retainDays");
    if (retainDays.isPresent() && retainDays.getAsInt() <= 0) {
      throw new IllegalArgumentException("retainDays of " + payloadType + " must be positive");
    }
    fields = List.copyOf(fields);
    Set<String> seen = new HashSet<>();
    for (FieldSpec field : fields) {
      if (!seen.add(field.path())) {
        throw new IllegalArgumentException(
            "field path " + field.path() + " occurs twice in " + payloadType);
      }
    }
  }

  /** The field stored under {@code path}, if the schema has one. */
  public Optional<FieldSpec> field(String path) {
    return fields.stream().filter(f -> f.path().equals(path)).findFirst();
  }
}
