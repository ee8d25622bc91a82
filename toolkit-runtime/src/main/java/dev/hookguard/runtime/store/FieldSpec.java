package dev.hookguard.runtime.store;

import dev.hookguard.api.Sensitive;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How one top-level property of a payload is stored.
 *
 * @param path the JSON name of the property
 * @param category its {@code @Sensitive} category, or {@code null} if it is not sensitive; a
 *     reveal needs a grant for every category of the fields it returns
 * @param protection how it is kept at rest
 * @param retainDays its field-level {@code @Retain(days)}, if any (enforced by the retention
 *     runtime; stored now as the field's expiry)
 */
public record FieldSpec(
    String path, Sensitive.Category category, Protection protection, OptionalInt retainDays) {

  /** Checks the components. */
  public FieldSpec {
    Objects.requireNonNull(path, "path");
    if (path.isEmpty()) {
      throw new IllegalArgumentException("a field path must not be empty");
    }
    Objects.requireNonNull(protection, "protection");
    Objects.requireNonNull(retainDays, "retainDays");
    if (retainDays.isPresent() && retainDays.getAsInt() <= 0) {
      throw new IllegalArgumentException("retainDays of " + path + " must be positive");
    }
  }

  /** Whether a reveal of this field needs a grant. */
  public boolean isSensitive() {
    return category != null;
  }
}
