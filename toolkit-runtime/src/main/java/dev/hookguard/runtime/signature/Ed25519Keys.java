package dev.hookguard.runtime.signature;

import com.google.crypto.tink.subtle.Ed25519Sign;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 keys of the Standard Webhooks {@code v1a} scheme, built from the raw 32-byte forms
 * that {@code whpk_} and {@code whsk_} serialize, and used through the JDK's Ed25519.
 */
final class Ed25519Keys {

  static final int KEY_LENGTH = 32;
  static final int SIGNATURE_LENGTH = 64;

  /** DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519 (OID 1.3.101.112), then the key. */
  private static final byte[] X509_PREFIX = {
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
  };

  /** DER prefix of a PKCS #8 PrivateKeyInfo for Ed25519, then the 32-byte seed. */
  private static final byte[] PKCS8_PREFIX = {
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
  };

  private Ed25519Keys() {}

  static PublicKey publicKey(byte[] raw) {
    if (raw.length != KEY_LENGTH) {
      throw new IllegalArgumentException("an Ed25519 public key must be " + KEY_LENGTH + " bytes");
    }
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a valid Ed25519 public key");
    }
  }

  static PrivateKey privateKey(byte[] seed) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a valid Ed25519 secret key");
    }
  }

  /** The raw public key belonging to a 32-byte seed (the JDK offers no public derivation). */
  static byte[] derivePublic(byte[] seed) {
    try {
      return Ed25519Sign.KeyPair.newKeyPairFromSeed(seed).getPublicKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a valid Ed25519 secret key");
    }
  }

  static byte[] sign(PrivateKey key, byte[]... parts) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(key);
      for (byte[] part : parts) {
        signature.update(part);
      }
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /** Whether {@code candidate} is a valid signature of the concatenated {@code parts}. */
  static boolean verify(PublicKey key, byte[] candidate, byte[]... parts) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initVerify(key);
      for (byte[] part : parts) {
        signature.update(part);
      }
      return signature.verify(candidate);
    } catch (SignatureException e) {
      return false; // a signature the JDK cannot even decode does not verify
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("an Ed25519 public key was rejected", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is unavailable", e);
    }
  }

  static boolean sameBytes(byte[] a, byte[] b) {
    return Arrays.equals(a, b);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
