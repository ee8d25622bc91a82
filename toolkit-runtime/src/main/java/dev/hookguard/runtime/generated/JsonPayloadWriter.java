package dev.hookguard.runtime.generated;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.io.CharTypes;
import tools.jackson.core.io.NumberOutput;

/**
 * Renders compact JSON exactly as Jackson's generator does with {@code WRITE_BIGDECIMAL_AS_PLAIN}
 * and its other defaults, character for character (a test writes random documents both ways):
 * Jackson's own escape table (quotes, backslashes, and control characters by their short forms
 * or as six-character escapes in upper-case hex; nothing else escaped), its integer writer, and
 * the same text of floating-point numbers ({@link Double#toString}; NaN and infinities as
 * strings). It writes into one {@code char} array rather than through a generator and a {@code
 * Writer}, which cost more than the writing: a whole document, or ({@link #splitting()}) each
 * top-level property's value on its own.
 *
 * <p>As Jackson's generator does, it refuses calls out of order (a value in an object without its
 * name, a name where a value belongs, a container closed that is not open, a second document),
 * nesting deeper than 500, and a document left open, so what it returns is always one JSON text.
 */
final class JsonPayloadWriter extends TextWriter {

  /** Jackson's default: the deepest nesting of objects and arrays its generator writes. */
  private static final int MAX_DEPTH = 500;

  /** Jackson's: the largest plain {@code BigDecimal} scale it writes (a guard against a huge text). */
  private static final int MAX_BIG_DECIMAL_SCALE = 9999;

  /**
   * Jackson's escapes of the first 128 characters: 0 none, a character for its short form, and a
   * negative code for six characters. Those it escapes are the controls, {@code "} and the
   * backslash, as {@link #quoted} tests before it looks here.
   */
  private static final int[] ESCAPES = CharTypes.get7BitOutputEscapes();

  private static final char[] HEX = CharTypes.copyHexChars(true);

  /** The length of a recent document: sizes the next one's buffer. Racy on purpose. */
  private static int lengthHint = 256;

  /** Objects and arrays open (in splitting mode, the payload's own object included). */
  private int depth;
  /** For each container open, from the outermost: whether it is an object (else an array). */
  private boolean[] objects = new boolean[8];
  /** Whether a whole value was begun at the top level: a document has one. */
  private boolean rootBegun;

  /**
   * Splitting: the payload's own object is not written; each of its properties' values is written
   * as a JSON text of its own and cut out of the buffer into {@link #fields}.
   */
  private final Map<String, String> fields;
  /** Splitting: the property being written and where its value starts in the buffer. */
  private String property;
  private int propertyStart;

  JsonPayloadWriter() {
    this(null);
  }

  private JsonPayloadWriter(Map<String, String> fields) {
    super(lengthHint);
    this.fields = fields;
  }

  /** A writer of a payload's top-level properties, each as its own JSON text. */
  static JsonPayloadWriter splitting() {
    return new JsonPayloadWriter(new LinkedHashMap<>());
  }

  /**
   * The document written.
   *
   * @throws IllegalStateException if an object or array was left open
   */
  String result() {
    if (depth != 0) {
      throw new IllegalStateException("a JSON object or array was left open");
    }
    lengthHint = Math.min(out.length() + 16, MAX_HINT);
    return out.toString();
  }

  /**
   * Splitting: the JSON text of each top-level property written, by JSON name, in the order
   * written: what {@link StoredDocuments#split} makes of the whole document.
   *
   * @throws IllegalArgumentException if what was written is not one JSON object
   */
  Map<String, String> fields() {
    if (depth != 0 || property != null || out.length() > 0 && fields.isEmpty()) {
      throw new IllegalArgumentException("a stored payload must be a JSON object");
    }
    return fields;
  }

  /** Splitting, at the payload's top level: ends the property being written, if any. */
  private void endProperty() {
    if (property != null) {
      fields.put(property, out.substring(propertyStart));
      property = null;
    }
  }

  /**
   * Before a value (a container's opening included): the comma it needs, or none after a name.
   * In an object a value must follow a name, and a document holds one value.
   */
  @Override
  void beforeValue() {
    if (afterName) {
      afterName = false;
    } else if (depth == 0) {
      if (rootBegun) {
        throw misuse("a second value at the top level of a JSON document");
      }
      rootBegun = true;
    } else if (objects[depth - 1]) {
      throw misuse("a value without a property name in a JSON object");
    } else if (afterValue) {
      out.append(',');
    }
  }

