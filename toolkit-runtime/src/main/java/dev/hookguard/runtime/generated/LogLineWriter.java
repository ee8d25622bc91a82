package dev.hookguard.runtime.generated;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Renders {@code Type{name="text", count=3, card=****4242, tags=["a", "b"], meta={"k"=1}}} on
 * one line. Strings and map keys are quoted, and every character that could break a line or
 * disguise one (control characters, line and paragraph separators, bidirectional overrides) is
 * escaped, so a payload value can neither forge a log line nor pose as another field.
 */
final class LogLineWriter extends PayloadWriter {

  private final StringBuilder out = new StringBuilder(128);
  /** One entry per open object or array: whether it has had an element yet. */
  private final Deque<boolean[]> open = new ArrayDeque<>();
  /** Set between a name or key and its value, which needs no comma of its own. */
  private boolean afterName;

  String result() {
    return out.toString();
  }

  private void beforeValue() {
    if (afterName) {
      afterName = false;
      return;
    }
    separate();
  }

  private void separate() {
    boolean[] started = open.peek();
    if (started != null) {
      if (started[0]) {
        out.append(", ");
      }
      started[0] = true;
    }
  }

  @Override
  public void beginObject(String typeName) {
    beforeValue();
    out.append(typeName).append('{');
    open.push(new boolean[1]);
  }

  @Override
  public void endObject() {
    open.pop();
    out.append('}');
  }

  @Override
  public void name(String javaName, String jsonName) {
    separate();
    out.append(javaName).append('=');
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
    open.push(new boolean[1]);
  }

  @Override
  void endArray() {
    open.pop();
    out.append(']');
  }

  @Override
  public void nullValue() {
    beforeValue();
    out.append("null");
  }

  @Override
  public void string(String value) {
    if (value == null) {
      nullValue();
      return;
    }
    beforeValue();
    quoted(value);
  }

  @Override
  public void number(long value) {
    beforeValue();
    out.append(value);
  }

  @Override
  public void number(double value) {
    beforeValue();
    out.append(value);
  }

  @Override
  public void number(float value) {
    beforeValue();
    out.append(value);
  }

  @Override
  void bigNumber(Object value) {
    beforeValue();
    // Plain notation for ordinary amounts; a huge exponent stays scientific rather than expand.
    out.append(value instanceof BigDecimal d && Math.abs(d.scale()) <= 100
        ? d.toPlainString() : value.toString());
  }

  @Override
  public void bool(boolean value) {
    beforeValue();
    out.append(value);
  }

  @Override
  public void masked(String mask) {
    beforeValue();
    escaped(mask);
  }

  private void quoted(String value) {
    out.append('"');
    escaped(value);
    out.append('"');
  }

  private void escaped(String value) {
    // Runs of characters that need no escape are appended whole: most values are one run.
    int run = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      String escape = switch (c) {
        case '"' -> "\\\"";
        case '\\' -> "\\\\";
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        case '\t' -> "\\t";
        default -> needsEscape(c) ? String.format("\\u%04x", (int) c) : null;
      };
      if (escape != null) {
        out.append(value, run, i).append(escape);
        run = i + 1;
      }
    }
    out.append(value, run, value.length());
  }

  private static boolean needsEscape(char c) {
    return Character.isISOControl(c)
        || c == '\u2028' || c == '\u2029' // line and paragraph separators
        || (c >= '\u202a' && c <= '\u202e') // bidirectional embeddings and overrides
        || (c >= '\u2066' && c <= '\u2069'); // bidirectional isolates
  }
}
