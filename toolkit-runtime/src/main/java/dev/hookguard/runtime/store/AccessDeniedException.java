package dev.hookguard.runtime.store;

import dev.hookguard.api.Sensitive;
import java.util.EnumSet;
import java.util.Set;

/**
 * A reveal was refused: the accessor lacks a category of the fields asked for. Nothing was read
 * or decrypted, and the refusal was audited. {@link #missing()} lists the categories lacking.
 */
public final class AccessDeniedException extends StoreException {

  private static final long serialVersionUID = 1L;

  private final Set<Sensitive.Category> missing;

  /** Creates the exception for {@code accessor}, lacking {@code missing}. */
  public AccessDeniedException(String payloadType, String accessor, Set<Sensitive.Category> missing) {
    super(
        Reason.ACCESS_DENIED,
        accessor + " is not granted " + missing + " needed to reveal " + payloadType);
    this.missing = Set.copyOf(EnumSet.copyOf(missing));
  }

  /** The categories the accessor would need in addition to its grants. */
  public Set<Sensitive.Category> missing() {
    return missing;
  }
}
