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

/** Standard Webhooks specifics: several signatures, versions, signed id and timestamp, header families. */
class StandardWebhooksSchemeTest {

  final WebhookSignature signature = Signatures.standardWebhooks(SchemeBehaviourTest.SW_OLD).withClock(fixedAt(SchemeBehaviourTest.T));

  @Test
  void signsEveryConfiguredSecretSpaceSeparated() {
    String header = Signatures.standardWebhooks(SchemeBehaviourTest.SW_OLD, SchemeBehaviourTest.SW_NEW)
        .sign("msg_1", Instant.ofEpochSecond(SchemeBehaviourTest.T), SchemeBehaviourTest.BODY).get("webhook-signature");
    assertThat(header.split(" ")).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("v1,"));
  }

  @Test
  void oneMatchingSignatureAmongSeveralVerifies() throws Exception {
    Map<String, String> signed = signature.sign("msg_1", Instant.ofEpochSecond(SchemeBehaviourTest.T), SchemeBehaviourTest.BODY);
    String other = Signatures.standardWebhooks(SchemeBehaviourTest.SW_NEW).sign("msg_1", Instant.ofEpochSecond(SchemeBehaviourTest.T), SchemeBehaviourTest.BODY).get("webhook-signature");
    signature.verify(headers("webhook-id", "msg_1", "webhook-timestamp", Long.toString(SchemeBehaviourTest.T),
        "webhook-signature", other + "  " + signed.get("webhook-signature") + " v2,future-scheme"), SchemeBehaviourTest.BODY);
  }

  @Test
  void unknownVersionsAloneAreUnsupported() {
    assertThat(rejection(signature, headers("webhook-id", "msg_1", "webhook-timestamp", Long.toString(SchemeBehaviourTest.T),
        "webhook-signature", "v2,abc v1b,def"), SchemeBehaviourTest.BODY)).isEqualTo(Reason.UNSUPPORTED_VERSION);
  }

  @Test
  void theIdIsSigned() {
    Map<String, List<String>> headers = headers(signature.sign("msg_1", Instant.ofEpochSecond(SchemeBehaviourTest.T), SchemeBehaviourTest.BODY));
    assertThat(rejection(signature, with(headers, "webhook-id", "msg_2"), SchemeBehaviourTest.BODY)).isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void theTimestampIsSigned() {
    Map<String, List<String>> headers = headers(signature.sign("msg_1", Instant.ofEpochSecond(SchemeBehaviourTest.T), SchemeBehaviourTest.BODY));
    assertThat(rejection(signature, with(headers, "webhook-timestamp", Long.toString(SchemeBehaviourTest.T + 1)), SchemeBehaviourTest.BODY))
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void webhookHeadersWinOverSvixHeadersAndAreNotMixed() throws Exception {
    Map<String, String> signed = signature.sign("msg_1", Instant.ofEpochSecond(SchemeBehaviourTest.T), SchemeBehaviourTest.BODY);
    Map<String, List<String>> both = headers(signed);
    both.put("svix-id", List.of("msg_other"));
    both.put("svix-timestamp", List.of("1"));
    both.put("svix-signature", List.of("v1,AAAA"));
    signature.verify(both, SchemeBehaviourTest.BODY);
    assertThat(signature.messageId(both)).contains("msg_1");
  }

  @Test
  void messageIdComesFromTheHeaderFamilyInUse() {
    assertThat(signature.messageId(headers("svix-id", "msg_s", "svix-signature", "v1,x"))).contains("msg_s");
    assertThat(signature.messageId(headers("webhook-id", "msg_w"))).contains("msg_w");
    assertThat(signature.messageId(headers())).isEmpty();
  }

  @Test
  void aBareBase64SecretIsReadLikeAWhsecSecret() throws Exception {
    WebhookSignature bare = Signatures.standardWebhooks(SchemeBehaviourTest.SW_OLD.substring("whsec_".length())).withClock(fixedAt(SchemeBehaviourTest.T));
    bare.verify(headers(signature.sign("msg_1", Instant.ofEpochSecond(SchemeBehaviourTest.T), SchemeBehaviourTest.BODY)), SchemeBehaviourTest.BODY);
  }

  /** Headers for msg_1 at T whose signature header is {@code signatureHeader(valid)}. */
  private Map<String, List<String>> signedWith(Function<String, String> signatureHeader) {
    String valid = signature.sign("msg_1", Instant.ofEpochSecond(SchemeBehaviourTest.T),
        SchemeBehaviourTest.BODY).get("webhook-signature");
    return headers("webhook-id", "msg_1", "webhook-timestamp", Long.toString(SchemeBehaviourTest.T),
        "webhook-signature", signatureHeader.apply(valid));
  }

  @Test
  void entriesAreReadBetweenSpacesHoweverManyAroundThem() throws Exception {
    signature.verify(signedWith(valid -> "  v2,a   " + valid + "\t "), SchemeBehaviourTest.BODY);
    signature.verify(signedWith(valid -> valid + "    v2,b"), SchemeBehaviourTest.BODY);
  }

  @Test
  void anEntryWithoutItsOwnCommaIsMalformedEvenIfALaterEntryHasOne() {
    assertThat(rejection(signature, signedWith(valid -> "x " + valid), SchemeBehaviourTest.BODY))
        .isEqualTo(Reason.MALFORMED_HEADER);
    assertThat(rejection(signature, signedWith(valid -> valid + " ,v1"), SchemeBehaviourTest.BODY))
        .isEqualTo(Reason.MALFORMED_HEADER);
  }

  @Test
  void anEmptyOrCommaStartedSignatureValueIsMalformed() {
    assertThat(rejection(signature, signedWith(valid -> "v1, " + valid), SchemeBehaviourTest.BODY))
        .isEqualTo(Reason.MALFORMED_SIGNATURE);
    assertThat(rejection(signature, signedWith(valid -> "v1,,x " + valid), SchemeBehaviourTest.BODY))
        .isEqualTo(Reason.MALFORMED_SIGNATURE);
  }

  @Test
  void sixteenEntriesAreReadAndASeventeenthIsTooMany() throws Exception {
    signature.verify(signedWith(valid -> "v2,x ".repeat(15) + valid), SchemeBehaviourTest.BODY);
    assertThat(rejection(signature, signedWith(valid -> "v2,x ".repeat(16) + valid),
        SchemeBehaviourTest.BODY)).isEqualTo(Reason.HEADER_TOO_LARGE);
  }

  @Test
  void aTimestampWithSpacesAroundItIsSignedAsItsDigits() throws Exception {
    Map<String, List<String>> headers = signedWith(valid -> valid);
    signature.verify(with(headers, "webhook-timestamp", " \t" + SchemeBehaviourTest.T + " "),
        SchemeBehaviourTest.BODY);
  }

  @Test
  void aSignatureHeaderWithOnlyNullValuesLeavesTheSvixFamilyInUse() throws Exception {
    Map<String, String> signed = signature.sign("msg_1", Instant.ofEpochSecond(SchemeBehaviourTest.T),
        SchemeBehaviourTest.BODY);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("webhook-signature", java.util.Collections.singletonList(null));
    headers.put("svix-id", List.of("msg_1"));
    headers.put("svix-timestamp", List.of(Long.toString(SchemeBehaviourTest.T)));
    headers.put("svix-signature", List.of(signed.get("webhook-signature")));
    signature.verify(headers, SchemeBehaviourTest.BODY);
    assertThat(signature.messageId(headers)).contains("msg_1");
  }
}
