package dev.hookguard.processor.model;

/**
 * The single-value types a payload property can have, with what generated code needs to know
 * about each: how to write it, whether it is a primitive (and its zero), and whether equal values
 * always have one encoding (a condition for deterministic encryption).
 */
public enum ScalarKind {
  STRING("string", null, true),
  BOOLEAN("bool", "false", true),
  BOXED_BOOLEAN("bool", null, true),
  CHAR("character", "'\\0'", true),
  BOXED_CHAR("character", null, true),
  BYTE("number", "(byte) 0", true),
  SHORT("number", "(short) 0", true),
  INT("number", "0", true),
  LONG("number", "0L", true),
  FLOAT("number", "0f", false),
  DOUBLE("number", "0d", false),
  BOXED_INTEGRAL("number", null, true),
  BOXED_FLOATING("number", null, false),
  BIG_INTEGER("number", null, true),
  /** {@code 1.0} and {@code 1.00} are equal in amount but not in encoding. */
  BIG_DECIMAL("number", null, false),
  INSTANT("text", null, true),
  LOCAL_DATE("text", null, true),
  /** Other {@code java.time} values; offsets and zones give one instant several encodings. */
  OTHER_TEMPORAL("text", null, false),
  UUID("text", null, true);

  private final String writerMethod;
  private final String zero;
  private final boolean stableEncoding;

  ScalarKind(String writerMethod, String zero, boolean stableEncoding) {
    this.writerMethod = writerMethod;
    this.zero = zero;
    this.stableEncoding = stableEncoding;
  }

  /** The {@code RedactionWriter} method that writes a value of this kind. */
  public String writerMethod() {
    return writerMethod;
  }

  public boolean isPrimitive() {
    return zero != null;
  }

  /** The literal of a primitive's zero value; only for primitives. */
  public String zero() {
    return zero;
  }

  /** Whether equal values always encode to equal text. */
  public boolean hasStableEncoding() {
    return stableEncoding;
  }
}
