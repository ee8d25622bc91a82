package dev.hookguard.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every scheme's header parsing, on headers and bodies a sender controls: the only way to refuse
 * is a {@link WebhookVerificationException} with a reason, and its message never repeats a header
 * value. Any other exception (an index out of bounds, a number format error) is a finding.
 */
class SignatureHeaderFuzzTest {

  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

  /** Header names of every scheme, so that the fuzzer reaches each parser. */
  private static final List<String> NAMES = List.of(
      "webhook-id", "webhook-timestamp", "webhook-signature", "svix-id", "svix-timestamp",
      "svix-signature", "Stripe-Signature", "X-Hub-Signature-256", "X-GitHub-Delivery",
      "X-Slack-Signature", "X-Slack-Request-Timestamp", "X-Shopify-Hmac-Sha256",
      "X-Shopify-Webhook-Id");

  private static final List<WebhookSignature> SCHEMES = List.of(
      Signatures.standardWebhooks("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").withClock(CLOCK),
      Signatures.stripe("whsec_test_secret").withClock(CLOCK),
      Signatures.github("github-secret").withClock(CLOCK),
      Signatures.slack("slack-signing-secret").withClock(CLOCK),
      Signatures.shopify("shopify-secret").withClock(CLOCK));

  @FuzzTest(maxDuration = "5m")
  void everyRefusalIsTyped(FuzzedDataProvider data) {
    WebhookSignature scheme = SCHEMES.get(data.consumeInt(0, SCHEMES.size() - 1));
    Map<String, List<String>> headers = new LinkedHashMap<>();
    int count = data.consumeInt(0, 6);
    for (int i = 0; i < count; i++) {
      String name = data.consumeBoolean()
          ? NAMES.get(data.consumeInt(0, NAMES.size() - 1))
          : data.consumeString(24);
      headers.put(name, List.of(data.consumeString(400)));
    }
    byte[] body = data.consumeRemainingAsBytes();
    try {
      scheme.verify(headers, body);
    } catch (WebhookVerificationException e) {
      assertThat(e.reason()).isNotNull();
      for (List<String> values : headers.values()) {
        for (String value : values) {
          if (value.length() >= 12) {
            assertThat(e.getMessage()).doesNotContain(value);
          }
        }
      }
    }
  }
}
