package dev.hookguard.runtime.signature;

import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads one header from a request's header map: names match ignoring ASCII letter case only (a
 * Unicode case fold would let {@code ſ} stand for {@code s}), a header must occur once, and its
 * value must be short printable US-ASCII. Messages name the header, never its value.
 */
final class HeaderReader {

  /** Longer than any legitimate signature header of the supported schemes, even mid-rotation. */
  static final int MAX_VALUE_LENGTH = 4096;

  private HeaderReader() {}

  /**
   * Returns the header's value with surrounding spaces and tabs removed, or empty if absent.
   *
   * @throws WebhookVerificationException if repeated, empty, too long or not printable ASCII
   */
  static Optional<String> optional(Map<String, List<String>> headers, String name)
      throws WebhookVerificationException {
    Objects.requireNonNull(headers, "headers");
    String found = null;
    int occurrences = 0;
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      String key = entry.getKey();
      if (key == null || !asciiEqualsIgnoreCase(key, name) || entry.getValue() == null) {
        continue;
      }
      for (String value : entry.getValue()) {
        if (value != null) {
          occurrences++;
          found = value;
        }
      }
    }
    if (occurrences == 0) {
      return Optional.empty();
    }
    if (occurrences > 1) {
      throw new WebhookVerificationException(
          Reason.DUPLICATE_HEADER, "header " + name + " occurs " + occurrences + " times");
    }
    if (found.length() > MAX_VALUE_LENGTH) {
      throw new WebhookVerificationException(
          Reason.HEADER_TOO_LARGE,
          "header " + name + " is longer than " + MAX_VALUE_LENGTH + " characters");
    }
    for (int i = 0; i < found.length(); i++) {
      char c = found.charAt(i);
      if ((c < 0x20 && c != '\t') || c > 0x7e) {
        throw new WebhookVerificationException(
            Reason.MALFORMED_HEADER,
            "header " + name + " contains a character outside printable US-ASCII");
      }
    }
    String value = trimSpaces(found);
    if (value.isEmpty()) {
      throw new WebhookVerificationException(Reason.MISSING_HEADER, "header " + name + " is empty");
    }
    return Optional.of(value);
  }

  /** Returns the header's value, as {@link #optional}, failing when it is absent. */
  static String required(Map<String, List<String>> headers, String name)
      throws WebhookVerificationException {
    Optional<String> value = optional(headers, name);
    if (value.isEmpty()) {
      throw new WebhookVerificationException(Reason.MISSING_HEADER, "header " + name + " is missing");
    }
    return value.get();
  }

  /** Whether any non-null value is present under {@code name}, without judging its shape. */
  static boolean isPresent(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey() != null
          && asciiEqualsIgnoreCase(entry.getKey(), name)
          && entry.getValue() != null) {
        for (String value : entry.getValue()) {
          if (value != null) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The header's value if it is present and well formed; empty otherwise, never an exception. */
  static Optional<String> lenient(Map<String, List<String>> headers, String name) {
    try {
      return optional(headers, name);
    } catch (WebhookVerificationException e) {
      return Optional.empty();
    }
  }

  static boolean asciiEqualsIgnoreCase(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      if (asciiLower(a.charAt(i)) != asciiLower(b.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  static String trimSpaces(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }
}
