package dev.hookguard.runtime.generated;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Writes a date-time as {@code OffsetDateTime.toString()} does, without its intermediate strings,
 * and reads the one form of ISO-8601 date-time that webhooks send, {@code 2025-01-14T11:02:45-05:00}
 * (seconds always, a fraction of up to nine digits, {@code Z} or an offset in hours and minutes),
 * by hand: {@code OffsetDateTime.parse} takes a few microseconds and a dozen objects for it.
 * Anything else, valid or not, gives {@code null}, and the caller hands the text to the JDK's
 * parser, which decides; so this class accepts nothing the JDK's refuses, and gives what the JDK
 * gives for what it accepts.
 */
final class IsoDateTimes {

  private static final int[] NANOS_PER_DIGIT = {
      100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

  private IsoDateTimes() {}

  /**
   * The date-time in {@code text[offset, offset + length)}, or {@code null} if it is not of the
   * common form or not a valid date-time.
   */
  static OffsetDateTime offsetDateTime(char[] text, int offset, int length) {
    // yyyy-MM-ddTHH:mm:ss is 19 characters, then a fraction, then Z or ±HH:MM.
    if (length < 20 || length > 35) {
      return null;
    }
    int end = offset + length;
    int year = digits(text, offset, 4);
    int month = digits(text, offset + 5, 2);
    int day = digits(text, offset + 8, 2);
    int hour = digits(text, offset + 11, 2);
    int minute = digits(text, offset + 14, 2);
    int second = digits(text, offset + 17, 2);
    if ((year | month | day | hour | minute | second) < 0
        || text[offset + 4] != '-' || text[offset + 7] != '-'
        || (text[offset + 10] != 'T' && text[offset + 10] != 't')
        || text[offset + 13] != ':' || text[offset + 16] != ':') {
      return null;
    }
    int at = offset + 19;
    int nanos = 0;
    if (text[at] == '.') {
      at++;
      int first = at;
      while (at < end && at - first < 9 && isDigit(text[at])) {
        nanos += (text[at] - '0') * NANOS_PER_DIGIT[at - first];
        at++;
      }
      if (at == first) {
        return null;
      }
    }
    ZoneOffset zone = offset(text, at, end - at);
    if (zone == null) {
      return null;
    }
    try {
      return OffsetDateTime.of(
          LocalDateTime.of(year, month, day, hour, minute, second, nanos), zone);
    } catch (DateTimeException e) {
      return null; // February 30th and the like: the JDK's parser says how it refuses them
    }
  }

  /** {@code Z} or {@code ±HH:MM} making up the whole of {@code text[at, at + length)}. */
  private static ZoneOffset offset(char[] text, int at, int length) {
    if (length == 1 && (text[at] == 'Z' || text[at] == 'z')) {
      return ZoneOffset.UTC;
    }
    if (length != 6 || (text[at] != '+' && text[at] != '-') || text[at + 3] != ':') {
      return null;
    }
    int hours = digits(text, at + 1, 2);
    int minutes = digits(text, at + 4, 2);
    if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
      return null;
    }
    try {
      return text[at] == '+'
          ? ZoneOffset.ofHoursMinutes(hours, minutes)
          : ZoneOffset.ofHoursMinutes(-hours, -minutes);
    } catch (DateTimeException e) {
      return null; // beyond ±18:00
    }
  }

  /** The {@code count} decimal digits at {@code at}, or -1 if any is not one. */
  private static int digits(char[] text, int at, int count) {
    int value = 0;
    for (int i = at; i < at + count; i++) {
      if (!isDigit(text[i])) {
        return -1;
      }
      value = value * 10 + (text[i] - '0');
    }
    return value;
  }

  /**
   * Appends {@code value} exactly as {@link OffsetDateTime#toString()} gives it ({@code uuuu-MM-dd},
   * {@code T}, {@code HH:mm}, seconds and a fraction of 3, 6 or 9 digits only when not zero, the
   * offset's id), without the five strings and builders that call makes.
   */
  static void append(CharOutput out, OffsetDateTime value) {
    int year = value.getYear();
    int absYear = Math.abs(year);
    if (absYear < 1000) {
      if (year < 0) {
        out.append('-');
      }
      out.appendPadded(absYear, 4);
    } else {
      if (year > 9999) {
        out.append('+');
      }
      out.append(year);
    }
    out.append('-');
    out.appendPadded(value.getMonthValue(), 2);
    out.append('-');
    out.appendPadded(value.getDayOfMonth(), 2);
    out.append('T');
    out.appendPadded(value.getHour(), 2);
    out.append(':');
    out.appendPadded(value.getMinute(), 2);
    int second = value.getSecond();
    int nano = value.getNano();
    if (second > 0 || nano > 0) {
      out.append(':');
      out.appendPadded(second, 2);
      if (nano > 0) {
        out.append('.');
        if (nano % 1_000_000 == 0) {
          out.appendPadded(nano / 1_000_000, 3);
        } else if (nano % 1_000 == 0) {
          out.appendPadded(nano / 1_000, 6);
        } else {
          out.appendPadded(nano, 9);
        }
      }
    }
    out.append(value.getOffset().getId());
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
