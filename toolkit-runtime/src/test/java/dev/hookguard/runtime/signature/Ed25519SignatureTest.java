package dev.hookguard.runtime.signature;

import static dev.hookguard.runtime.signature.TestRequests.fixedAt;
import static dev.hookguard.runtime.signature.TestRequests.headers;
import static dev.hookguard.runtime.signature.TestRequests.rejection;
import static dev.hookguard.runtime.signature.TestRequests.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.google.crypto.tink.subtle.Ed25519Verify;
import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Standard Webhooks {@code v1a} (Ed25519) through the JDK, checked against Tink's independent
 * Ed25519 as the oracle, and against RFC 8032's first test key pair.
 */
class Ed25519SignatureTest {

  static final long T = 1_700_000_000L;
  /** RFC 8032, section 7.1, TEST 1: secret key (seed) and public key. */
  static final byte[] RFC_SEED = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  static final byte[] RFC_PUBLIC = hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

  static byte[] hex(String s) {
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Test
  void aWhskKeyDerivesTheRfc8032PublicKey() {
    assertThat(Ed25519Keys.derivePublic(RFC_SEED)).isEqualTo(RFC_PUBLIC);
  }

  @Test
  void tinkSignsAndAWhpkKeyVerifies() throws Exception {
    Random random = new Random(7L);
    for (int i = 0; i < 50; i++) {
      Ed25519Sign.KeyPair pair = Ed25519Sign.KeyPair.newKeyPair();
      byte[] body = new byte[random.nextInt(500)];
      random.nextBytes(body);
      String id = "msg_" + i;
      byte[] content = concat(utf8(id + "." + T + "."), body);
      String sig = b64(new Ed25519Sign(pair.getPrivateKey()).sign(content));
      WebhookSignature ours = Signatures.standardWebhooks("whpk_" + b64(pair.getPublicKey())).withClock(fixedAt(T));
      Map<String, List<String>> headers = headers("webhook-id", id, "webhook-timestamp", Long.toString(T), "webhook-signature", "v1a," + sig);

      ours.verify(headers, body);
      byte[] tampered = concat(body, new byte[] {1});
      assertThat(rejection(ours, headers, tampered)).isEqualTo(Reason.SIGNATURE_MISMATCH);
    }
  }

  @Test
  void aWhskKeySignsWhatTinkVerifies() throws Exception {
    WebhookSignature ours = Signatures.standardWebhooks("whsk_" + b64(RFC_SEED));
    byte[] body = utf8("{\"type\":\"user.created\"}");
    Map<String, String> signed = ours.sign("msg_1", Instant.ofEpochSecond(T), body);
    String header = signed.get("webhook-signature");
    assertThat(header).startsWith("v1a,");
    byte[] sig = Base64.getDecoder().decode(header.substring(4));
    new Ed25519Verify(RFC_PUBLIC).verify(sig, concat(utf8("msg_1." + T + "."), body));
    ours.withClock(fixedAt(T)).verify(headers(signed), body);
    Signatures.standardWebhooks("whpk_" + b64(RFC_PUBLIC)).withClock(fixedAt(T)).verify(headers(signed), body);
  }

  @Test
  void theLibsodium64ByteSecretKeyFormIsAccepted() throws Exception {
    WebhookSignature ours = Signatures.standardWebhooks("whsk_" + b64(concat(RFC_SEED, RFC_PUBLIC)));
    Map<String, String> signed = ours.sign("msg_1", Instant.ofEpochSecond(T), utf8("{}"));
    Signatures.standardWebhooks("whpk_" + b64(RFC_PUBLIC)).withClock(fixedAt(T)).verify(headers(signed), utf8("{}"));
    byte[] mismatched = concat(RFC_SEED, new byte[32]);
    assertThatThrownBy(() -> Signatures.standardWebhooks("whsk_" + b64(mismatched))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aForgedHeaderCostsAtMostOneEd25519VerificationPerKeyPlusOne() throws Exception {
    WebhookSignature sender = Signatures.standardWebhooks("whsk_" + b64(RFC_SEED));
    byte[] body = utf8("{}");
    String valid = sender.sign("msg_1", Instant.ofEpochSecond(T), body).get("webhook-signature");
    String forged = "v1a," + b64(new byte[64]);
    WebhookSignature verifier =
        Signatures.standardWebhooks("whpk_" + b64(RFC_PUBLIC)).withClock(fixedAt(T));

    // A rotating sender lists two signatures; with one key the second is within the budget (2).
    verifier.verify(signatureHeader(forged + " " + valid), body);
    // A third candidate is past the budget: never verified, so even a valid one there is refused.
    // (Before the budget, all 16 candidates of a forged header were verified against each key.)
    assertThat(rejection(verifier, signatureHeader(forged + " " + forged + " " + valid), body))
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
    // Two keys: a budget of three.
    WebhookSignature twoKeys =
        Signatures.standardWebhooks("whpk_" + b64(RFC_PUBLIC), "whpk_" + b64(new byte[32]))
            .withClock(fixedAt(T));
    twoKeys.verify(signatureHeader(valid + " " + forged), body);
    assertThat(rejection(twoKeys, signatureHeader(forged + " " + forged + " " + valid), body))
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  private static Map<String, List<String>> signatureHeader(String value) {
    return headers("webhook-id", "msg_1", "webhook-timestamp", Long.toString(T), "webhook-signature", value);
  }

  @Test
  void symmetricAndAsymmetricSignaturesMixInOneHeader() throws Exception {
    String whsec = PublishedVectorsTest.SW_SECRET;
    WebhookSignature sender = Signatures.standardWebhooks(whsec, "whsk_" + b64(RFC_SEED));
    Map<String, String> signed = sender.sign("msg_1", Instant.ofEpochSecond(T), utf8("{}"));
    assertThat(signed.get("webhook-signature").split(" ")).hasSize(2);
    Signatures.standardWebhooks(whsec).withClock(fixedAt(T)).verify(headers(signed), utf8("{}"));
    Signatures.standardWebhooks("whpk_" + b64(RFC_PUBLIC)).withClock(fixedAt(T)).verify(headers(signed), utf8("{}"));
  }

  @Test
  void aPublicKeyAloneCannotSign() {
    assertThatThrownBy(() -> Signatures.standardWebhooks("whpk_" + b64(RFC_PUBLIC)).sign("m", Instant.ofEpochSecond(T), new byte[0]))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aV1aSignatureOfTheWrongLengthIsMalformed() {
    WebhookSignature ours = Signatures.standardWebhooks("whpk_" + b64(RFC_PUBLIC)).withClock(fixedAt(T));
    assertThat(rejection(ours, headers("webhook-id", "m", "webhook-timestamp", Long.toString(T),
        "webhook-signature", "v1a," + b64(new byte[63])), new byte[0])).isEqualTo(Reason.MALFORMED_SIGNATURE);
  }

  @Test
  void anUndecodableV1aSignatureIsAMismatchNotACrash() {
    WebhookSignature ours = Signatures.standardWebhooks("whpk_" + b64(RFC_PUBLIC)).withClock(fixedAt(T));
    byte[] garbage = new byte[64];
    java.util.Arrays.fill(garbage, (byte) 0xff);
    assertThat(rejection(ours, headers("webhook-id", "m", "webhook-timestamp", Long.toString(T),
        "webhook-signature", "v1a," + b64(garbage)), new byte[0])).isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
