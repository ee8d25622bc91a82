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
 *
 * <p>Each key is prepared once: a keyed {@code Mac} per key is the prototype, and each thread
 * works on its own copies of the prototypes (a {@code Mac} is not thread-safe, and {@code
 * doFinal} leaves it keyed and ready for the next message). Looking a {@code Mac} up and keying
 * it for every message costs about as much as hashing a 1 KiB body.
 */
final class HmacKeys {

  static final int MAC_LENGTH = 32;
  private static final String ALGORITHM = "HmacSHA256";

  private final List<SecretKeySpec> keys;
  private final List<Mac> prototypes;
  /** The length of the shortest key, taken when the keys are given (0 without keys). */
  private final int shortest;
  private final ThreadLocal<Mac[]> perThread = ThreadLocal.withInitial(this::copies);

  HmacKeys(List<byte[]> rawKeys) {
    List<SecretKeySpec> specs = new ArrayList<>(rawKeys.size());
    List<Mac> keyed = new ArrayList<>(rawKeys.size());
    for (byte[] raw : rawKeys) {
      if (raw.length == 0) {
        throw new IllegalArgumentException("an HMAC secret must not be empty");
      }
      SecretKeySpec key = new SecretKeySpec(raw, ALGORITHM);
      specs.add(key);
      keyed.add(keyed(key));
    }
    this.keys = Collections.unmodifiableList(specs);
    this.shortest = rawKeys.stream().mapToInt(raw -> raw.length).min().orElse(0);
    this.prototypes = Collections.unmodifiableList(keyed);
  }

  /** This thread's keyed copies of the prototypes, made on first use. */
  private Mac[] copies() {
    Mac[] copies = new Mac[prototypes.size()];
    for (int i = 0; i < copies.length; i++) {
      try {
        copies[i] = (Mac) prototypes.get(i).clone();
      } catch (CloneNotSupportedException e) {
        // A provider whose Mac cannot be cloned: key a new one (once per thread).
        copies[i] = keyed(keys.get(i));
      }
    }
    return copies;
  }

  private static Mac keyed(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is required of every Java platform; a key of any non-empty length is valid.
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /** The length of the shortest key, in bytes; empty when there is none. */
  java.util.OptionalInt shortestKeyBytes() {
    return shortest == 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(shortest);
  }

  boolean isEmpty() {
    return keys.isEmpty();
  }

  int size() {
    return keys.size();
  }

  /** The MAC of the concatenation of {@code parts} under every key, in key order. */
  List<byte[]> macs(byte[]... parts) {
    Mac[] macs = perThread.get();
    List<byte[]> out = new ArrayList<>(macs.length);
    for (Mac mac : macs) {
      out.add(mac(mac, parts));
    }
    return out;
  }

  /** The MAC of the concatenation of {@code parts} under the first key. */
  byte[] primaryMac(byte[]... parts) {
    return mac(perThread.get()[0], parts);
  }

  /**
   * Whether any {@code candidate} equals the MAC under any key. Every candidate is compared with
   * every MAC, in constant time and without stopping at the first match, so the time taken says
   * nothing about which key or which candidate matched.
   */
  boolean anyMatches(List<byte[]> candidates, byte[]... parts) {
    boolean matched = false;
    for (Mac mac : perThread.get()) { // each key's MAC compared as it is made, no list of them
      byte[] expected = mac(mac, parts);
      for (byte[] candidate : candidates) {
        matched |= MessageDigest.isEqual(expected, candidate);
      }
    }
    return matched;
  }

  private static byte[] mac(Mac mac, byte[]... parts) {
    // A message cut short (an exception between update and doFinal) must not leak into this one.
    mac.reset();
    for (byte[] part : parts) {
      mac.update(part);
    }
    return mac.doFinal();
  }

  @Override
  public String toString() {
    return "HmacKeys[" + keys.size() + " key(s)]";
  }
}
