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
 * Slack: {@code X-Slack-Signature: v0=<hex>}, HMAC-SHA256 keyed with the signing secret over
 * {@code v0:<X-Slack-Request-Timestamp>:<body>}.
 */
final class SlackSignature extends HmacSignature {

  static final String HEADER = "X-Slack-Signature";
  static final String TIMESTAMP = "X-Slack-Request-Timestamp";

  private SlackSignature(HmacKeys keys, Clock clock, Duration tolerance) {
    super(keys, clock, tolerance);
  }

  static SlackSignature of(String... secrets) {
    return new SlackSignature(
        new HmacKeys(Signatures.utf8Keys(secrets)), Clock.systemUTC(), DEFAULT_TOLERANCE);
  }

  @Override
  public void verify(Map<String, List<String>> headers, byte[] body)
      throws WebhookVerificationException {
    Objects.requireNonNull(headers, "headers");
    requireBody(body);
    String timestampText = HeaderReader.required(headers, TIMESTAMP);
    String header = HeaderReader.required(headers, HEADER);
    long timestamp = Timestamps.parseSeconds(timestampText, "header " + TIMESTAMP);
    int eq = header.indexOf('=');
    if (eq < 0) {
      throw new WebhookVerificationException(
          Reason.MALFORMED_HEADER, "header " + HEADER + " is not of the form v0=<hex>");
    }
    if (eq != 2 || !header.startsWith("v0")) {
      throw new WebhookVerificationException(
          Reason.UNSUPPORTED_VERSION, "header " + HEADER + " does not carry a v0 signature");
    }
    byte[] candidate =
        Codecs.hex(header, eq + 1, HmacKeys.MAC_LENGTH, "the signature of header " + HEADER);
    // The header's digits, checked above to be the number's own (no sign, no leading zero).
    requireMatch(List.of(candidate), HEADER, ascii("v0:" + timestampText + ":"), body);
    Timestamps.checkFresh(timestamp, clock, tolerance);
  }

  @Override
  public Map<String, String> sign(String messageId, Instant timestamp, byte[] body) {
    long seconds = Timestamps.toSigningSeconds(Objects.requireNonNull(timestamp, "timestamp"));
    requireBody(body);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(TIMESTAMP, Long.toString(seconds));
    headers.put(HEADER, "v0=" + Codecs.toHex(keys.primaryMac(ascii("v0:" + seconds + ":"), body)));
    return Collections.unmodifiableMap(headers);
  }

  /** Slack sends no message id header; Events API payloads carry an {@code event_id}. */
  @Override
  public Optional<String> messageId(Map<String, List<String>> headers) {
    Objects.requireNonNull(headers, "headers");
    return Optional.empty();
  }

  @Override
  public String scheme() {
    return "slack";
  }

  @Override
  BaseSignature copy(Clock clock, Duration tolerance) {
    return new SlackSignature(keys, clock, tolerance);
  }
}
