package dev.hookguard.runtime.privacy;

/** How a property is encrypted at rest, as a privacy manifest says. */
public enum Encryption {
  /** Not encrypted. */
  NONE,
  /** {@code @Encrypt}: AES256-GCM, a fresh nonce per value. */
  RANDOMIZED,
  /** {@code @Encrypt(deterministic = true)}: AES256-SIV, equal values give equal ciphertexts. */
  DETERMINISTIC
}
