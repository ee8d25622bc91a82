package dev.hookguard.runtime.archfixture.api;

import dev.hookguard.runtime.archfixture.keys.internal.KeyMaterial;

/** An exported type that hands out an internal one (not allowed). */
public final class LeakyApi {
  /** Leaks. */
  public KeyMaterial material() {
    return new KeyMaterial();
  }
}
