package dev.hookguard.runtime.generated;

import java.time.OffsetDateTime;

/**
 * What the two renderings share: the text in one {@link CharOutput}, the state that places
 * separators, and the values both write alike (null, strings, booleans, integers, date-times).
 * Each rendering says what goes before a value and how a string is quoted.
 */
abstract class TextWriter extends PayloadWriter {

  /** The longest text whose length sizes the next text's buffer: a huge payload sizes no more. */
  static final int MAX_HINT = 16 * 1024;

  final CharOutput out;
  /** Set after a value, and cleared when an object or array opens: the next needs a separator. */
  boolean afterValue;
  /** Set between a name or key and its value, which needs no separator of its own. */
  boolean afterName;

  TextWriter(int capacity) {
    this.out = new CharOutput(capacity);
  }

  /** Before a value (a container's opening included): its separator, or none after a name. */
  abstract void beforeValue();

  /** Appends {@code value} quoted, escaped as this rendering escapes. */
  abstract void quoted(String value);

  /** Appends one value whose text needs no quoting or escaping: a number's. */
  final void plainValue(String text) {
    beforeValue();
    out.append(text);
    afterValue = true;
  }

  @Override
  public final void nullValue() {
    plainValue("null");
  }

  @Override
  public final void string(String value) {
    if (value == null) {
      nullValue();
      return;
    }
    beforeValue();
    quoted(value);
    afterValue = true;
  }

  @Override
  final void dateTime(OffsetDateTime value) {
    beforeValue();
    out.append('"');
    IsoDateTimes.append(out, value); // digits, '-', ':', '.', 'T', '+', 'Z': nothing to escape
    out.append('"');
    afterValue = true;
  }

  @Override
  public final void number(long value) {
    beforeValue();
    out.append(value);
    afterValue = true;
  }

  @Override
  public final void bool(boolean value) {
    plainValue(value ? "true" : "false");
  }
}
