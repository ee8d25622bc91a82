package dev.hookguard.runtime.signature;

import static dev.hookguard.runtime.signature.TestRequests.fixedAt;
import static dev.hookguard.runtime.signature.TestRequests.headers;
import static dev.hookguard.runtime.signature.TestRequests.rejection;
import static dev.hookguard.runtime.signature.TestRequests.utf8;
import static dev.hookguard.runtime.signature.TestRequests.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** GitHub, Shopify and Slack specifics: no timestamp, message ids, hex case, the version prefix. */
class GitHubAndShopifySchemeTest {

  @Test
  void ignoreTimeEntirely() throws Exception {
    WebhookSignature github = Signatures.github("s").withClock(fixedAt(0)).withTolerance(Duration.ZERO);
    github.verify(headers(github.sign("d-1", Instant.ofEpochSecond(SchemeBehaviourTest.T), SchemeBehaviourTest.BODY)), SchemeBehaviourTest.BODY);
    WebhookSignature shopify = Signatures.shopify("s").withClock(fixedAt(0)).withTolerance(Duration.ZERO);
    shopify.verify(headers(shopify.sign("w-1", Instant.ofEpochSecond(SchemeBehaviourTest.T), SchemeBehaviourTest.BODY)), SchemeBehaviourTest.BODY);
  }

  @Test
  void deliveryAndWebhookIdsAreTheMessageIds() {
    assertThat(Signatures.github("s").messageId(headers("x-github-delivery", "72d3162e"))).contains("72d3162e");
    assertThat(Signatures.shopify("s").messageId(headers("X-Shopify-Webhook-Id", "b54557e4"))).contains("b54557e4");
    assertThat(Signatures.github("s").messageId(headers("X-GitHub-Delivery", "a", "X-GitHub-Delivery", "b"))).isEmpty();
  }

  @Test
  void githubSignaturesInUpperCaseHexVerify() throws Exception {
    assertThatCode(() -> Signatures.github(PublishedVectorsTest.GH_SECRET).verify(
        headers("X-Hub-Signature-256", "sha256=" + PublishedVectorsTest.GH_SIGNATURE.substring(7).toUpperCase(java.util.Locale.ROOT)),
        utf8(PublishedVectorsTest.GH_BODY))).doesNotThrowAnyException();
  }

  @Test
  void aVersionThatOnlyBeginsWithTheRightOneIsUnsupported() {
    WebhookSignature github = Signatures.github("s");
    String hex = github.sign("d-1", Instant.ofEpochSecond(SchemeBehaviourTest.T), SchemeBehaviourTest.BODY)
        .get("X-Hub-Signature-256").substring("sha256=".length());
    assertThat(rejection(github, headers("X-Hub-Signature-256", "sha256x=" + hex), SchemeBehaviourTest.BODY))
        .isEqualTo(Reason.UNSUPPORTED_VERSION);
    assertThat(rejection(github, headers("X-Hub-Signature-256", "sha25=" + hex), SchemeBehaviourTest.BODY))
        .isEqualTo(Reason.UNSUPPORTED_VERSION);

    WebhookSignature slack = Signatures.slack("s").withClock(fixedAt(SchemeBehaviourTest.T));
    Map<String, String> signed = slack.sign("m", Instant.ofEpochSecond(SchemeBehaviourTest.T), SchemeBehaviourTest.BODY);
    Map<String, List<String>> slackHeaders = headers(signed);
    String slackHex = signed.get("X-Slack-Signature").substring("v0=".length());
    assertThat(rejection(slack, with(slackHeaders, "X-Slack-Signature", "v0x=" + slackHex), SchemeBehaviourTest.BODY))
        .isEqualTo(Reason.UNSUPPORTED_VERSION);
    assertThat(rejection(slack, with(slackHeaders, "X-Slack-Signature", "v=" + slackHex), SchemeBehaviourTest.BODY))
        .isEqualTo(Reason.UNSUPPORTED_VERSION);
  }

  @Test
  void aSlackTimestampWithSpacesAroundItIsSignedAsItsDigits() throws Exception {
    WebhookSignature slack = Signatures.slack("s").withClock(fixedAt(SchemeBehaviourTest.T));
    Map<String, List<String>> headers = headers(
        slack.sign("m", Instant.ofEpochSecond(SchemeBehaviourTest.T), SchemeBehaviourTest.BODY));
    slack.verify(with(headers, "X-Slack-Request-Timestamp", " " + SchemeBehaviourTest.T + "\t"),
        SchemeBehaviourTest.BODY);
  }
}
