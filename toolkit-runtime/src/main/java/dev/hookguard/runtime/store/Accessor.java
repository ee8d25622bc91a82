package dev.hookguard.runtime.store;

import dev.hookguard.api.Sensitive;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Someone (a person, a service, a job) who asks to see plaintext, and the categories of
 * sensitive data they are granted. The name appears in audit events; choose one that identifies
 * the accessor, not one that holds personal data itself.
 *
 * @param name who is asking, for the audit trail
 * @param grants the {@code @Sensitive} categories this accessor may see in plaintext
 */
public record Accessor(String name, Set<Sensitive.Category> grants) {

  /** Checks the components and copies the grants. */
  public Accessor {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("an accessor needs a name");
    }
    grants = grants.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(grants));
  }

  /** An accessor granted {@code grants}. */
  public static Accessor of(String name, Sensitive.Category... grants) {
    return new Accessor(name, Set.of(grants));
  }

  /** Whether this accessor may see plaintext of {@code category}. */
  public boolean isGranted(Sensitive.Category category) {
    return grants.contains(category);
  }
}
