package dev.hookguard.runtime.generated;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The structure of a payload as generated code writes it: objects, names, values, masks. One
 * written structure renders either as a one-line log string or as JSON, so a generated redactor
 * writes each payload once and both renderings mask the same properties the same way; generated
 * verifiers write their full (unmasked) JSON through it too.
 *
 * <p>Generated code calls it; an application has no reason to. Only this package implements it.
 */
public abstract class PayloadWriter {

  /** Writes one value of type {@code E}: used for container elements and nested payloads. */
  @FunctionalInterface
  public interface ValueWriter<E> {
    /** Writes {@code value}, which may be {@code null}, to {@code out}. */
    void write(PayloadWriter out, E value);
  }

  PayloadWriter() {}

  /** Renders {@code value} with {@code writer} as one compact log line. */
  public static <T> String toLogString(T value, ValueWriter<? super T> writer) {
    LogLineWriter out = new LogLineWriter();
    writer.write(out, value);
    return out.result();
  }

  /** Renders {@code value} with {@code writer} as JSON. */
  public static <T> String toJson(T value, ValueWriter<? super T> writer) {
    JsonPayloadWriter out = new JsonPayloadWriter();
    writer.write(out, value);
    return out.result();
  }

  /** Starts an object; {@code typeName} shows in log lines only. */
  public abstract void beginObject(String typeName);

  /** Ends the current object. */
  public abstract void endObject();

  /** Starts a property whose Java and JSON names are equal. */
  public final void name(String name) {
    name(name, name);
  }

  /** Starts a property: log lines show its Java name, JSON its JSON name. */
  public abstract void name(String javaName, String jsonName);

  /** Starts a map entry; the key is data, so log lines quote and escape it. */
  abstract void key(String key);

  abstract void beginArray();

  abstract void endArray();

  /** Writes {@code null}. */
  public abstract void nullValue();

  /** Writes a string, quoted and escaped; {@code null} as {@code null}. */
  public abstract void string(String value);

  /** Writes an integral number. */
  public abstract void number(long value);

  /** Writes a floating-point number; NaN and infinities as strings. */
  public abstract void number(double value);

  /** Writes a floating-point number as its shortest {@code float} text. */
  public abstract void number(float value);

  /** Writes {@code BigDecimal} exactly (plain notation) and {@code BigInteger}. */
  abstract void bigNumber(Object value);

  /** Writes a boolean. */
  public abstract void bool(boolean value);

  /** Writes a sensitive value's mask: a string in JSON, unquoted (but escaped) in a log line. */
  public abstract void masked(String mask);

  /** Writes a boxed or arbitrary-precision number; {@code null} as {@code null}. */
  public final void number(Number value) {
    if (value == null) {
      nullValue();
    } else if (value instanceof BigDecimal || value instanceof BigInteger) {
      bigNumber(value);
    } else if (value instanceof Double || value instanceof Float) {
      if (value instanceof Float f) {
        number(f.floatValue());
      } else {
        number(value.doubleValue());
      }
    } else {
      number(value.longValue());
    }
  }

  /** Writes a boxed boolean; {@code null} as {@code null}. */
  public final void bool(Boolean value) {
    if (value == null) {
      nullValue();
    } else {
      bool(value.booleanValue());
    }
  }

  /** Writes a character as a one-character string. */
  public final void character(char value) {
    string(String.valueOf(value));
  }

  /** Writes a boxed character; {@code null} as {@code null}. */
  public final void character(Character value) {
    string(value == null ? null : value.toString());
  }

  /** Writes a value by its text form (UUIDs, {@code java.time} values); {@code null} as {@code null}. */
  public final void text(Object value) {
    if (value instanceof java.time.OffsetDateTime dateTime) {
      dateTime(dateTime);
    } else {
      string(value == null ? null : value.toString());
    }
  }

  /** Writes a date-time as its {@code toString()}; a writer may do so without the string. */
  void dateTime(java.time.OffsetDateTime value) {
    string(value.toString());
  }

  /** Writes an enum constant by name; {@code null} as {@code null}. */
  public final void enumConstant(Enum<?> value) {
    string(value == null ? null : value.name());
  }

  /** Writes the elements of a list or set, in iteration order. */
  public final <E> void list(Iterable<? extends E> values, ValueWriter<? super E> element) {
    if (values == null) {
      nullValue();
      return;
    }
    beginArray();
    for (E value : values) {
      element.write(this, value);
    }
    endArray();
  }

  /** Writes the elements of an array. */
  public final <E> void array(E[] values, ValueWriter<? super E> element) {
    list(values == null ? null : java.util.Arrays.asList(values), element);
  }

  /** Writes an {@code int[]}. */
  public final void array(int[] values) {
    if (values == null) {
      nullValue();
      return;
    }
    beginArray();
    for (int value : values) {
      number(value);
    }
    endArray();
  }

  /** Writes a {@code long[]}. */
  public final void array(long[] values) {
    if (values == null) {
      nullValue();
      return;
    }
    beginArray();
    for (long value : values) {
      number(value);
    }
    endArray();
  }

  /** Writes a {@code double[]}. */
  public final void array(double[] values) {
    if (values == null) {
      nullValue();
      return;
    }
    beginArray();
    for (double value : values) {
      number(value);
    }
    endArray();
  }

  /** Writes a {@code boolean[]}. */
  public final void array(boolean[] values) {
    if (values == null) {
      nullValue();
      return;
    }
    beginArray();
    for (boolean value : values) {
      bool(value);
    }
    endArray();
  }

  /** Writes a map with string keys as an object, in the map's iteration order. */
  public final <V> void map(Map<String, ? extends V> values, ValueWriter<? super V> value) {
    if (values == null) {
      nullValue();
      return;
    }
    beginObject("");
    for (Map.Entry<String, ? extends V> entry : values.entrySet()) {
      key(Objects.requireNonNullElse(entry.getKey(), "null"));
      value.write(this, entry.getValue());
    }
    endObject();
  }

  /** Writes an optional's value, or {@code null} when it is empty or itself {@code null}. */
  @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
  public final <E> void optional(Optional<? extends E> value, ValueWriter<? super E> element) {
    if (value == null || value.isEmpty()) {
      nullValue();
    } else {
      element.write(this, value.get());
    }
  }
}
