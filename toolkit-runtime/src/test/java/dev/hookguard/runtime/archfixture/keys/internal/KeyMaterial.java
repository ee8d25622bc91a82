package dev.hookguard.runtime.archfixture.keys.internal;

/** An internal type of the capability {@code keys}. */
public final class KeyMaterial {
  /** Some material. */
  public byte[] bytes() {
    return new byte[0];
  }
}
