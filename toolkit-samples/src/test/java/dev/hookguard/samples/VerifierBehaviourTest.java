package dev.hookguard.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookguard.runtime.json.JsonLimits;
import dev.hookguard.runtime.signature.ReplayGuard;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import dev.hookguard.samples.github.Account;
import dev.hookguard.samples.github.GitHubPush;
import dev.hookguard.samples.github.GitHubPushVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The generated verifier's steps, in order, and one test per reason it can give. */
class VerifierBehaviourTest {

  private static final String SECRET = "It's a Secret to Everybody";
  private static final String MARKER = "CANARY-4f1c9d0e";
  private final WebhookSignature github = Signatures.github(SECRET);
  private final GitHubPushVerifier verifier = GitHubPushVerifier.create(github);
  private final String push = new String(SamplePayloads.bundled("github-push.json"), StandardCharsets.UTF_8);

  private Map<String, List<String>> signed(String body) {
    return signed(body.getBytes(StandardCharsets.UTF_8), "delivery-1");
  }

  private Map<String, List<String>> signed(byte[] body, String delivery) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    github.sign(delivery, Instant.now(), body).forEach((k, v) -> headers.put(k, List.of(v)));
    return headers;
  }

  private static void assertReason(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(WebhookVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(reason))
        .message().doesNotContain(MARKER);
  }

  @Test
  void authenticPushIsReadWithEveryProperty() throws Exception {
    GitHubPush read = verifier.verify(signed(push), push.getBytes(StandardCharsets.UTF_8));
    assertThat(read.getRef()).isEqualTo("refs/heads/main");
    assertThat(read.getCommits()).hasSize(1);
    assertThat(read.getRepository().isPrivate()).isTrue();
    assertThat(read.getRepository().pushedAt()).isEqualTo(Instant.ofEpochSecond(1736869221));
    assertThat(read.getSender().type()).isEqualTo(Account.AccountType.User);
    assertThat(read.getPusher().email()).isEqualTo("mona.octocat@example.com");
  }

  @Test
  void oversizedBodyIsRefusedBeforeItsSignatureIsChecked() {
    GitHubPushVerifier small = GitHubPushVerifier.builder(github).maxBodyBytes(100).build();
    assertReason(() -> small.verify(Map.of(), push.getBytes(StandardCharsets.UTF_8)),
        Reason.PAYLOAD_TOO_LARGE);
  }

  @Test
  void forgedBodyIsRefusedBeforeAnyParsing() {
    // Garbage that the parser would refuse as malformed: with a forged signature the verifier
    // says SIGNATURE_MISMATCH, so the parser never saw it; signed, it reaches the parser.
    byte[] garbage = ("{{{" + MARKER).getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> forged = signed("something else entirely");
    assertReason(() -> verifier.verify(forged, garbage), Reason.SIGNATURE_MISMATCH);
    assertReason(() -> verifier.verify(signed(garbage, "d"), garbage), Reason.MALFORMED_PAYLOAD);
  }

  @Test
  void missingSignatureIsRefused() {
    assertReason(() -> verifier.verify(Map.of(), push.getBytes(StandardCharsets.UTF_8)),
        Reason.MISSING_HEADER);
  }

  @Test
  void replayedDeliveryIsRefused() throws Exception {
    GitHubPushVerifier guarded = GitHubPushVerifier.builder(github)
        .replayGuard(ReplayGuard.inMemory(Duration.ofMinutes(10), 1000))
        .build();
    byte[] body = push.getBytes(StandardCharsets.UTF_8);
    guarded.verify(signed(body, "delivery-42"), body);
    assertReason(() -> guarded.verify(signed(body, "delivery-42"), body), Reason.REPLAYED);
    assertThat(guarded.verify(signed(body, "delivery-43"), body)).isNotNull();
  }

  @Test
  void truncatedBodyIsMalformed() {
    String body = push.substring(0, push.length() / 2);
    assertReason(() -> verifier.verify(signed(body), body.getBytes(StandardCharsets.UTF_8)),
        Reason.MALFORMED_PAYLOAD);
  }

  @Test
  void invalidUtf8IsMalformed() {
    byte[] body = push.replace("refs/heads/main", "refs/heads/\u0000X")
        .getBytes(StandardCharsets.UTF_8);
    int at = push.indexOf("refs/heads/") + "refs/heads/".length();
    body[at] = (byte) 0xC3;
    body[at + 1] = (byte) 0x28; // 0xC3 must be followed by a continuation byte
    assertReason(() -> verifier.verify(signed(body, "d"), body), Reason.MALFORMED_PAYLOAD);
  }

  @Test
  void duplicateKeyIsMalformed() {
    String body = push.replaceFirst("\"ref\": \"refs/heads/main\",",
        "\"ref\": \"refs/heads/main\", \"ref\": \"refs/heads/" + MARKER + "\",");
    assertReason(() -> verifier.verify(signed(body), body.getBytes(StandardCharsets.UTF_8)),
        Reason.MALFORMED_PAYLOAD);
  }

  @Test
  void contentAfterTheDocumentIsMalformed() {
    String body = push + " {}";
    assertReason(() -> verifier.verify(signed(body), body.getBytes(StandardCharsets.UTF_8)),
        Reason.MALFORMED_PAYLOAD);
  }

  @Test
  void deepNestingExceedsTheLimitEvenInAnUnknownProperty() {
    String body = push.replaceFirst("\\{", "{\"extra\": " + "[".repeat(200) + "]".repeat(200) + ",");
    assertReason(() -> verifier.verify(signed(body), body.getBytes(StandardCharsets.UTF_8)),
        Reason.LIMIT_EXCEEDED);
  }

  @Test
  void hugeNumberExceedsTheLimit() {
    String body = push.replace("\"stargazers_count\": 3", "\"stargazers_count\": " + "9".repeat(500));
    assertReason(() -> verifier.verify(signed(body), body.getBytes(StandardCharsets.UTF_8)),
        Reason.LIMIT_EXCEEDED);
  }

  @Test
  void integerOutOfRangeIsInvalid() {
    String body = push.replace("\"stargazers_count\": 3", "\"stargazers_count\": 99999999999");
    assertReason(() -> verifier.verify(signed(body), body.getBytes(StandardCharsets.UTF_8)),
        Reason.INVALID_PAYLOAD);
  }

  @Test
  void longStringExceedsAConfiguredLimit() {
    GitHubPushVerifier strict = GitHubPushVerifier.builder(github)
        .limits(JsonLimits.defaults().withMaxStringLength(64)).build();
    String body = push.replace("Update README.md", MARKER.repeat(10));
    assertReason(() -> strict.verify(signed(body), body.getBytes(StandardCharsets.UTF_8)),
        Reason.LIMIT_EXCEEDED);
  }

  @Test
  void tooManyElementsExceedTheCollectionLimit() {
    GitHubPushVerifier strict = GitHubPushVerifier.builder(github)
        .limits(JsonLimits.defaults().withMaxCollectionSize(2)).build();
    String body = push.replace("\"topics\": [\"demo\", \"webhooks\"]",
        "\"topics\": [\"a\", \"b\", \"c\"]");
    assertReason(() -> strict.verify(signed(body), body.getBytes(StandardCharsets.UTF_8)),
        Reason.LIMIT_EXCEEDED);
  }

  @Test
  void missingRequiredPropertyIsInvalidAndNamed() {
    String body = push.replace("\"ref\": \"refs/heads/main\",", "");
    assertThatThrownBy(() -> verifier.verify(signed(body), body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(WebhookVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_PAYLOAD))
        .hasMessageContaining("'ref'");
  }

  @Test
  void nullForARequiredPropertyIsInvalid() {
    String body = push.replace("\"ref\": \"refs/heads/main\"", "\"ref\": null");
    assertReason(() -> verifier.verify(signed(body), body.getBytes(StandardCharsets.UTF_8)),
        Reason.INVALID_PAYLOAD);
  }

  @Test
  void wrongTypeIsInvalidWithoutShowingTheValue() {
    String body = push.replace("\"forced\": false", "\"forced\": \"" + MARKER + "\"");
    assertThatThrownBy(() -> verifier.verify(signed(body), body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(WebhookVerificationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_PAYLOAD))
        .hasMessageContaining("/forced")
        .message().doesNotContain(MARKER);
  }

  @Test
  void unknownPropertiesAreIgnoredByDefaultAndRefusedWhenAsked() throws Exception {
    String body = push.replaceFirst("\\{", "{\"added_by_github_later\": {\"x\": [1, 2]},");
    assertThat(verifier.verify(signed(body), body.getBytes(StandardCharsets.UTF_8)).getRef())
        .isEqualTo("refs/heads/main");
    GitHubPushVerifier strict =
        GitHubPushVerifier.builder(github).failOnUnknownProperties(true).build();
    assertReason(() -> strict.verify(signed(body), body.getBytes(StandardCharsets.UTF_8)),
        Reason.INVALID_PAYLOAD);
  }

  @Test
  void unknownEnumConstantReadsAsTheDeclaredFallback() throws Exception {
    String body = push.replace("\"type\": \"User\"", "\"type\": \"Mannequin\"");
    GitHubPush read = verifier.verify(signed(body), body.getBytes(StandardCharsets.UTF_8));
    assertThat(read.getSender().type()).isEqualTo(Account.AccountType.Unknown);
  }

  @Test
  void epochSecondsAndIsoStringsBothReadAsInstants() throws Exception {
    String body = push.replace("\"pushed_at\": 1736869221", "\"pushed_at\": \"2025-01-14T15:40:21Z\"");
    assertThat(verifier.verify(signed(body), body.getBytes(StandardCharsets.UTF_8))
        .getRepository().pushedAt()).isEqualTo(Instant.ofEpochSecond(1736869221));
  }
}
