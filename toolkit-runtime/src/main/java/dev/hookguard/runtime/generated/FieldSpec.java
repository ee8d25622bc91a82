package dev.hookguard.runtime.generated;

import dev.hookguard.api.Sensitive;
import java.util.EnumSet;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How one top-level property of a payload is stored.
 *
 * @param path the JSON name of the property
 * @param category its {@code @Sensitive} category, or {@code null} if it is not sensitive; a
 *     reveal needs a grant for every category of the fields it returns
 * @param protection how it is kept at rest
 * @param retainDays its field-level {@code @Retain(days)}, if any (enforced by the retention
 *     runtime; stored now as the field's expiry)
 * @param nestedCategories the categories of {@code @Sensitive} properties of payloads nested
 *     inside this property: revealing it reveals them too, so a reveal needs grants for them
 */
public record FieldSpec(
    String path,
    Sensitive.Category category,
    Protection protection,
    OptionalInt retainDays,
    Set<Sensitive.Category> nestedCategories) {

  /** A property with no sensitive payloads nested inside it. */
  public FieldSpec(
      String path, Sensitive.Category category, Protection protection, OptionalInt retainDays) {
    this(path, category, protection, retainDays, Set.of());
  }

  /** Checks the components. */
  public FieldSpec {
    Objects.requireNonNull(path, "path");
    if (path.isEmpty()) {
      throw new IllegalArgumentException("a field path must not be empty");
    }
    Objects.requireNonNull(protection, "protection");
    Objects.requireNonNull(retainDays, "retainDays");
    nestedCategories = Set.copyOf(nestedCategories);
    if (retainDays.isPresent() && retainDays.getAsInt() <= 0) {
      throw new IllegalArgumentException("retainDays of " + path + " must be positive");
    }
  }

  /** Every category a reveal of this field needs a grant for: its own and its nested ones. */
  public Set<Sensitive.Category> categories() {
    EnumSet<Sensitive.Category> all = EnumSet.noneOf(Sensitive.Category.class);
    if (category != null) {
      all.add(category);
    }
    all.addAll(nestedCategories);
    return all;
  }

  /** Whether a reveal of this field needs a grant. */
  public boolean isSensitive() {
    return category != null || !nestedCategories.isEmpty();
  }
}
