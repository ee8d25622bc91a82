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
 * @param subjects the JSON paths of the properties ({@code @Subject}) that identify the person a
 *     record is about, in the privacy manifest's syntax: JSON names joined by {@code .}, {@code
 *     []} for each element of an array, {@code {}} for each value of an object; each begins with a
 *     field's path. A record is indexed under every non-empty value found at these paths.
 */
public record StoreSchema(
    String payloadType, OptionalInt retainDays, List<FieldSpec> fields, List<String> subjects) {

  /** A payload type whose records are about no marked data subject. */
  public StoreSchema(String payloadType, OptionalInt retainDays, List<FieldSpec> fields) {
    this(payloadType, retainDays, fields, List.of());
  }

  /** Checks the components and copies the lists. */
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
    subjects = List.copyOf(subjects);
    for (String subject : subjects) {
      if (fieldOf(fields, subject).isEmpty()) {
        throw new IllegalArgumentException(
            "subject path " + subject + " of " + payloadType + " begins with no field's path");
      }
    }
  }

  /**
   * The field the subject path {@code subject} lies in: the one whose path it begins with,
   * followed by its end or by {@code .}, {@code [} or {@code &#123;}.
   */
  public Optional<FieldSpec> subjectField(String subject) {
    return fieldOf(fields, subject);
  }

  private static Optional<FieldSpec> fieldOf(List<FieldSpec> fields, String subject) {
    FieldSpec best = null;
    for (FieldSpec field : fields) {
      String path = field.path();
      if (subject.startsWith(path)
          && (subject.length() == path.length()
              || ".[{".indexOf(subject.charAt(path.length())) >= 0)
          && (best == null || path.length() > best.path().length())) {
        best = field;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The field stored under {@code path}, if the schema has one. */
  public Optional<FieldSpec> field(String path) {
    return fields.stream().filter(f -> f.path().equals(path)).findFirst();
  }
}
