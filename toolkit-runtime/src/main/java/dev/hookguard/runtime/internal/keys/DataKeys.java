package dev.hookguard.runtime.internal.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Mac;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.prf.Prf;
import com.google.crypto.tink.prf.PrfSet;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/**
 * One generation of the data keys, with their Tink primitives built once. Immutable and
 * thread-safe; the store keeps one and replaces it when the generation changes.
 */
public final class DataKeys {

  /** Length of a lookup token in bytes. */
  public static final int TOKEN_BYTES = 32;

  /** Domain separation: the PRF output that keys {@code Mask.HASH} pseudonyms, and nothing else. */
  private static final byte[] PSEUDONYM_KEY_INPUT =
      "hookguard.redaction.pseudonym-key.v1".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private final int generation;
  private final long revision;
  private final KeysetHandle aeadKeys;
  private final KeysetHandle daeadKeys;
  private final KeysetHandle macKeys;
  private final KeysetHandle prfKeys;
  private final Aead aead;
  private final DeterministicAead daead;
  private final Mac mac;
  private final PrfSet prf;

  DataKeys(
      int generation,
      long revision,
      KeysetHandle aeadKeys,
      KeysetHandle daeadKeys,
      KeysetHandle macKeys,
      KeysetHandle prfKeys)
      throws GeneralSecurityException {
    this.generation = generation;
    this.revision = revision;
    this.aeadKeys = aeadKeys;
    this.daeadKeys = daeadKeys;
    this.macKeys = macKeys;
    this.prfKeys = prfKeys;
    this.aead = aeadKeys.getPrimitive(RegistryConfiguration.get(), Aead.class);
    this.daead = daeadKeys.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
    this.mac = macKeys.getPrimitive(RegistryConfiguration.get(), Mac.class);
    this.prf = prfKeys.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
  }

  /** The key generation these keys belong to. */
  public int generation() {
    return generation;
  }

  /** The keyring revision these keys were loaded from (changes on rotation and destruction). */
  public long revision() {
    return revision;
  }

  /** AES256-GCM under the primary key. */
  public byte[] encryptRandomized(byte[] plaintext, byte[] associatedData)
      throws GeneralSecurityException {
    return aead.encrypt(plaintext, associatedData);
  }

  /** Opens an AES256-GCM ciphertext of any key of this generation's keyset. */
  public byte[] decryptRandomized(byte[] ciphertext, byte[] associatedData)
      throws GeneralSecurityException {
    return aead.decrypt(ciphertext, associatedData);
  }

  /** AES256-SIV under the primary key. */
  public byte[] encryptDeterministic(byte[] plaintext, byte[] associatedData)
      throws GeneralSecurityException {
    return daead.encryptDeterministically(plaintext, associatedData);
  }

  /** Opens an AES256-SIV ciphertext of any key of this generation's keyset. */
  public byte[] decryptDeterministic(byte[] ciphertext, byte[] associatedData)
      throws GeneralSecurityException {
    return daead.decryptDeterministically(ciphertext, associatedData);
  }

  /** HMAC-SHA256 tag under the primary MAC key. */
  public byte[] mac(byte[] data) throws GeneralSecurityException {
    return mac.computeMac(data);
  }

  /** Verifies a tag made by any MAC key of this keyset; throws if it does not match. */
  public void verifyMac(byte[] tag, byte[] data) throws GeneralSecurityException {
    mac.verifyMac(tag, data);
  }

  /**
   * Whether a MAC key of this keyring could have made {@code tag}: its Tink output prefix (a
   * version byte and the key id) names a key still in the keyset. A tag made by a destroyed key
   * can no longer be verified, which says nothing about what it covered.
   */
  public boolean hasMacKeyFor(byte[] tag) {
    if (tag.length < 5 || tag[0] != 0x01) {
      return false;
    }
    int keyId = ((tag[1] & 0xff) << 24) | ((tag[2] & 0xff) << 16) | ((tag[3] & 0xff) << 8)
        | (tag[4] & 0xff);
    for (int i = 0; i < macKeys.size(); i++) {
      if (macKeys.getAt(i).getId() == keyId) {
        return true;
      }
    }
    return false;
  }

  /** The lookup token of {@code input} under the primary PRF key. */
  public byte[] primaryToken(byte[] input) throws GeneralSecurityException {
    return prf.computePrimary(input, TOKEN_BYTES);
  }

  /**
   * The lookup tokens of {@code input} under every PRF key of the keyset, primary first: records
   * not yet re-encrypted after a rotation carry a token of an older key.
   */
  public List<byte[]> allTokens(byte[] input) throws GeneralSecurityException {
    List<byte[]> tokens = new ArrayList<>();
    tokens.add(primaryToken(input));
    for (var entry : prf.getPrfs().entrySet()) {
      if (entry.getKey() != prf.getPrimaryId()) {
        Prf key = entry.getValue();
        tokens.add(key.compute(input, TOKEN_BYTES));
      }
    }
    return tokens;
  }

  KeysetHandle aeadKeys() {
    return aeadKeys;
  }

  KeysetHandle daeadKeys() {
    return daeadKeys;
  }

  KeysetHandle macKeys() {
    return macKeys;
  }

  KeysetHandle prfKeys() {
    return prfKeys;
  }

  /**
   * Whether the PRF keyset has one key only: a lookup token then has one value, and no record
   * carries a token of an older key.
   */
  public boolean hasOneTokenKey() {
    return prfKeys.size() == 1;
  }

  /** The number of keys over all four keysets. */
  public int keyCount() {
    return aeadKeys.size() + daeadKeys.size() + macKeys.size() + prfKeys.size();
  }

  @Override
  public String toString() {
    return "DataKeys[generation=" + generation + ", revision=" + revision + ", keys=" + keyCount() + "]";
  }

  /**
   * The key of this store's {@code Mask.HASH} pseudonyms: derived from the primary PRF key, so
   * every instance on the database shows one value as one pseudonym (until a key rotation).
   */
  public byte[] pseudonymKey() throws GeneralSecurityException {
    return prf.computePrimary(PSEUDONYM_KEY_INPUT, TOKEN_BYTES);
  }
}
