package dev.hookguard.runtime.signature;

import static dev.hookguard.runtime.signature.TestRequests.fixedAt;
import static dev.hookguard.runtime.signature.TestRequests.headers;
import static dev.hookguard.runtime.signature.TestRequests.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The examples each provider publishes in its own documentation, verified and reproduced
 * byte for byte.
 */
class PublishedVectorsTest {

  /**
   * Standard Webhooks / Svix reference vector (Svix "Verifying webhooks manually", repeated by
   * the Standard Webhooks libraries' tests).
   */
  static final String SW_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final String SW_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  static final long SW_TIMESTAMP = 1614265330L;
  static final String SW_BODY = "{\"test\": 2432232314}";
  static final String SW_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  /** GitHub "Validating webhook deliveries": testing the webhook payload validation. */
  static final String GH_SECRET = "It's a Secret to Everybody";
  static final String GH_BODY = "Hello, World!";
  static final String GH_SIGNATURE =
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

  /** Slack "Verifying requests from Slack": the worked example. */
  static final String SLACK_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final long SLACK_TIMESTAMP = 1531420618L;
  static final String SLACK_BODY =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
          + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
          + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com"
          + "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
          + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
  static final String SLACK_SIGNATURE =
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

  @Test
  void standardWebhooksVectorVerifies() {
    WebhookSignature signature =
        Signatures.standardWebhooks(SW_SECRET).withClock(fixedAt(SW_TIMESTAMP));
    assertThatCode(
            () ->
                signature.verify(
                    headers(
                        "webhook-id", SW_ID,
                        "webhook-timestamp", Long.toString(SW_TIMESTAMP),
                        "webhook-signature", SW_SIGNATURE),
                    utf8(SW_BODY)))
        .doesNotThrowAnyException();
  }

  @Test
  void standardWebhooksVectorIsReproducedBySigning() {
    assertThat(
            Signatures.standardWebhooks(SW_SECRET)
                .sign(SW_ID, Instant.ofEpochSecond(SW_TIMESTAMP), utf8(SW_BODY)))
        .containsEntry("webhook-id", SW_ID)
        .containsEntry("webhook-timestamp", "1614265330")
        .containsEntry("webhook-signature", SW_SIGNATURE);
  }

  @Test
  void standardWebhooksVectorVerifiesUnderSvixHeaderNames() {
    WebhookSignature signature =
        Signatures.standardWebhooks(SW_SECRET).withClock(fixedAt(SW_TIMESTAMP));
    assertThatCode(
            () ->
                signature.verify(
                    headers(
                        "svix-id", SW_ID,
                        "svix-timestamp", Long.toString(SW_TIMESTAMP),
                        "svix-signature", SW_SIGNATURE),
                    utf8(SW_BODY)))
        .doesNotThrowAnyException();
  }

  @Test
  void standardWebhooksVectorFailsWithOneByteOfBodyChanged() {
    WebhookSignature signature =
        Signatures.standardWebhooks(SW_SECRET).withClock(fixedAt(SW_TIMESTAMP));
    assertThatThrownBy(
            () ->
                signature.verify(
                    headers(
                        "webhook-id", SW_ID,
                        "webhook-timestamp", Long.toString(SW_TIMESTAMP),
                        "webhook-signature", SW_SIGNATURE),
                    utf8("{\"test\": 2432232315}")))
        .isInstanceOf(WebhookVerificationException.class)
        .extracting(e -> ((WebhookVerificationException) e).reason())
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void githubVectorVerifies() {
    assertThatCode(
            () ->
                Signatures.github(GH_SECRET)
                    .verify(headers("X-Hub-Signature-256", GH_SIGNATURE), utf8(GH_BODY)))
        .doesNotThrowAnyException();
  }

  @Test
  void githubVectorIsReproducedBySigning() {
    assertThat(
            Signatures.github(GH_SECRET)
                .sign("72d3162e-cc78-11e3-81ab-4c9367dc0958", Instant.EPOCH, utf8(GH_BODY)))
        .containsEntry("X-Hub-Signature-256", GH_SIGNATURE)
        .containsEntry("X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958");
  }

  @Test
  void slackVectorVerifiesAtItsOwnTime() {
    WebhookSignature signature =
        Signatures.slack(SLACK_SECRET).withClock(fixedAt(SLACK_TIMESTAMP));
    assertThatCode(
            () ->
                signature.verify(
                    headers(
                        "X-Slack-Request-Timestamp", Long.toString(SLACK_TIMESTAMP),
                        "X-Slack-Signature", SLACK_SIGNATURE),
                    utf8(SLACK_BODY)))
        .doesNotThrowAnyException();
  }

  @Test
  void slackVectorIsReproducedBySigning() {
    assertThat(
            Signatures.slack(SLACK_SECRET)
                .sign("ignored", Instant.ofEpochSecond(SLACK_TIMESTAMP), utf8(SLACK_BODY)))
        .containsEntry("X-Slack-Request-Timestamp", "1531420618")
        .containsEntry("X-Slack-Signature", SLACK_SIGNATURE);
  }

  @Test
  void slackVectorIsTooOldOnTheSystemClock() {
    assertThatThrownBy(
            () ->
                Signatures.slack(SLACK_SECRET)
                    .verify(
                        headers(
                            "X-Slack-Request-Timestamp", Long.toString(SLACK_TIMESTAMP),
                            "X-Slack-Signature", SLACK_SIGNATURE),
                        utf8(SLACK_BODY)))
        .isInstanceOf(WebhookVerificationException.class)
        .extracting(e -> ((WebhookVerificationException) e).reason())
        .isEqualTo(Reason.TIMESTAMP_TOO_OLD);
  }

  /**
   * Shopify publishes no test vector. This known answer was computed independently (Python's
   * {@code hmac} and {@code base64}) for the secret {@code hush} of Shopify's own Flask example.
   */
  @Test
  void shopifyKnownAnswerVerifiesAndIsReproduced() throws Exception {
    String body = "{\"id\":820982911946154508,\"email\":\"jon@example.com\"}";
    String expected = "D0UMXmhjwBRi4y66TmhJrDlhQABD7zI2fm3p6/QLMo8=";
    WebhookSignature shopify = Signatures.shopify("hush");
    shopify.verify(headers("X-Shopify-Hmac-Sha256", expected), utf8(body));
    assertThat(shopify.sign("b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", Instant.EPOCH, utf8(body)))
        .containsEntry("X-Shopify-Hmac-Sha256", expected)
        .containsEntry("X-Shopify-Webhook-Id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043");
  }
}
