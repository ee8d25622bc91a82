package dev.hookguard.processor.model;

/**
 * The single-value types a payload property can have, with what generated code needs to know
 * about each: the {@code PayloadWriter} and {@code PayloadReader} methods that handle it, whether
 * it is a primitive (and its zero), and whether equal values always have one encoding (a
 * condition for deterministic encryption).
 */
public enum ScalarKind {
  STRING("string", "readString", null, true),
  BOOLEAN("bool", "readBoolean", "false", true),
  BOXED_BOOLEAN("bool", "readBooleanOrNull", null, true),
  CHAR("character", "readChar", "'\\0'", true),
  BOXED_CHAR("character", "readCharOrNull", null, true),
  BYTE("number", "readByte", "(byte) 0", true),
  SHORT("number", "readShort", "(short) 0", true),
  INT("number", "readInt", "0", true),
  LONG("number", "readLong", "0L", true),
  FLOAT("number", "readFloat", "0f", false),
  DOUBLE("number", "readDouble", "0d", false),
  BOXED_BYTE("number", "readByteOrNull", null, true),
  BOXED_SHORT("number", "readShortOrNull", null, true),
  BOXED_INT("number", "readIntOrNull", null, true),
  BOXED_LONG("number", "readLongOrNull", null, true),
  BOXED_FLOAT("number", "readFloatOrNull", null, false),
  BOXED_DOUBLE("number", "readDoubleOrNull", null, false),
  BIG_INTEGER("number", "readBigInteger", null, true),
  /** {@code 1.0} and {@code 1.00} are equal in amount but not in encoding. */
  BIG_DECIMAL("number", "readBigDecimal", null, false),
  INSTANT("text", "readInstant", null, true),
  LOCAL_DATE("text", "readLocalDate", null, true),
  /** Offsets and zones give one instant several encodings; local times are ambiguous. */
  LOCAL_DATE_TIME("text", "readLocalDateTime", null, false),
  LOCAL_TIME("text", "readLocalTime", null, false),
  OFFSET_DATE_TIME("text", "readOffsetDateTime", null, false),
  ZONED_DATE_TIME("text", "readZonedDateTime", null, false),
  DURATION("text", "readDuration", null, false),
  UUID("text", "readUuid", null, true);

  private final String writerMethod;
  private final String readerMethod;
  private final String zero;
  private final boolean stableEncoding;

  ScalarKind(String writerMethod, String readerMethod, String zero, boolean stableEncoding) {
    this.writerMethod = writerMethod;
    this.readerMethod = readerMethod;
    this.zero = zero;
    this.stableEncoding = stableEncoding;
  }

  /** The {@code PayloadWriter} method that writes a value of this kind. */
  public String writerMethod() {
    return writerMethod;
  }

  /** The {@code PayloadReader} method that reads a value of this kind. */
  public String readerMethod() {
    return readerMethod;
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
