package dev.hookguard.runtime.receiver;

import java.util.Optional;

/**
 * Parses IP address literals by hand. {@code InetAddress.getByName} is not used on purpose: for a
 * string that is not a valid literal it falls back to a DNS look-up, which a configuration typo or
 * a forged {@code X-Forwarded-For} hop must never trigger.
 *
 * <p>Accepted: dotted-quad IPv4 ({@code 192.0.2.1}; each part 0–255, no leading zeros, since
 * some parsers read {@code 010} as octal) and IPv6 in the RFC 4291 text forms, with {@code ::}
 * and a trailing dotted quad ({@code ::ffff:192.0.2.1}). Refused: zone ids ({@code %eth0}),
 * brackets, surrounding spaces, anything else.
 */
final class IpLiterals {

  /** The longest IPv6 text form: eight groups of four, or six groups and a dotted quad. */
  private static final int MAX_LENGTH = 45;

  private IpLiterals() {}

  /** The address written as {@code text}, or empty if it is not a valid IPv4 or IPv6 literal. */
  static Optional<Ip128> parse(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    if (text.indexOf(':') < 0) {
      long v4 = parseIpv4(text);
      return v4 < 0 ? Optional.empty() : Optional.of(Ip128.of(intBytes((int) v4)));
    }
    return Optional.ofNullable(parseIpv6(text));
  }

  /** The 32-bit value of a dotted quad, or -1 if {@code text} is not one. */
  static long parseIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return -1;
    }
    long value = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
        return -1;
      }
      int octet = 0;
      for (int i = 0; i < part.length(); i++) {
        char c = part.charAt(i);
        if (c < '0' || c > '9') {
          return -1;
        }
        octet = octet * 10 + (c - '0');
      }
      if (octet > 255) {
        return -1;
      }
      value = (value << 8) | octet;
    }
    return value;
  }

  private static Ip128 parseIpv6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    int[] head = groups(gap >= 0 ? text.substring(0, gap) : text, gap < 0);
    int[] tail = gap >= 0 ? groups(text.substring(gap + 2), true) : new int[0];
    if (head == null || tail == null) {
      return null;
    }
    int explicit = head.length + tail.length;
    if (gap < 0 ? explicit != 8 : explicit > 7) {
      return null;
    }
    int[] words = new int[8];
    System.arraycopy(head, 0, words, 0, head.length);
    System.arraycopy(tail, 0, words, 8 - tail.length, tail.length);
    byte[] bytes = new byte[16];
    for (int i = 0; i < 8; i++) {
      bytes[2 * i] = (byte) (words[i] >>> 8);
      bytes[2 * i + 1] = (byte) words[i];
    }
    return Ip128.of(bytes);
  }

  /**
   * The 16-bit groups of a colon-separated run, a trailing dotted quad counting as two; {@code
   * null} if malformed. An empty run has no groups.
   */
  private static int[] groups(String run, boolean dottedQuadAllowedLast) {
    if (run.isEmpty()) {
      return new int[0];
    }
    String[] parts = run.split(":", -1);
    boolean quad = parts[parts.length - 1].indexOf('.') >= 0;
    if (quad && !dottedQuadAllowedLast) {
      return null;
    }
    int[] out = new int[parts.length + (quad ? 1 : 0)];
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (quad && i == parts.length - 1) {
        long v4 = parseIpv4(part);
        if (v4 < 0) {
          return null;
        }
        out[i] = (int) (v4 >>> 16);
        out[i + 1] = (int) (v4 & 0xFFFF);
        continue;
      }
      if (part.isEmpty() || part.length() > 4) {
        return null;
      }
      int word = 0;
      for (int j = 0; j < part.length(); j++) {
        int digit = Character.digit(part.charAt(j), 16);
        if (digit < 0 || part.charAt(j) > 'f') {
          return null;
        }
        word = (word << 4) | digit;
      }
      out[i] = word;
    }
    return out;
  }

  private static byte[] intBytes(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }
}
