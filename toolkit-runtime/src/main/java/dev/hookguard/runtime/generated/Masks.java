package dev.hookguard.runtime.generated;

import java.util.regex.Pattern;

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

  /**
   * A deliberately plain shape: one {@code @}, a non-empty local part, a domain of letters,
   * digits, hyphens and dots. Anything else, including control characters, is masked fully.
   */
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s\\p{Cntrl}]+@([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+)");

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
    var matcher = EMAIL.matcher(value);
    if (!matcher.matches() || Character.isSurrogate(value.charAt(0))) {
      return REDACTED;
    }
    return value.charAt(0) + "***@" + matcher.group(1);
  }
}
