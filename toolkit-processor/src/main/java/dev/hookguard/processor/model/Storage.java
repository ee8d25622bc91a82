package dev.hookguard.processor.model;

import dev.hookguard.api.Sensitive;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a store keeps one property of a root, decided from its own annotations and from the
 * objects inside it, which are stored as part of it.
 *
 * @param protection how it is kept at rest
 * @param category its own {@code @Sensitive} category, if any: a reveal needs a grant for it
 * @param nestedCategories the categories of every {@code @Sensitive} property of the objects
 *     inside it, at any depth, in the order of their declaration in {@code Sensitive.Category}:
 *     revealing it reveals them, so a reveal needs grants for them too
 * @param retainDays how long it is kept: the shortest {@code @Retain} that applies to what it
 *     holds, its own and that of every type and property of the objects inside it, at any depth
 *     (they are stored in its field, and cannot outlive it)
 */
public record Storage(
    Protection protection,
    Optional<Sensitive.Category> category,
    List<Sensitive.Category> nestedCategories,
    OptionalInt retainDays) {

  /** How a property is kept at rest; named as the runtime's {@code Protection} constants. */
  public enum Protection {
    /** Neither it nor anything inside it is {@code @Encrypt}. */
    PLAIN,
    /**
     * {@code @Encrypt}; or it holds an object with an {@code @Encrypt} property at any depth,
     * which is stored inside it, so sealing it is how that property stays sealed.
     */
    RANDOMIZED,
    /** {@code @Encrypt(deterministic = true)}: sealed, and found by value through an index. */
    DETERMINISTIC
  }
}
