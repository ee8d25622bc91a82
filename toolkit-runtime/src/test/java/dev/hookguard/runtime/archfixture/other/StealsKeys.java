package dev.hookguard.runtime.archfixture.other;

import dev.hookguard.runtime.archfixture.internal.Plumbing;
import dev.hookguard.runtime.archfixture.keys.internal.KeyMaterial;

/** Another capability reaching into {@code keys.internal} (not allowed). */
public final class StealsKeys {
  int steal() {
    return new KeyMaterial().bytes().length;
  }

  /** An exported package using the shared plumbing (not allowed either). */
  static final class UsesSharedPlumbing {
    int use() {
      return Plumbing.connections();
    }
  }
}
