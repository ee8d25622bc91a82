/**
 * Keys. A {@link dev.hookguard.runtime.crypto.MasterKey} (key-encryption key: from the
 * environment, a KMS, or a development key file) wraps every data keyset; data keysets are
 * stored only wrapped. {@link dev.hookguard.runtime.crypto.KeyManager} rotates them, moves
 * existing records to the new keys ({@code reencrypt}) and destroys retired keys.
 *
 * <p>Data keysets (all Tink): AES256-GCM AEAD for randomized fields, AES256-SIV deterministic AEAD
 * for deterministic fields, HMAC-SHA256 MAC for record integrity, HMAC-SHA256 PRF for lookup
 * tokens. Primitives are built once per key generation and reused for every record.
 */
package dev.hookguard.runtime.crypto;
