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
 * GitHub: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}. GitHub sends no
 * timestamp, so there is nothing to check freshness against; {@code X-GitHub-Delivery} is the
 * message id. The legacy SHA-1 {@code X-Hub-Signature} header is not consulted.
 */
final class GitHubSignature extends HmacSignature {

  static final String HEADER = "X-Hub-Signature-256";
  static final String DELIVERY = "X-GitHub-Delivery";
  /** The only version of signature the header carries: {@code sha256=<hex>}. */
  private static final String VERSION = "sha256";

  private GitHubSignature(HmacKeys keys, Clock clock, Duration tolerance) {
    super(keys, clock, tolerance);
  }

  static GitHubSignature of(String... secrets) {
    return new GitHubSignature(
        new HmacKeys(Signatures.utf8Keys(secrets)), Clock.systemUTC(), DEFAULT_TOLERANCE);
  }

  @Override
  public void verify(Map<String, List<String>> headers, byte[] body)
      throws WebhookVerificationException {
    Objects.requireNonNull(headers, "headers");
    requireBody(body);
    String header = HeaderReader.required(headers, HEADER);
    int eq = header.indexOf('=');
    if (eq < 0) {
      throw new WebhookVerificationException(
          Reason.MALFORMED_HEADER, "header " + HEADER + " is not of the form sha256=<hex>");
    }
    if (eq != VERSION.length() || !header.startsWith(VERSION)) {
      throw new WebhookVerificationException(
          Reason.UNSUPPORTED_VERSION, "header " + HEADER + " does not carry a sha256 signature");
    }
    byte[] candidate = Codecs.hex(
        header, eq + 1, HmacKeys.MAC_LENGTH, "the signature of header " + HEADER);
    requireMatch(List.of(candidate), HEADER, body);
  }

  @Override
  public Map<String, String> sign(String messageId, Instant timestamp, byte[] body) {
    checkSigningId(messageId);
    requireBody(body);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(HEADER, "sha256=" + Codecs.toHex(keys.primaryMac(body)));
    headers.put(DELIVERY, messageId);
    return Collections.unmodifiableMap(headers);
  }

  @Override
  public Optional<String> messageId(Map<String, List<String>> headers) {
    return messageIdHeader(headers, DELIVERY);
  }

  @Override
  public String scheme() {
    return "github";
  }

  @Override
  boolean signsTimestamp() {
    return false;
  }

  @Override
  BaseSignature copy(Clock clock, Duration tolerance) {
    return new GitHubSignature(keys, clock, tolerance);
  }
}
