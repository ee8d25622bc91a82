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

/** How each scheme behaves on well-formed requests: round trips, rotation, time, header names. */
class SchemeBehaviourTest {

  static final long T = 1_700_000_000L;
  static final byte[] BODY = utf8("{\"type\":\"invoice.paid\",\"amount\":4200}");
  static final String SW_OLD = "whsec_" + java.util.Base64.getEncoder().encodeToString(utf8("an-old-secret-of-24-bytes!"));
  static final String SW_NEW = "whsec_" + java.util.Base64.getEncoder().encodeToString(utf8("a-new-secret-of-24-bytes!!"));

  /** Every scheme, built from two secrets through the given factory. */
  static Stream<Arguments> schemes() {
    return Stream.of(
        Arguments.of("standard-webhooks", (Function<String[], WebhookSignature>) Signatures::standardWebhooks, new String[] {SW_OLD, SW_NEW}),
        Arguments.of("stripe", (Function<String[], WebhookSignature>) Signatures::stripe, new String[] {"whsec_old", "whsec_new"}),
        Arguments.of("github", (Function<String[], WebhookSignature>) Signatures::github, new String[] {"old secret", "new secret"}),
        Arguments.of("slack", (Function<String[], WebhookSignature>) Signatures::slack, new String[] {"old-slack-secret", "new-slack-secret"}),
        Arguments.of("shopify", (Function<String[], WebhookSignature>) Signatures::shopify, new String[] {"old-shopify", "new-shopify"}));
  }

