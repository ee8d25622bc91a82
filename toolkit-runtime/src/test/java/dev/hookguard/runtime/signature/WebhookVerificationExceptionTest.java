package dev.hookguard.runtime.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A refusal is an answer to input: typed, with a safe message, and no stack walk to pay for. */
class WebhookVerificationExceptionTest {

  @Test
  void aForgedBodyIsRefusedWithAReasonAndNoStackTrace() {
    WebhookSignature github = Signatures.github("secret");
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    github.sign("delivery-1", java.time.Instant.now(), body)
        .forEach((name, value) -> headers.put(name, List.of(value)));

    WebhookVerificationException refused = catchThrowableOfType(
        WebhookVerificationException.class,
        () -> github.verify(headers, "{\"a\":2}".getBytes(StandardCharsets.UTF_8)));

    assertThat(refused.reason()).isEqualTo(WebhookVerificationException.Reason.SIGNATURE_MISMATCH);
    assertThat(refused.getStackTrace()).isEmpty();
    assertThat(refused.getMessage()).startsWith("SIGNATURE_MISMATCH: ");
  }
}
