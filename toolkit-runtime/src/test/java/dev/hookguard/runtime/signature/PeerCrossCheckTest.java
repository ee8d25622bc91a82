package dev.hookguard.runtime.signature;

import static dev.hookguard.runtime.signature.TestRequests.fixedAt;
import static dev.hookguard.runtime.signature.TestRequests.headers;
import static dev.hookguard.runtime.signature.TestRequests.rejection;
import static dev.hookguard.runtime.signature.TestRequests.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook.Signature;
import com.stripe.net.Webhook.Util;
import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The providers' own libraries as test oracles: {@code com.standardwebhooks:standardwebhooks}
 * and {@code com.stripe:stripe-java}. What the peer signs we verify, what we sign the peer
 * verifies, over many seeded random bodies, ids, timestamps and secrets; tampered copies fail
 * with both.
 */
class PeerCrossCheckTest {

  private static final int ROUNDS = 300;
  private static final String ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  /** Bodies of every kind the peers' String-based APIs can carry: ASCII, JSON, any Unicode. */
  static String randomBody(Random random) {
    int length = random.nextInt(4) == 0 ? 0 : random.nextInt(2000);
    StringBuilder body = new StringBuilder(length);
    int kind = random.nextInt(3);
    while (body.length() < length) {
      if (kind == 0) {
        body.append((char) (0x20 + random.nextInt(0x5f)));
      } else if (kind == 1) {
        body.append("{\"k").append(random.nextInt(1000)).append("\":\"v\\n.\"}");
      } else {
        int codePoint = random.nextInt(0x10FFFF);
        if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
          continue;
        }
        body.appendCodePoint(codePoint);
      }
    }
    return body.toString();
  }

  static String randomToken(Random random, int min, int max) {
    int length = min + random.nextInt(max - min + 1);
    StringBuilder token = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      token.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
    }
    return token.toString();
  }

  static String randomWhsec(Random random) {
    byte[] key = new byte[24 + random.nextInt(41)];
    random.nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  static String tamper(Random random, String body) {
    if (body.isEmpty()) {
      return "x";
    }
    char[] chars = body.toCharArray();
    int at = random.nextInt(chars.length);
    chars[at] = chars[at] == 'a' ? 'b' : 'a';
    return new String(chars);
  }

  @Test
  void standardWebhooksPeerSignsAndWeVerify() throws Exception {
    Random random = new Random(20260101L);
    for (int i = 0; i < ROUNDS; i++) {
      String secret = randomWhsec(random);
      String id = "msg_" + randomToken(random, 1, 40);
      long timestamp = random.nextInt(Integer.MAX_VALUE);
      String body = randomBody(random);
      String header = new com.standardwebhooks.Webhook(secret).sign(id, timestamp, body);
      Map<String, List<String>> headers =
          headers("webhook-id", id, "webhook-timestamp", Long.toString(timestamp), "webhook-signature", header);
      WebhookSignature ours =
          Signatures.standardWebhooks(secret).withClock(fixedAt(timestamp + random.nextInt(601) - 300));

      ours.verify(headers, utf8(body));
      assertThat(rejection(ours, headers, utf8(tamper(random, body)))).isEqualTo(Reason.SIGNATURE_MISMATCH);
      assertThat(rejection(ours, TestRequests.with(headers, "webhook-id", id + "x"), utf8(body)))
          .isEqualTo(Reason.SIGNATURE_MISMATCH);
      assertThat(rejection(Signatures.standardWebhooks(randomWhsec(random)).withClock(fixedAt(timestamp)), headers, utf8(body)))
          .isEqualTo(Reason.SIGNATURE_MISMATCH);
    }
  }

  @Test
  void weSignAndTheStandardWebhooksPeerVerifies() throws Exception {
    Random random = new Random(20260102L);
    long now = Instant.now().getEpochSecond(); // the peer reads the system clock itself
    for (int i = 0; i < ROUNDS; i++) {
      String secret = randomWhsec(random);
      String id = "msg_" + randomToken(random, 1, 40);
      long timestamp = now + random.nextInt(481) - 240;
      String body = randomBody(random);
      Map<String, String> signed = Signatures.standardWebhooks(secret).sign(id, Instant.ofEpochSecond(timestamp), utf8(body));
      com.standardwebhooks.Webhook peer = new com.standardwebhooks.Webhook(secret);

      peerVerify(peer, body, headers(signed));
      assertThat(signed.get("webhook-signature")).isEqualTo(peer.sign(id, timestamp, body));
      String tampered = tamper(random, body);
      assertThatThrownBy(() -> peerVerify(peer, tampered, headers(signed)))
          .isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);
      assertThat(rejection(Signatures.standardWebhooks(secret).withClock(fixedAt(timestamp)), headers(signed), utf8(tampered)))
          .isEqualTo(Reason.SIGNATURE_MISMATCH);
    }
  }

  @Test
  void theStandardWebhooksPeerAcceptsARotationHeaderWeSign() throws Exception {
    Random random = new Random(20260103L);
    String oldSecret = randomWhsec(random);
    String newSecret = randomWhsec(random);
    long now = Instant.now().getEpochSecond();
    Map<String, String> signed = Signatures.standardWebhooks(oldSecret, newSecret).sign("msg_rot", Instant.ofEpochSecond(now), utf8("{}"));
    peerVerify(new com.standardwebhooks.Webhook(oldSecret), "{}", headers(signed));
    peerVerify(new com.standardwebhooks.Webhook(newSecret), "{}", headers(signed));
  }

  /**
   * Calls the peer's {@code verify(String, Map)}. A direct call does not compile here: javac's
   * overload resolution also inspects {@code verify(String, java.net.http.HttpHeaders)}, and the
   * runtime module (whose tests are compiled patched into it) does not read {@code java.net.http}.
   */
  static void peerVerify(com.standardwebhooks.Webhook peer, String body, Map<String, List<String>> headers)
      throws Exception {
    java.lang.reflect.Method verify =
        Class.forName("com.standardwebhooks.WebhookBase").getDeclaredMethod("verify", String.class, Map.class);
    verify.setAccessible(true);
    try {
      verify.invoke(peer, body, headers);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }

  static String randomStripeSecret(Random random) {
    return "whsec_" + randomToken(random, 32, 40);
  }

  static String stripeHeader(String secret, long timestamp, String body) throws Exception {
    return "t=" + timestamp + ",v1=" + Util.computeHmacSha256(secret, timestamp + "." + body);
  }

  @Test
  void stripePeerSignsAndWeVerify() throws Exception {
    Random random = new Random(20260104L);
    for (int i = 0; i < ROUNDS; i++) {
      String secret = randomStripeSecret(random);
      long timestamp = 1 + random.nextInt(Integer.MAX_VALUE - 1);
      String body = randomBody(random);
      Map<String, List<String>> headers = headers("Stripe-Signature", stripeHeader(secret, timestamp, body));
      WebhookSignature ours = Signatures.stripe(secret).withClock(fixedAt(timestamp + random.nextInt(301)));

      ours.verify(headers, utf8(body));
      assertThat(rejection(ours, headers, utf8(tamper(random, body)))).isEqualTo(Reason.SIGNATURE_MISMATCH);
      assertThat(rejection(Signatures.stripe(randomStripeSecret(random)).withClock(fixedAt(timestamp)), headers, utf8(body)))
          .isEqualTo(Reason.SIGNATURE_MISMATCH);
    }
  }

  @Test
  void weSignAndTheStripePeerVerifies() throws Exception {
    Random random = new Random(20260105L);
    for (int i = 0; i < ROUNDS; i++) {
      String secret = randomStripeSecret(random);
      long timestamp = 1 + random.nextInt(Integer.MAX_VALUE - 1);
      String body = randomBody(random);
      String header = Signatures.stripe(secret).sign("ignored", Instant.ofEpochSecond(timestamp), utf8(body)).get("Stripe-Signature");
      java.time.Clock clock = fixedAt(timestamp + random.nextInt(301));

      assertThat(Signature.verifyHeader(body, header, secret, 300, clock)).isTrue();
      assertThat(header).isEqualTo(stripeHeader(secret, timestamp, body));
      String tampered = tamper(random, body);
      assertThatThrownBy(() -> Signature.verifyHeader(tampered, header, secret, 300, clock))
          .isInstanceOf(SignatureVerificationException.class);
      assertThat(rejection(Signatures.stripe(secret).withClock(clock), headers("Stripe-Signature", header), utf8(tampered)))
          .isEqualTo(Reason.SIGNATURE_MISMATCH);
    }
  }

  @Test
  void theStripePeerAcceptsARotationHeaderWeSignWithEitherSecret() throws Exception {
    long now = 1_700_000_000L;
    String header = Signatures.stripe("whsec_old", "whsec_new").sign("", Instant.ofEpochSecond(now), utf8("{}")).get("Stripe-Signature");
    assertThat(Signature.verifyHeader("{}", header, "whsec_old", 300, fixedAt(now))).isTrue();
    assertThat(Signature.verifyHeader("{}", header, "whsec_new", 300, fixedAt(now))).isTrue();
  }

  @Test
  void stripeConstructEventAcceptsAnEventWeSign() throws Exception {
    String payload = "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"invoice.paid\",\"data\":{\"object\":{}}}";
    long now = Instant.now().getEpochSecond();
    String header = Signatures.stripe("whsec_event").sign("", Instant.ofEpochSecond(now), utf8(payload)).get("Stripe-Signature");
    Event event = com.stripe.net.Webhook.constructEvent(payload, header, "whsec_event");
    assertThat(event.getId()).isEqualTo("evt_1");
  }

  @Test
  void bothRefuseAStripeTimestampOnePastTheTolerance() throws Exception {
    long t = 1_700_000_000L;
    String header = stripeHeader("whsec_x", t, "{}");
    assertThatCode(() -> Signature.verifyHeader("{}", header, "whsec_x", 300, fixedAt(t + 300))).doesNotThrowAnyException();
    assertThatThrownBy(() -> Signature.verifyHeader("{}", header, "whsec_x", 300, fixedAt(t + 301)))
        .isInstanceOf(SignatureVerificationException.class);
    Signatures.stripe("whsec_x").withClock(fixedAt(t + 300)).verify(headers("Stripe-Signature", header), utf8("{}"));
    assertThat(rejection(Signatures.stripe("whsec_x").withClock(fixedAt(t + 301)), headers("Stripe-Signature", header), utf8("{}")))
        .isEqualTo(Reason.TIMESTAMP_TOO_OLD);
  }

  @Test
  void aMalformedV1CandidateBesideAValidOneIsIgnoredAsByStripe() throws Exception {
    long t = 1_700_000_000L;
    String valid = stripeHeader("whsec_x", t, "{}");
    for (String junk : List.of("v1=zz", "v1=" + "g".repeat(64), "v1=", "v1=abc")) {
      String header = valid + "," + junk;
      assertThat(Signature.verifyHeader("{}", header, "whsec_x", 300, fixedAt(t))).isTrue();
      Signatures.stripe("whsec_x").withClock(fixedAt(t)).verify(headers("Stripe-Signature", header), utf8("{}"));
      String junkFirst = "t=" + t + "," + junk + "," + valid.substring(valid.indexOf(",") + 1);
      assertThat(Signature.verifyHeader("{}", junkFirst, "whsec_x", 300, fixedAt(t))).isTrue();
      Signatures.stripe("whsec_x").withClock(fixedAt(t)).verify(headers("Stripe-Signature", junkFirst), utf8("{}"));
    }
    // Only malformed candidates: nothing can match; the reason says why.
    assertThat(rejection(Signatures.stripe("whsec_x").withClock(fixedAt(t)),
        headers("Stripe-Signature", "t=" + t + ",v1=zz"), utf8("{}")))
        .isEqualTo(Reason.MALFORMED_SIGNATURE);
  }
}
