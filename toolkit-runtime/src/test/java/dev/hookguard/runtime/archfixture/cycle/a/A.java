package dev.hookguard.runtime.archfixture.cycle.a;

import dev.hookguard.runtime.archfixture.cycle.b.B;

/** Half of a package cycle: {@code a} uses {@code b}. */
public final class A {
  /** Uses {@code b}. */
  public static int size() {
    return B.class.getName().length();
  }
}
