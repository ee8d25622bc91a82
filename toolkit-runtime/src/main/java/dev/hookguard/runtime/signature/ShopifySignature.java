package dev.hookguard.runtime.signature;

import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Shopify: {@code X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256 of the body>}, keyed with the app's
 * client secret. Shopify signs no timestamp; {@code X-Shopify-Webhook-Id} is the message id.
 */
final class ShopifySignature extends HmacSignature {

  static final String HEADER = "X-Shopify-Hmac-Sha256";
  static final String WEBHOOK_ID = "X-Shopify-Webhook-Id";

  private ShopifySignature(HmacKeys keys, Clock clock, Duration tolerance) {
    super(keys, clock, tolerance);
  }

  static ShopifySignature of(String... secrets) {
    return new ShopifySignature(
        new HmacKeys(Signatures.utf8Keys(secrets)), Clock.systemUTC(), DEFAULT_TOLERANCE);
  }

  @Override
  public void verify(Map<String, List<String>> headers, byte[] body)
      throws WebhookVerificationException {
    Objects.requireNonNull(headers, "headers");
    requireBody(body);
    String header = HeaderReader.required(headers, HEADER);
    byte[] candidate = Codecs.base64(header, HmacKeys.MAC_LENGTH, "the signature of header " + HEADER);
    requireMatch(List.of(candidate), HEADER, body);
  }

  @Override
  public Map<String, String> sign(String messageId, Instant timestamp, byte[] body) {
    checkSigningId(messageId);
    requireBody(body);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(HEADER, Codecs.toBase64(keys.primaryMac(body)));
    headers.put(WEBHOOK_ID, messageId);
    return Collections.unmodifiableMap(headers);
  }

  @Override
  public Optional<String> messageId(Map<String, List<String>> headers) {
    return messageIdHeader(headers, WEBHOOK_ID);
  }

  @Override
  public String scheme() {
    return "shopify";
  }

  @Override
  boolean signsTimestamp() {
    return false;
  }

  @Override
  BaseSignature copy(Clock clock, Duration tolerance) {
    return new ShopifySignature(keys, clock, tolerance);
  }
}
