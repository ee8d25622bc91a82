package dev.hookguard.runtime.generated;


/**
 * The masking functions behind {@code @Sensitive(mask = …)}. Every function accepts {@code null}
 * and then returns {@link #REDACTED}, so a masked field never tells whether a value was present.
 * Values that a partial mask cannot handle safely (too short for {@code LAST4}, not an address
 * for {@code EMAIL}) are masked fully, too.
 */
public final class Masks {

  /** What a fully masked value shows. */
  public static final String REDACTED = "[REDACTED]";

  /** Fewer characters than this and the last four would give away half the value or more. */
  private static final int LAST4_MIN_LENGTH = 8;


  private Masks() {}

  /** {@code Mask.FULL}: always {@link #REDACTED}. */
  public static String full(Object value) {
    return REDACTED;
  }

  /**
   * {@code Mask.LAST4}: {@code ****} followed by the last four characters, for values of at
   * least eight characters; otherwise {@link #REDACTED}.
   */
  public static String last4(String value) {
    if (value == null || value.length() < LAST4_MIN_LENGTH) {
      return REDACTED;
    }
    String tail = value.substring(value.length() - 4);
    for (int i = 0; i < tail.length(); i++) {
      if (Character.isISOControl(tail.charAt(i)) || Character.isSurrogate(tail.charAt(i))) {
        return REDACTED;
      }
    }
    return "****" + tail;
  }

  /**
   * {@code Mask.EMAIL}: the first character of the local part, {@code ***}, and the domain:
   * {@code jenny.rosen@example.com} gives {@code j***@example.com}. Anything that is not plainly
   * an address gives {@link #REDACTED}.
   */
  public static String email(String value) {
    if (value == null) {
      return REDACTED;
    }
    int at = value.indexOf('@');
    if (at < 1 || !plainLocalPart(value, at) || !plainDomain(value, at + 1)
        || Character.isSurrogate(value.charAt(0))) {
      return REDACTED;
    }
    return value.charAt(0) + "***" + value.substring(at);
  }

  /*
   * A deliberately plain shape of address, checked by hand (a regular expression cost a third of
   * a log line): a non-empty local part with no white space or control character before one
   * {@code @}, then a domain of two or more non-empty labels of letters, digits and hyphens
   * joined by dots. Anything else is masked fully.
   */

  /** Whether {@code value} up to {@code at} has no white space and no control character. */
  private static boolean plainLocalPart(String value, int at) {
    for (int i = 0; i < at; i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c == 0x7f) { // controls, space; \t \n \u000B \f \r are controls too
        return false;
      }
    }
    return true;
  }

  /** Whether {@code value} from {@code from} on is labels of {@code [A-Za-z0-9-]} and dots. */
  private static boolean plainDomain(String value, int from) {
    int labels = 0;
    int labelLength = 0;
    for (int i = from; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '.') {
        if (labelLength == 0) {
          return false;
        }
        labels++;
        labelLength = 0;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-') {
        labelLength++;
      } else {
        return false;
      }
    }
    return labelLength > 0 && labels >= 1;
  }
}
