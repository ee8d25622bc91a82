package dev.hookguard.runtime.store;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A record revealed in plaintext together with what retention left out of it, as a generated
 * {@code XStore.revealWithExpiry} returns it. A property whose {@code @Retain} period has passed
 * reads as absent in {@link #value()} ({@code null}, an empty {@code Optional}, a primitive's
 * zero), just as a property that arrived {@code null} does; {@link #expiredFields()} tells the two
 * apart.
 *
 * <p>{@link #toString()} names the expired fields only, never the plaintext value.
 *
 * @param value the record in plaintext, expired properties absent
 * @param expiredFields the JSON names of the top-level properties left out of {@code value}
 *     because their retention has passed (whether or not a sweep has removed them yet), in the
 *     payload type's property order. A property that arrived {@code null} is not listed while it
 *     is kept; once its own {@code @Retain} period has passed it is listed like any other, since
 *     from then on the store no longer says what it held, not even that it was empty (its value
 *     may be crypto-shredded). A property holding nested types expires as a whole, under its own
 *     name.
 * @param <X> the payload type
 */
public record Revealed<X>(X value, Set<String> expiredFields) {

  /** Checks the components and copies the set, keeping its order. */
  public Revealed {
    Objects.requireNonNull(value, "value");
    expiredFields = Collections.unmodifiableSet(new LinkedHashSet<>(expiredFields));
  }

  /** Whether the property with JSON name {@code path} is absent because its retention passed. */
  public boolean isExpired(String path) {
    return expiredFields.contains(path);
  }

  /** Names the expired fields, never the value. */
  @Override
  public String toString() {
    return "Revealed[expiredFields=" + expiredFields + "]";
  }
}
