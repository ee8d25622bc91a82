package dev.hookguard.runtime.signature;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 keys of one signature, in configuration order (the first one signs). Holds
 * key material, so its {@code toString()} shows only how many keys there are.
 */
final class HmacKeys {

  static final int MAC_LENGTH = 32;
  private static final String ALGORITHM = "HmacSHA256";

  private final List<SecretKeySpec> keys;

  HmacKeys(List<byte[]> rawKeys) {
    List<SecretKeySpec> specs = new ArrayList<>(rawKeys.size());
    for (byte[] raw : rawKeys) {
      if (raw.length == 0) {
        throw new IllegalArgumentException("an HMAC secret must not be empty");
      }
      specs.add(new SecretKeySpec(raw, ALGORITHM));
    }
    this.keys = Collections.unmodifiableList(specs);
  }

  boolean isEmpty() {
    return keys.isEmpty();
  }

  int size() {
    return keys.size();
  }

  /** The MAC of the concatenation of {@code parts} under every key, in key order. */
  List<byte[]> macs(byte[]... parts) {
    List<byte[]> out = new ArrayList<>(keys.size());
    for (SecretKeySpec key : keys) {
      out.add(mac(key, parts));
    }
    return out;
  }

  /** The MAC of the concatenation of {@code parts} under the first key. */
  byte[] primaryMac(byte[]... parts) {
    return mac(keys.get(0), parts);
  }

  /**
   * Whether any {@code candidate} equals the MAC under any key. Every candidate is compared with
   * every MAC, in constant time and without stopping at the first match, so the time taken says
   * nothing about which key or which candidate matched.
   */
  boolean anyMatches(List<byte[]> candidates, byte[]... parts) {
    boolean matched = false;
    for (byte[] expected : macs(parts)) {
      for (byte[] candidate : candidates) {
        matched |= MessageDigest.isEqual(expected, candidate);
      }
    }
    return matched;
  }

  private static byte[] mac(SecretKeySpec key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is required of every Java platform; a key of any non-empty length is valid.
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "HmacKeys[" + keys.size() + " key(s)]";
  }
}
