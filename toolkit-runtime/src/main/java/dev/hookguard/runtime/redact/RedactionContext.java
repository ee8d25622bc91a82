package dev.hookguard.runtime.redact;

import dev.hookguard.runtime.generated.Masks;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a redactor needs beyond the annotations: the key behind {@code Mask.HASH} pseudonyms.
 *
 * <p>A pseudonym is {@code hg_} followed by the first 96 bits of HMAC-SHA256(key, value), in hex.
 * Equal values give equal pseudonyms under one key, so log lines about one customer can be
 * correlated; without the key a pseudonym cannot be tested against guessed values.
 *
 * <ul>
 *   <li>{@link #create()} uses a random key made once per process (per class loader): pseudonyms
 *       are stable within one run of the program and differ between runs and between instances.
 *   <li>{@link #withPseudonymKey(byte[])} uses a key of yours, for pseudonyms that stay stable
 *       across restarts and instances. Keep that key as secret as the values it hides.
 * </ul>
 * Instances are immutable and thread-safe; {@link #toString()} never shows the key.
 */
public final class RedactionContext {

  private static final String ALGORITHM = "HmacSHA256";
  private static final int MIN_KEY_BYTES = 32;
  private static final int PSEUDONYM_BYTES = 12;

  /** Made on first use of {@link #create()}, then kept for the life of the class loader. */
  private static final class ProcessKey {
    static final RedactionContext INSTANCE = new RedactionContext(randomKey());

    private static byte[] randomKey() {
      byte[] key = new byte[MIN_KEY_BYTES];
      new SecureRandom().nextBytes(key);
      return key;
    }
  }

  private final Mac prototype;

  private RedactionContext(byte[] key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      this.prototype = mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** The context with this process's random pseudonym key. */
  public static RedactionContext create() {
    return ProcessKey.INSTANCE;
  }

  /**
   * A context whose pseudonyms are keyed by {@code key} (at least 32 bytes; the array is copied).
   */
  public static RedactionContext withPseudonymKey(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "a pseudonym key needs at least " + MIN_KEY_BYTES + " bytes, got " + key.length);
    }
    return new RedactionContext(key.clone());
  }

  /**
   * {@code Mask.HASH}: the keyed pseudonym of a value's text form; {@link Masks#REDACTED} for
   * {@code null}.
   */
  public String pseudonym(Object value) {
    if (value == null) {
      return Masks.REDACTED;
    }
    byte[] digest = newMac().doFinal(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
    return "hg_" + HexFormat.of().formatHex(digest, 0, PSEUDONYM_BYTES);
  }

  private Mac newMac() {
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      // The JDK's HmacSHA256 is cloneable; cloning avoids a provider look-up per pseudonym.
      throw new IllegalStateException("HmacSHA256 implementation is not cloneable", e);
    }
  }

  @Override
  public String toString() {
    return "RedactionContext[pseudonymKey=<hidden>]";
  }
}
