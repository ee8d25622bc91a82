package dev.hookguard.processor.model;

import java.util.Optional;

/**
 * How redactors treat one property, decided from its {@code @Sensitive} and from the objects
 * inside it: what log lines and redacted JSON show, and what a redacted copy holds.
 *
 * @param shown what log lines and redacted JSON show
 * @param copied what a redacted copy holds
 * @param mask how a {@link Shown#MASKED} or {@link Copied#MASKED} value is masked; empty
 *     otherwise
 */
public record Redaction(Shown shown, Copied copied, Optional<Mask> mask) {

  /** What log lines and redacted JSON show of a property. */
  public enum Shown {
    /**
     * Its value, not sensitive itself; the objects inside it are redacted as their
     * {@link ObjectRedaction} says.
     */
    VALUE,
    /** Its masked text: a sensitive value. */
    MASKED,
    /** Nothing, not even its name: {@code @Sensitive(mask = OMIT)}. */
    OMITTED
  }

  /** What a redacted copy holds for a property. */
  public enum Copied {
    /** The value itself: nothing inside it is redacted. */
    SAME,
    /** A copy of the value with every root and sensitive nested type inside it redacted. */
    REDACTED_INSIDE,
    /** Its masked text: a sensitive {@code String}. */
    MASKED,
    /**
     * Its {@linkplain Property#emptyValue() empty value}: a sensitive value of a type that has
     * no masked text, or one left out.
     */
    EMPTY
  }

  /** How a sensitive value is masked: {@code @Sensitive}'s masks but {@code OMIT}. */
  public enum Mask {
    /** A fixed text, whatever the value. */
    FULL,
    /** The last four characters. */
    LAST4,
    /** The first character of the local part, and the domain. */
    EMAIL,
    /** A keyed pseudonym, equal for equal values under one key. */
    HASH
  }
}