  static Stream<Arguments> timedSchemes() {
    return schemes().filter(a -> !List.of("github", "shopify").contains(a.get()[0]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void whatItSignsItVerifies(String name, Function<String[], WebhookSignature> factory, String[] secrets)
      throws Exception {
    WebhookSignature signature = factory.apply(new String[] {secrets[0]}).withClock(fixedAt(T));
    signature.verify(headers(signature.sign("msg_1", Instant.ofEpochSecond(T), BODY)), BODY);
    assertThat(signature.scheme()).isEqualTo(name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void aChangedBodyFails(String name, Function<String[], WebhookSignature> factory, String[] secrets) {
    WebhookSignature signature = factory.apply(new String[] {secrets[0]}).withClock(fixedAt(T));
    Map<String, List<String>> headers = headers(signature.sign("msg_1", Instant.ofEpochSecond(T), BODY));
    byte[] changed = BODY.clone();
    changed[changed.length - 2] ^= 1;
    assertThat(rejection(signature, headers, changed)).isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void anotherSecretFails(String name, Function<String[], WebhookSignature> factory, String[] secrets) {
    WebhookSignature signer = factory.apply(new String[] {secrets[0]}).withClock(fixedAt(T));
    WebhookSignature verifier = factory.apply(new String[] {secrets[1]}).withClock(fixedAt(T));
    assertThat(rejection(verifier, headers(signer.sign("msg_1", Instant.ofEpochSecond(T), BODY)), BODY))
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void rotationAcceptsEitherSecret(String name, Function<String[], WebhookSignature> factory, String[] secrets)
      throws Exception {
    WebhookSignature rotating = factory.apply(secrets).withClock(fixedAt(T));
    for (String secret : secrets) {
      WebhookSignature sender = factory.apply(new String[] {secret});
      rotating.verify(headers(sender.sign("msg_1", Instant.ofEpochSecond(T), BODY)), BODY);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void headerNamesAreCaseInsensitive(String name, Function<String[], WebhookSignature> factory, String[] secrets)
      throws Exception {
    WebhookSignature signature = factory.apply(new String[] {secrets[0]}).withClock(fixedAt(T));
    Map<String, List<String>> lower = new LinkedHashMap<>();
    Map<String, List<String>> upper = new LinkedHashMap<>();
    signature.sign("msg_1", Instant.ofEpochSecond(T), BODY).forEach((k, v) -> {
      lower.put(k.toLowerCase(java.util.Locale.ROOT), List.of(v));
      upper.put(k.toUpperCase(java.util.Locale.ROOT), List.of(v));
    });
    signature.verify(lower, BODY);
    signature.verify(upper, BODY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void aNullHeaderNameAsFromHttpUrlConnectionIsIgnored(
      String name, Function<String[], WebhookSignature> factory, String[] secrets) throws Exception {
    WebhookSignature signature = factory.apply(new String[] {secrets[0]}).withClock(fixedAt(T));
    Map<String, List<String>> headers = new java.util.HashMap<>(headers(signature.sign("msg_1", Instant.ofEpochSecond(T), BODY)));
    headers.put(null, List.of("HTTP/1.1 200 OK"));
    headers.put("X-Empty", List.of());
    signature.verify(headers, BODY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timedSchemes")
  void exactlyAtThePastToleranceIsAccepted(String name, Function<String[], WebhookSignature> factory, String[] secrets)
      throws Exception {
    WebhookSignature signature = factory.apply(new String[] {secrets[0]});
    Map<String, List<String>> headers = headers(signature.sign("msg_1", Instant.ofEpochSecond(T), BODY));
    signature.withClock(fixedAt(T + 300)).verify(headers, BODY);
    assertThat(rejection(signature.withClock(fixedAt(T + 301)), headers, BODY)).isEqualTo(Reason.TIMESTAMP_TOO_OLD);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timedSchemes")
  void exactlyAtTheFutureToleranceIsAccepted(String name, Function<String[], WebhookSignature> factory, String[] secrets)
      throws Exception {
    WebhookSignature signature = factory.apply(new String[] {secrets[0]});
    Map<String, List<String>> headers = headers(signature.sign("msg_1", Instant.ofEpochSecond(T), BODY));
    signature.withClock(fixedAt(T - 300)).verify(headers, BODY);
    assertThat(rejection(signature.withClock(fixedAt(T - 301)), headers, BODY)).isEqualTo(Reason.TIMESTAMP_TOO_NEW);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timedSchemes")
  void aSubSecondPastTheLimitIsAlreadyTooOld(String name, Function<String[], WebhookSignature> factory, String[] secrets) {
    WebhookSignature signature = factory.apply(new String[] {secrets[0]});
    Map<String, List<String>> headers = headers(signature.sign("msg_1", Instant.ofEpochSecond(T), BODY));
    WebhookSignature late = signature.withClock(java.time.Clock.fixed(Instant.ofEpochSecond(T + 300, 1_000_000), java.time.ZoneOffset.UTC));
    assertThat(rejection(late, headers, BODY)).isEqualTo(Reason.TIMESTAMP_TOO_OLD);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timedSchemes")
  void toleranceCanBeNarrowedAndWidened(String name, Function<String[], WebhookSignature> factory, String[] secrets)
      throws Exception {
    WebhookSignature signature = factory.apply(new String[] {secrets[0]}).withClock(fixedAt(T + 60));
    Map<String, List<String>> headers = headers(signature.sign("msg_1", Instant.ofEpochSecond(T), BODY));
    signature.withTolerance(Duration.ofSeconds(60)).verify(headers, BODY);
    assertThat(rejection(signature.withTolerance(Duration.ofSeconds(59)), headers, BODY))
        .isEqualTo(Reason.TIMESTAMP_TOO_OLD);
    signature.withClock(fixedAt(T + 3600)).withTolerance(Duration.ofHours(1)).verify(headers, BODY);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timedSchemes")
  void zeroToleranceAcceptsOnlyTheSameSecond(String name, Function<String[], WebhookSignature> factory, String[] secrets)
      throws Exception {
    WebhookSignature signature = factory.apply(new String[] {secrets[0]}).withTolerance(Duration.ZERO);
    Map<String, List<String>> headers = headers(signature.sign("msg_1", Instant.ofEpochSecond(T), BODY));
    signature.withClock(fixedAt(T)).verify(headers, BODY);
    assertThat(rejection(signature.withClock(fixedAt(T + 1)), headers, BODY)).isEqualTo(Reason.TIMESTAMP_TOO_OLD);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void withClockAndWithToleranceReturnCopies(String name, Function<String[], WebhookSignature> factory, String[] secrets) {
    WebhookSignature original = factory.apply(new String[] {secrets[0]});
    assertThat(original.withClock(fixedAt(T))).isNotSameAs(original);
    assertThat(original.withTolerance(Duration.ofMinutes(1)).toString()).contains("PT1M");
    assertThat(original.toString()).contains("PT5M");
    assertThatThrownBy(() -> original.withTolerance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemes")
  void signingWithTheSeveralSecretsOfARotationStillVerifiesWithEachAlone(
      String name, Function<String[], WebhookSignature> factory, String[] secrets) throws Exception {
    WebhookSignature rotating = factory.apply(secrets);
    Map<String, List<String>> headers = headers(rotating.sign("msg_1", Instant.ofEpochSecond(T), BODY));
    factory.apply(new String[] {secrets[0]}).withClock(fixedAt(T)).verify(headers, BODY);
    if (name.equals("standard-webhooks") || name.equals("stripe")) {
      // These schemes carry one signature per secret, so the newer secret alone verifies too.
      factory.apply(new String[] {secrets[1]}).withClock(fixedAt(T)).verify(headers, BODY);
    }
  }
}
