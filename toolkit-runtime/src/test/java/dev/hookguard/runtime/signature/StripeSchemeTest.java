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

/** Stripe specifics: v0 and unknown schemes ignored, several v1, element order. */
class StripeSchemeTest {

  final WebhookSignature signature = Signatures.stripe("whsec_test").withClock(fixedAt(SchemeBehaviourTest.T));

  String v1(String secret, long t) {
    String header = Signatures.stripe(secret).sign("", Instant.ofEpochSecond(t), SchemeBehaviourTest.BODY).get("Stripe-Signature");
    return header.substring(header.indexOf("v1="));
  }

  @Test
  void v0AndUnknownSchemesAreIgnored() throws Exception {
    signature.verify(headers("Stripe-Signature",
        "t=" + SchemeBehaviourTest.T + ",v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39," + v1("whsec_test", SchemeBehaviourTest.T) + ",v9=zz,scheme=x"), SchemeBehaviourTest.BODY);
  }

  @Test
  void anyOfSeveralV1SignaturesMayMatch() throws Exception {
    signature.verify(headers("Stripe-Signature", "t=" + SchemeBehaviourTest.T + "," + v1("whsec_other", SchemeBehaviourTest.T) + "," + v1("whsec_test", SchemeBehaviourTest.T)), SchemeBehaviourTest.BODY);
  }

  @Test
  void onlyV0IsUnsupported() {
    assertThat(rejection(signature, headers("Stripe-Signature",
        "t=" + SchemeBehaviourTest.T + ",v0=6ffbb59b2300aae63f272406069a9788598b792a944a07aba816edb039989a39"), SchemeBehaviourTest.BODY))
        .isEqualTo(Reason.UNSUPPORTED_VERSION);
  }

  @Test
  void elementOrderDoesNotMatter() throws Exception {
    signature.verify(headers("Stripe-Signature", v1("whsec_test", SchemeBehaviourTest.T) + ", t=" + SchemeBehaviourTest.T), SchemeBehaviourTest.BODY);
  }

  @Test
  void sendsNoMessageId() {
    assertThat(signature.messageId(headers("Stripe-Signature", "t=1,v1=00"))).isEmpty();
  }
}
