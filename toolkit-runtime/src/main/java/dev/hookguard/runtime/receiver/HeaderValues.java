package dev.hookguard.runtime.receiver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Case-insensitive reading of request headers that may arrive as several lines. */
final class HeaderValues {

  private HeaderValues() {}

  /**
   * Every value of header {@code name} (ASCII letter case ignored), in map order, each split at
   * commas into trimmed elements, as RFC 9110 allows for list-valued headers. {@code null} keys and
   * values are skipped.
   */
  static List<String> elements(Map<String, List<String>> headers, String name) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey() == null || !entry.getKey().equalsIgnoreCase(name) || entry.getValue() == null) {
        continue;
      }
      for (String value : entry.getValue()) {
        if (value == null) {
          continue;
        }
        for (String element : value.split(",", -1)) {
          out.add(element.strip());
        }
      }
    }
    return out;
  }

  /** The values of header {@code name} (ASCII letter case ignored), unsplit. */
  static List<String> values(Map<String, List<String>> headers, String name) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name) && entry.getValue() != null) {
        for (String value : entry.getValue()) {
          if (value != null) {
            out.add(value);
          }
        }
      }
    }
    return out;
  }
}
