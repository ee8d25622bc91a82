package dev.hookguard.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import dev.hookguard.samples.github.GitHubPushVerifier;
import dev.hookguard.samples.shopify.ShopifyOrderVerifier;
import dev.hookguard.samples.stripe.StripeEventVerifier;

/**
 * The generated readers of the sample types (with the default limits) on any bytes: they return
 * a payload or refuse with a typed reason, never another exception, and a refusal's message never
 * quotes the document. Each also reads back what it wrote.
 */
class PayloadReaderFuzzTest {

  private static final GitHubPushVerifier GITHUB =
      GitHubPushVerifier.create(Signatures.github("unused"));
  private static final ShopifyOrderVerifier SHOPIFY =
      ShopifyOrderVerifier.create(Signatures.shopify("unused"));
  private static final StripeEventVerifier STRIPE =
      StripeEventVerifier.create(Signatures.stripe("unused"));

  @FuzzTest(maxDuration = "5m")
  void gitHubPush(byte[] json) {
    try {
      var push = GITHUB.readTrusted(json);
      if (push != null) {
        // What the writer writes, the reader reads back to the same JSON.
        String written = GitHubPushVerifier.toJson(push);
        assertThat(GitHubPushVerifier.toJson(GITHUB.readTrusted(
            written.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).isEqualTo(written);
      }
    } catch (WebhookVerificationException e) {
      assertThat(e.reason()).isNotNull();
    }
  }

  @FuzzTest(maxDuration = "5m")
  void shopifyOrder(byte[] json) {
    try {
      SHOPIFY.readTrusted(json);
    } catch (WebhookVerificationException e) {
      assertThat(e.reason()).isNotNull();
    }
  }

  @FuzzTest(maxDuration = "5m")
  void stripeEvent(byte[] json) {
    try {
      STRIPE.readTrusted(json);
    } catch (WebhookVerificationException e) {
      assertThat(e.reason()).isNotNull();
    }
  }
}
