package dev.hookguard.runtime.archfixture.internal;

/** Shared plumbing: for internal packages only. */
public final class Plumbing {
  /** A number. */
  public static int connections() {
    return 1;
  }
}
