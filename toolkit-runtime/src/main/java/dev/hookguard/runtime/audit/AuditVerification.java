package dev.hookguard.runtime.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AuditTrail#verify()} found: the chain intact, or the first place where it breaks and
 * how.
 *
 * @param entriesChecked entries that were found intact, in order, before the break (all of them
 *     when the chain is intact)
 * @param headSequence the sequence number of the trail's recorded head when verification began
 * @param firstBreak the first break, if any
 */
public record AuditVerification(long entriesChecked, long headSequence, Optional<Break> firstBreak) {

  /** How the trail was changed where it breaks. */
  public enum Problem {
    /** An entry's content (or its stored hash) no longer matches the hash the chain recorded. */
    EDITED,
    /** An entry is missing: a gap in the sequence, or the trail ends before its head. */
    DELETED,
    /** An entry that was never appended: it links to no real predecessor, or lies past the head. */
    INSERTED,
    /** Genuine entries in the wrong order: an entry links to one that is not its predecessor. */
    REORDERED
  }

  /**
   * Where the chain breaks.
   *
   * @param sequence the sequence number of the first entry that is wrong or missing
   * @param problem what kind of change it was
   * @param detail a sentence for people, naming sequence numbers only
   */
  public record Break(long sequence, Problem problem, String detail) {

    /** Checks that every component is present. */
    public Break {
      Objects.requireNonNull(problem, "problem");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** Checks that every component is present. */
  public AuditVerification {
    Objects.requireNonNull(firstBreak, "firstBreak");
  }

  /** An intact chain of {@code entries} entries. */
  public static AuditVerification intact(long entries, long headSequence) {
    return new AuditVerification(entries, headSequence, Optional.empty());
  }

  /** A chain broken at {@code sequence}, after {@code entriesChecked} intact entries. */
  public static AuditVerification broken(
      long entriesChecked, long headSequence, long sequence, Problem problem, String detail) {
    return new AuditVerification(
        entriesChecked, headSequence, Optional.of(new Break(sequence, problem, detail)));
  }

  /** Whether the chain is intact. */
  public boolean ok() {
    return firstBreak.isEmpty();
  }

  @Override
  public String toString() {
    return firstBreak
        .map(b -> "audit trail BROKEN at sequence " + b.sequence() + ": " + b.problem() + " (" + b.detail()
            + "); " + entriesChecked + " entries intact before it")
        .orElse("audit trail intact: " + entriesChecked + " entries, head " + headSequence);
  }
}
