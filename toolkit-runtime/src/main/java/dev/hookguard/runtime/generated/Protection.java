package dev.hookguard.runtime.generated;

/** How a field is kept at rest. */
public enum Protection {
  /** Stored as JSON text, covered by the record MAC but readable by anyone with the database. */
  PLAIN,
  /**
   * {@code @Encrypt}: sealed with AES256-GCM under the primary data key. Equal values give
   * different ciphertexts.
   */
  RANDOMIZED,
  /**
   * {@code @Encrypt(deterministic = true)}: sealed with AES256-SIV, and indexed by a keyed lookup
   * token (HMAC-SHA256 PRF of the canonical JSON) so that equal values can be found without a
   * table scan. The token reveals which records share a value, and nothing else.
   */
  DETERMINISTIC
}
