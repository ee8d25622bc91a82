package dev.hookguard.samples.cli;

import dev.hookguard.runtime.generated.PayloadWriter;
import java.util.Map;

/** {@code --json} output: a flat object of names and values, written by the runtime's writer. */
final class Json {

  private Json() {}

  /** The JSON object of {@code fields}; values are numbers, booleans, strings or nested maps. */
  static String object(Map<String, ?> fields) {
    return PayloadWriter.toJson(fields, Json::write);
  }

  @SuppressWarnings("unchecked")
  private static void write(PayloadWriter out, Object value) {
    if (value instanceof Map<?, ?> map) {
      out.map((Map<String, Object>) map, Json::write);
    } else if (value instanceof Iterable<?> list) {
      out.list((Iterable<Object>) list, Json::write);
    } else if (value instanceof Number number) {
      out.number(number);
    } else if (value instanceof Boolean flag) {
      out.bool(flag);
    } else {
      out.text(value);
    }
  }
}
