package dev.hookguard.runtime.signature;

import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import java.util.Base64;

/**
 * Strict decoding of signatures received in headers. Only the canonical encoding of exactly the
 * expected number of bytes is accepted, so no two header values decode to the same signature.
 */
final class Codecs {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Codecs() {}

  /** Decodes {@code length} bytes from {@code 2 * length} hex digits (either case). */
  static byte[] hex(String text, int length, String what) throws WebhookVerificationException {
    return hex(text, 0, length, what);
  }

  /**
   * Decodes {@code length} bytes from the hex digits of {@code text} from {@code from} on, which
   * must be exactly {@code 2 * length} (the rest of a header after its version, without a copy).
   */
  static byte[] hex(String text, int from, int length, String what)
      throws WebhookVerificationException {
    if (text.length() - from != 2 * length) {
      throw new WebhookVerificationException(
          Reason.MALFORMED_SIGNATURE,
          what + " must be " + 2 * length + " hexadecimal digits");
    }
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      int hi = hexDigit(text.charAt(from + 2 * i));
      int lo = hexDigit(text.charAt(from + 2 * i + 1));
      if (hi < 0 || lo < 0) {
        throw new WebhookVerificationException(
            Reason.MALFORMED_SIGNATURE, what + " is not hexadecimal");
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** Decodes exactly {@code length} bytes from canonical, padded standard base64. */
  static byte[] base64(String text, int length, String what) throws WebhookVerificationException {
    int expectedChars = (length + 2) / 3 * 4;
    if (text.length() != expectedChars) {
      throw new WebhookVerificationException(
          Reason.MALFORMED_SIGNATURE,
          what + " must be " + expectedChars + " base64 characters");
    }
    byte[] out;
    try {
      out = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new WebhookVerificationException(Reason.MALFORMED_SIGNATURE, what + " is not base64");
    }
    if (out.length != length || !Base64.getEncoder().encodeToString(out).equals(text)) {
      throw new WebhookVerificationException(
          Reason.MALFORMED_SIGNATURE, what + " is not canonical base64 of " + length + " bytes");
    }
    return out;
  }

  static String toHex(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  static String toBase64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