  /** Opens a container, at most {@link #MAX_DEPTH} deep as Jackson's generator allows. */
  private void open(boolean object) {
    if (depth == MAX_DEPTH) {
      throw new IllegalArgumentException(
          "a JSON document nested deeper than " + MAX_DEPTH + " objects and arrays");
    }
    if (depth == objects.length) {
      objects = java.util.Arrays.copyOf(objects, depth * 2);
    }
    objects[depth++] = object;
    afterValue = false;
  }

  /** Closes the innermost container, which must be an object ({@code object}) or an array. */
  private void close(boolean object) {
    if (depth == 0 || objects[depth - 1] != object || afterName) {
      throw misuse(object
          ? "an object closed where it is not open, or after a name without its value"
          : "an array closed where it is not open");
    }
    depth--;
    afterValue = true;
  }

  /** A writer called out of order: generated code never does; the message names no value. */
  private static IllegalStateException misuse(String what) {
    return new IllegalStateException("JSON written out of order: " + what);
  }

  @Override
  public void beginObject(String typeName) {
    if (fields != null && depth == 0) {
      beforeValue();
      open(true); // the payload's own object, which splitting leaves out
      return;
    }
    beforeValue();
    out.append('{');
    open(true);
  }

  @Override
  public void endObject() {
    close(true);
    if (fields != null && depth == 0) {
      endProperty();
      return;
    }
    out.append('}');
  }

  @Override
  public void name(String javaName, String jsonName) {
    key(jsonName);
  }

  @Override
  void key(String key) {
    if (depth == 0 || !objects[depth - 1] || afterName) {
      throw misuse("a property name where a value belongs");
    }
    if (fields != null && depth == 1) {
      endProperty();
      property = key;
      propertyStart = out.length();
      afterValue = false;
      afterName = true;
      return;
    }
    if (afterValue) {
      out.append(',');
    }
    quoted(key);
    out.append(':');
    afterName = true;
  }

  @Override
  void beginArray() {
    beforeValue();
    out.append('[');
    open(false);
  }

  @Override
  void endArray() {
    close(false);
    out.append(']');
  }

  @Override
  public void number(double value) {
    if (NumberOutput.notFinite(value)) {
      string(Double.toString(value));
    } else {
      plainValue(Double.toString(value));
    }
  }

  @Override
  public void number(float value) {
    if (NumberOutput.notFinite(value)) {
      string(Float.toString(value));
    } else {
      plainValue(Float.toString(value));
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException for a {@code BigDecimal} whose scale is beyond ±9999, whose
   *     plain text could be any length (Jackson refuses it too)
   */
  @Override
  void bigNumber(Object value) {
    String text;
    if (value instanceof BigDecimal decimal) {
      int scale = decimal.scale();
      if (scale < -MAX_BIG_DECIMAL_SCALE || scale > MAX_BIG_DECIMAL_SCALE) {
        throw new IllegalArgumentException("a BigDecimal with scale " + scale
            + " has no plain JSON text of reasonable length (the scale must be within ±"
            + MAX_BIG_DECIMAL_SCALE + ")");
      }
      text = decimal.toPlainString();
    } else {
      text = ((BigInteger) value).toString();
    }
    plainValue(text);
  }

  @Override
  public void masked(String mask) {
    string(mask);
  }

  @Override
  void quoted(String value) {
    out.append('"');
    // Most values need no escape: copied whole and scanned once.
    int first = out.appendForScan(value);
    char[] chars = out.chars();
    for (int i = first, end = out.length(); i < end; i++) {
      char c = chars[i];
      if (c < 0x20 || c == '"' || c == '\\') {
        out.truncate(i);
        escapeFrom(value, i - first);
        break;
      }
    }
    out.append('"');
  }

  private void escapeFrom(String value, int from) {
    int length = value.length();
    for (int i = from; i < length; i++) {
      char c = value.charAt(i);
      if (c >= ESCAPES.length || ESCAPES[c] == 0) {
        out.append(c);
      } else if (ESCAPES[c] > 0) {
        out.append('\\', (char) ESCAPES[c]);
      } else { // a control character without a short form: backslash, u, 00 and two hex digits
        out.append('\\', 'u');
        out.append('0', '0');
        out.append(HEX[c >> 4], HEX[c & 0xF]);
      }
    }
  }
}
