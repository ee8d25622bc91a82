package dev.hookguard.runtime.generated;

import java.math.BigDecimal;

/**
 * Renders {@code Type{name="text", count=3, card=****4242, tags=["a", "b"], meta={"k"=1}}} on
 * one line. Strings and map keys are quoted, and every character that could break a line or
 * disguise one (control characters, line and paragraph separators, bidirectional overrides) is
 * escaped, so a payload value can neither forge a log line nor pose as another field.
 */
final class LogLineWriter extends TextWriter {

  /**
   * The length of a recent line, to size the next line's buffer so that it is not grown and
   * copied several times while written. Racy on purpose: any value is a correct hint.
   */
  private static int lengthHint = 128;

  LogLineWriter() {
    super(lengthHint);
  }

  String result() {
    lengthHint = Math.min(out.length() + 16, MAX_HINT);
    return out.toString();
  }

  @Override
  void beforeValue() {
    if (afterName) {
      afterName = false;
    } else {
      separate();
    }
  }

  private void separate() {
    if (afterValue) {
      out.append(',', ' ');
    }
  }

  @Override
  public void beginObject(String typeName) {
    beforeValue();
    out.append(typeName);
    out.append('{');
    afterValue = false;
  }

  @Override
  public void endObject() {
    out.append('}');
    afterValue = true;
  }

  @Override
  public void name(String javaName, String jsonName) {
    separate();
    out.append(javaName);
    out.append('=');
    afterName = true;
  }

  @Override
  void key(String key) {
    separate();
    quoted(key);
    out.append('=');
    afterName = true;
  }

  @Override
  void beginArray() {
    beforeValue();
    out.append('[');
    afterValue = false;
  }

  @Override
  void endArray() {
    out.append(']');
    afterValue = true;
  }

  @Override
  public void number(double value) {
    plainValue(Double.toString(value));
  }

  @Override
  public void number(float value) {
    plainValue(Float.toString(value));
  }

  @Override
  void bigNumber(Object value) {
    // Plain notation for ordinary amounts; a huge exponent stays scientific rather than expand.
    plainValue(value instanceof BigDecimal d && Math.abs(d.scale()) <= 100
        ? d.toPlainString() : value.toString());
  }

  @Override
  public void masked(String mask) {
    beforeValue();
    escaped(mask);
    afterValue = true;
  }

  @Override
  void quoted(String value) {
    out.append('"');
    escaped(value);
    out.append('"');
  }

  private void escaped(String value) {
    // Most values need no escape: copied whole and scanned once.
    int start = out.appendForScan(value);
    char[] chars = out.chars();
    int from = -1;
    for (int i = start, end = out.length(); i < end; i++) {
      if (escapeNeeded(chars[i])) {
        out.truncate(i);
        from = i - start;
        break;
      }
    }
    if (from < 0) {
      return;
    }
    int length = value.length();
    for (int i = from; i < length; i++) {
      char c = value.charAt(i);
      if (!escapeNeeded(c)) {
        out.append(c);
        continue;
      }
      switch (c) {
        case '"' -> out.append('\\', '"');
        case '\\' -> out.append('\\', '\\');
        case '\n' -> out.append('\\', 'n');
        case '\r' -> out.append('\\', 'r');
        case '\t' -> out.append('\\', 't');
        default -> out.append(String.format("\\u%04x", (int) c));
      }
    }
  }

  private static boolean escapeNeeded(char c) {
    return c < 0x20 || c == '"' || c == '\\' || (c >= 0x7f && needsEscape(c));
  }

  private static boolean needsEscape(char c) {
    return Character.isISOControl(c)
        || c == '\u2028' || c == '\u2029' // line and paragraph separators
        || (c >= '\u202a' && c <= '\u202e') // bidirectional embeddings and overrides
        || (c >= '\u2066' && c <= '\u2069'); // bidirectional isolates
  }
}
