package dev.hookguard.runtime.posture;

/** How much a finding matters, most severe first. */
public enum Severity {
  /** A practice is not in force: data or requests are exposed now. Fix before going on. */
  HIGH,
  /** A safeguard is missing or overdue; exposure needs a second mistake or an attacker's effort. */
  MEDIUM,
  /** A weak spot or an open decision worth a look. */
  LOW,
  /** For information: nothing to fix, something the audit could not check. */
  INFO;

  /** Whether this is at least as severe as {@code other} ({@code HIGH} is at least {@code LOW}). */
  public boolean atLeast(Severity other) {
    return compareTo(other) <= 0;
  }
}
