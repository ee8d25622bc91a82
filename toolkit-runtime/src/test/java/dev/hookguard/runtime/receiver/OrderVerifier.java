package dev.hookguard.runtime.receiver;

import dev.hookguard.runtime.signature.ReplayGuard;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand-written stand-in for a generated verifier: the real signature check and replay guard,
 * then a deliberately tiny parse of {@code {"id":"…","email":"…"}}.
 */
final class OrderVerifier implements PayloadVerifier<Order> {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]*)\"");
  private static final Pattern EMAIL = Pattern.compile("\"email\"\\s*:\\s*\"([^\"]*)\"");

  private final WebhookSignature signature;
  private final ReplayGuard replayGuard;

  OrderVerifier(WebhookSignature signature, ReplayGuard replayGuard) {
    this.signature = signature;
    this.replayGuard = replayGuard;
  }

  @Override
  public Order verify(Map<String, List<String>> headers, byte[] body)
      throws WebhookVerificationException {
    signature.verify(headers, body, replayGuard);
    String json = new String(body, StandardCharsets.UTF_8).strip();
    if (!json.startsWith("{") || !json.endsWith("}")) {
      throw new WebhookVerificationException(Reason.MALFORMED_PAYLOAD, "the body is not a JSON object");
    }
    Matcher id = ID.matcher(json);
    if (!id.find() || id.group(1).isEmpty()) {
      throw new WebhookVerificationException(Reason.INVALID_PAYLOAD, "the required field id is missing");
    }
    Matcher email = EMAIL.matcher(json);
    return new Order(id.group(1), email.find() ? email.group(1) : null);
  }
}
