package dev.hookguard.runtime.generated;

import java.util.Arrays;
import tools.jackson.core.io.NumberOutput;

/**
 * The text a {@link PayloadWriter} renders, in one growable {@code char} array: what a
 * {@code StringBuilder} would hold, without its per-call capacity and coder checks, and with
 * integers written in place by Jackson's {@link NumberOutput}. A line of a hundred short values
 * is a hundred small appends, which is where a writer's time goes.
 *
 * <p>Strings are copied first and scanned in place ({@link #appendForScan}): most values need no
 * escape, and then a value costs one copy and one pass.
 */
final class CharOutput {

  /** The largest array to grow to by doubling; past it, exactly what is needed. */
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

  /** Room for any {@code long}: 19 digits and a sign. */
  private static final int MAX_LONG_CHARS = 20;

  private char[] chars;
  private int length;

  CharOutput(int capacity) {
    this.chars = new char[Math.max(capacity, 16)];
  }

  int length() {
    return length;
  }

  /** Makes room for {@code count} more characters. */
  private void reserve(int count) {
    if (chars.length - length < count) {
      int needed = length + count;
      if (needed < 0) {
        throw new OutOfMemoryError("text too long to render");
      }
      int doubled = chars.length <= MAX_CAPACITY / 2 ? chars.length * 2 : MAX_CAPACITY;
      chars = Arrays.copyOf(chars, Math.max(needed, doubled));
    }
  }

  void append(char c) {
    if (length == chars.length) {
      reserve(1);
    }
    chars[length++] = c;
  }

  void append(char a, char b) {
    reserve(2);
    chars[length] = a;
    chars[length + 1] = b;
    length += 2;
  }

  /** Appends {@code text}, or {@code null} as {@code "null"} (as a {@code StringBuilder} does). */
  void append(String text) {
    String appended = text == null ? "null" : text;
    append(appended, 0, appended.length());
  }

  void append(String text, int from, int to) {
    int count = to - from;
    reserve(count);
    text.getChars(from, to, chars, length);
    length += count;
  }

  void append(long value) {
    reserve(MAX_LONG_CHARS);
    length = NumberOutput.outputLong(value, chars, length);
  }

  void append(int value) {
    reserve(MAX_LONG_CHARS);
    length = NumberOutput.outputInt(value, chars, length);
  }

  /** Appends {@code value} (not negative) with leading zeros to {@code digits} digits. */
  void appendPadded(int value, int digits) {
    for (int bound = 10, i = 1; i < digits; i++, bound *= 10) {
      if (value < bound) {
        append('0');
      }
    }
    append(value);
  }

  /**
   * Appends {@code text} whole and returns where it starts in {@link #chars()}: a writer scans
   * it there for characters to escape and, at the first, {@link #truncate truncates} to it and
   * appends the rest escaped. Most values need no escape and cost one copy and one scan.
   */
  int appendForScan(String text) {
    int count = text.length();
    reserve(count);
    int start = length;
    text.getChars(0, count, chars, start);
    length = start + count;
    return start;
  }

  /** The characters appended so far, and room: read only up to {@link #length()}. */
  char[] chars() {
    return chars;
  }

  /** Drops everything from {@code newLength} on. */
  void truncate(int newLength) {
    length = newLength;
  }

  String substring(int from) {
    return new String(chars, from, length - from);
  }

  @Override
  public String toString() {
    return new String(chars, 0, length);
  }
}
