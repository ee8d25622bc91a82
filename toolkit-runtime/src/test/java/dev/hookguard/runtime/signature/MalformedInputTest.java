package dev.hookguard.runtime.signature;

import static dev.hookguard.runtime.signature.TestRequests.fixedAt;
import static dev.hookguard.runtime.signature.TestRequests.headers;
import static dev.hookguard.runtime.signature.TestRequests.rejection;
import static dev.hookguard.runtime.signature.TestRequests.rejectionException;
import static dev.hookguard.runtime.signature.TestRequests.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed shape ends in a {@link WebhookVerificationException} with a precise reason,
 * never another exception, and never with a header value or payload in its message.
 */
class MalformedInputTest {

  static final long T = 1_700_000_000L;
  static final byte[] BODY = utf8("{\"card\":\"4242424242424242\"}");
  static final String SW_SECRET = PublishedVectorsTest.SW_SECRET;
  static final String HEX64 = "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
  static final String B64_32 = "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
  static final String HUGE = "v".repeat(HeaderReader.MAX_VALUE_LENGTH + 1);

  static final WebhookSignature SW = Signatures.standardWebhooks(SW_SECRET).withClock(fixedAt(T));
  static final WebhookSignature STRIPE = Signatures.stripe("whsec_test").withClock(fixedAt(T));
  static final WebhookSignature GITHUB = Signatures.github("gh-s3cr3t-value");
  static final WebhookSignature SLACK = Signatures.slack("slack-s3cr3t-value").withClock(fixedAt(T));
  static final WebhookSignature SHOPIFY = Signatures.shopify("shop-s3cr3t-value");

  static Map<String, List<String>> sw(String id, String timestamp, String signature) {
    return headers("webhook-id", id, "webhook-timestamp", timestamp, "webhook-signature", signature);
  }

  static Map<String, List<String>> slack(String timestamp, String signature) {
    return headers("X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", signature);
  }

  static Arguments bad(String what, WebhookSignature signature, Map<String, List<String>> headers, Reason reason) {
    return Arguments.of(what, signature, headers, reason);
  }

