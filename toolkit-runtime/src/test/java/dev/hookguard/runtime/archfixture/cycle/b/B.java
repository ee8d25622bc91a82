package dev.hookguard.runtime.archfixture.cycle.b;

import dev.hookguard.runtime.archfixture.cycle.a.A;

/** The other half: {@code b} uses {@code a}. */
public final class B {
  /** Uses {@code a}. */
  public static int size() {
    return A.size() + 1;
  }
}