  static Stream<Arguments> badRequests() {
    String ts = Long.toString(T);
    Map<String, List<String>> nullValue = new LinkedHashMap<>();
    nullValue.put("X-Hub-Signature-256", java.util.Arrays.asList((String) null));
    return Stream.of(
        // missing or empty
        bad("no headers at all", SW, headers(), Reason.MISSING_HEADER),
        bad("sw: no id", SW, headers("webhook-timestamp", ts, "webhook-signature", "v1," + B64_32), Reason.MISSING_HEADER),
        bad("sw: no timestamp", SW, headers("webhook-id", "m", "webhook-signature", "v1," + B64_32), Reason.MISSING_HEADER),
        bad("sw: empty signature", SW, sw("m", ts, ""), Reason.MISSING_HEADER),
        bad("sw: blank signature", SW, sw("m", ts, "   "), Reason.MISSING_HEADER),
        bad("stripe: no header", STRIPE, headers("X-Other", "1"), Reason.MISSING_HEADER),
        bad("github: empty header", GITHUB, headers("X-Hub-Signature-256", ""), Reason.MISSING_HEADER),
        bad("github: only a null value", GITHUB, nullValue, Reason.MISSING_HEADER),
        bad("github: only the legacy sha1 header", GITHUB, headers("X-Hub-Signature", "sha1=" + HEX64.substring(0, 40)), Reason.MISSING_HEADER),
        bad("slack: no timestamp", SLACK, headers("X-Slack-Signature", "v0=" + HEX64), Reason.MISSING_HEADER),
        bad("shopify: no header", SHOPIFY, headers(), Reason.MISSING_HEADER),
        // duplicated
        bad("github: two values", GITHUB, headers("X-Hub-Signature-256", "sha256=" + HEX64, "X-Hub-Signature-256", "sha256=" + HEX64), Reason.DUPLICATE_HEADER),
        bad("github: two names differing in case", GITHUB, headers("X-Hub-Signature-256", "sha256=" + HEX64, "x-hub-signature-256", "sha256=" + HEX64), Reason.DUPLICATE_HEADER),
        bad("sw: two timestamps", SW, headers("webhook-id", "m", "webhook-timestamp", ts, "Webhook-Timestamp", ts, "webhook-signature", "v1," + B64_32), Reason.DUPLICATE_HEADER),
        bad("slack: two signatures", SLACK, headers("X-Slack-Request-Timestamp", ts, "X-Slack-Signature", "v0=" + HEX64, "x-slack-signature", "v0=" + HEX64), Reason.DUPLICATE_HEADER),
        // huge
        bad("stripe: huge header", STRIPE, headers("Stripe-Signature", "t=" + ts + ",v1=" + HUGE), Reason.HEADER_TOO_LARGE),
        bad("sw: huge id", SW, sw(HUGE, ts, "v1," + B64_32), Reason.HEADER_TOO_LARGE),
        bad("sw: too many signatures", SW, sw("m", ts, ("v1," + B64_32 + " ").repeat(StandardWebhooksSignature.MAX_SIGNATURES + 1)), Reason.HEADER_TOO_LARGE),
        bad("stripe: too many elements", STRIPE, headers("Stripe-Signature", "t=" + ts + ",v0=1".repeat(StripeSignature.MAX_ELEMENTS)), Reason.HEADER_TOO_LARGE),
        // no separator, shape
        bad("github: no '='", GITHUB, headers("X-Hub-Signature-256", HEX64), Reason.MALFORMED_HEADER),
        bad("slack: no '='", SLACK, slack(ts, HEX64), Reason.MALFORMED_HEADER),
        bad("stripe: element without '='", STRIPE, headers("Stripe-Signature", "t=" + ts + ",v1"), Reason.MALFORMED_HEADER),
        bad("stripe: empty element", STRIPE, headers("Stripe-Signature", "t=" + ts + ",,v1=" + HEX64), Reason.MALFORMED_HEADER),
        bad("stripe: no t=", STRIPE, headers("Stripe-Signature", "v1=" + HEX64), Reason.MALFORMED_HEADER),
        bad("stripe: two t=", STRIPE, headers("Stripe-Signature", "t=" + ts + ",t=" + ts + ",v1=" + HEX64), Reason.MALFORMED_HEADER),
        bad("stripe: two headers joined by a proxy", STRIPE, headers("Stripe-Signature", "t=" + ts + ",v1=" + HEX64 + ", t=" + ts + ",v1=" + HEX64), Reason.MALFORMED_HEADER),
        bad("sw: entry without ','", SW, sw("m", ts, B64_32), Reason.MALFORMED_HEADER),
        bad("sw: entry starting with ','", SW, sw("m", ts, "," + B64_32), Reason.MALFORMED_HEADER),
        // non-ASCII and control characters
        bad("github: non-ASCII", GITHUB, headers("X-Hub-Signature-256", "sha256=" + HEX64.substring(1) + "é"), Reason.MALFORMED_HEADER),
        bad("sw: non-ASCII id", SW, sw("msg_ü", ts, "v1," + B64_32), Reason.MALFORMED_HEADER),
        bad("slack: NUL in timestamp", SLACK, slack(ts + "\0", "v0=" + HEX64), Reason.MALFORMED_HEADER),
        bad("stripe: CR LF", STRIPE, headers("Stripe-Signature", "t=" + ts + "\r\n,v1=" + HEX64), Reason.MALFORMED_HEADER),
        // unknown version
        bad("github: sha1=", GITHUB, headers("X-Hub-Signature-256", "sha1=" + HEX64), Reason.UNSUPPORTED_VERSION),
        bad("github: SHA256= in capitals", GITHUB, headers("X-Hub-Signature-256", "SHA256=" + HEX64), Reason.UNSUPPORTED_VERSION),
        bad("slack: v1=", SLACK, slack(ts, "v1=" + HEX64), Reason.UNSUPPORTED_VERSION),
        bad("stripe: only v0", STRIPE, headers("Stripe-Signature", "t=" + ts + ",v0=" + HEX64), Reason.UNSUPPORTED_VERSION),
        bad("sw: only v2", SW, sw("m", ts, "v2," + B64_32), Reason.UNSUPPORTED_VERSION),
        bad("sw: v1a without an Ed25519 key", SW, sw("m", ts, "v1a," + B64_32 + B64_32), Reason.UNSUPPORTED_VERSION),
        // bad encodings and lengths
        bad("github: not hex", GITHUB, headers("X-Hub-Signature-256", "sha256=" + "zz" + HEX64.substring(2)), Reason.MALFORMED_SIGNATURE),
        bad("github: too short", GITHUB, headers("X-Hub-Signature-256", "sha256=" + HEX64.substring(2)), Reason.MALFORMED_SIGNATURE),
        bad("github: too long", GITHUB, headers("X-Hub-Signature-256", "sha256=" + HEX64 + "00"), Reason.MALFORMED_SIGNATURE),
        bad("github: empty signature", GITHUB, headers("X-Hub-Signature-256", "sha256="), Reason.MALFORMED_SIGNATURE),
        bad("slack: not hex", SLACK, slack(ts, "v0=" + HEX64.replace('a', 'g')), Reason.MALFORMED_SIGNATURE),
        bad("stripe: v1 not hex", STRIPE, headers("Stripe-Signature", "t=" + ts + ",v1=" + HEX64.replace('e', 'x')), Reason.MALFORMED_SIGNATURE),
        bad("stripe: v1 short", STRIPE, headers("Stripe-Signature", "t=" + ts + ",v1=abcd"), Reason.MALFORMED_SIGNATURE),
        bad("sw: not base64", SW, sw("m", ts, "v1," + B64_32.replace('+', '*')), Reason.MALFORMED_SIGNATURE),
        bad("sw: wrong length", SW, sw("m", ts, "v1,AAAA"), Reason.MALFORMED_SIGNATURE),
        bad("sw: unpadded", SW, sw("m", ts, "v1," + B64_32.substring(0, 43)), Reason.MALFORMED_SIGNATURE),
        bad("sw: url-safe alphabet", SW, sw("m", ts, "v1," + B64_32.replace('+', '-').replace('/', '_')), Reason.MALFORMED_SIGNATURE),
        bad("sw: non-canonical trailing bits", SW, sw("m", ts, "v1," + B64_32.substring(0, 42) + "F="), Reason.MALFORMED_SIGNATURE),
        bad("shopify: not base64", SHOPIFY, headers("X-Shopify-Hmac-Sha256", "!".repeat(44)), Reason.MALFORMED_SIGNATURE),
        bad("shopify: hex instead of base64", SHOPIFY, headers("X-Shopify-Hmac-Sha256", HEX64), Reason.MALFORMED_SIGNATURE),
        bad("shopify: 31 bytes", SHOPIFY, headers("X-Shopify-Hmac-Sha256", java.util.Base64.getEncoder().encodeToString(new byte[31])), Reason.MALFORMED_SIGNATURE),
        // timestamps
        bad("sw: non-numeric timestamp", SW, sw("m", "soon", "v1," + B64_32), Reason.TIMESTAMP_MALFORMED),
        bad("sw: negative timestamp", SW, sw("m", "-" + ts, "v1," + B64_32), Reason.TIMESTAMP_MALFORMED),
        bad("sw: plus sign", SW, sw("m", "+" + ts, "v1," + B64_32), Reason.TIMESTAMP_MALFORMED),
        bad("sw: fractional timestamp", SW, sw("m", ts + ".5", "v1," + B64_32), Reason.TIMESTAMP_MALFORMED),
        bad("sw: milliseconds overflow the range", SW, sw("m", "1700000000000", "v1," + B64_32), Reason.TIMESTAMP_MALFORMED),
        bad("sw: beyond Long.MAX_VALUE", SW, sw("m", "99999999999999999999999", "v1," + B64_32), Reason.TIMESTAMP_MALFORMED),
        bad("sw: leading zero", SW, sw("m", "0" + ts, "v1," + B64_32), Reason.TIMESTAMP_MALFORMED),
        bad("sw: Arabic-Indic digits", SW, sw("m", "١٧٠٠٠٠٠٠٠٠", "v1," + B64_32), Reason.MALFORMED_HEADER),
        bad("stripe: empty t=", STRIPE, headers("Stripe-Signature", "t=,v1=" + HEX64), Reason.TIMESTAMP_MALFORMED),
        bad("stripe: hex t=", STRIPE, headers("Stripe-Signature", "t=0x6553f100,v1=" + HEX64), Reason.TIMESTAMP_MALFORMED),
        bad("slack: negative", SLACK, slack("-1", "v0=" + HEX64), Reason.TIMESTAMP_MALFORMED),
        bad("slack: exponent", SLACK, slack("1.7e9", "v0=" + HEX64), Reason.TIMESTAMP_MALFORMED),
        // well formed, wrong
        bad("sw: well formed but wrong", SW, sw("m", ts, "v1," + B64_32), Reason.SIGNATURE_MISMATCH),
        bad("stripe: well formed but wrong", STRIPE, headers("Stripe-Signature", "t=" + ts + ",v1=" + HEX64), Reason.SIGNATURE_MISMATCH),
        bad("github: well formed but wrong", GITHUB, headers("X-Hub-Signature-256", "sha256=" + HEX64), Reason.SIGNATURE_MISMATCH),
        bad("slack: well formed but wrong", SLACK, slack(ts, "v0=" + HEX64), Reason.SIGNATURE_MISMATCH),
        bad("shopify: well formed but wrong", SHOPIFY, headers("X-Shopify-Hmac-Sha256", B64_32), Reason.SIGNATURE_MISMATCH));
  }

  @ParameterizedTest(name = "{0} -> {3}")
  @MethodSource("badRequests")
  void isRefusedWithAPreciseReason(String what, WebhookSignature signature, Map<String, List<String>> headers, Reason reason) {
    assertThat(rejection(signature, headers, BODY)).isEqualTo(reason);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void theMessageQuotesNoHeaderValueNoSecretAndNoPayload(
      String what, WebhookSignature signature, Map<String, List<String>> headers, Reason reason) {
    String message = rejectionException(signature, headers, BODY).getMessage();
    assertThat(message).startsWith(reason.name()).doesNotContain("4242", "s3cr3t", "whsec_", "MfKQ9r8G");
    headers.values().stream().flatMap(List::stream).filter(v -> v != null && v.length() >= 4)
        .forEach(value -> assertThat(message).doesNotContain(value));
  }
}
