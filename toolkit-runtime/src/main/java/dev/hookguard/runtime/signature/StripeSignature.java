package dev.hookguard.runtime.signature;

import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Stripe: {@code Stripe-Signature: t=<seconds>,v1=<hex>[,v1=<hex>…]}, HMAC-SHA256 keyed with the
 * whole endpoint secret (its {@code whsec_} prefix included) over {@code t.body}. Several
 * {@code v1} entries appear while a secret is being rolled; {@code v0} and unknown schemes are
 * ignored.
 */
final class StripeSignature extends HmacSignature {

  static final String HEADER = "Stripe-Signature";
  /** A timestamp, a handful of v1 and v0 signatures: far fewer elements than this. */
  static final int MAX_ELEMENTS = 16;

  private StripeSignature(HmacKeys keys, Clock clock, Duration tolerance) {
    super(keys, clock, tolerance);
  }

  static StripeSignature of(String... secrets) {
    return new StripeSignature(
        new HmacKeys(Signatures.utf8Keys(secrets)), Clock.systemUTC(), DEFAULT_TOLERANCE);
  }

  @Override
  public void verify(Map<String, List<String>> headers, byte[] body)
      throws WebhookVerificationException {
    Objects.requireNonNull(headers, "headers");
    requireBody(body);
    String header = HeaderReader.required(headers, HEADER);
    String[] elements = header.split(",", -1);
    if (elements.length > MAX_ELEMENTS) {
      throw new WebhookVerificationException(
          Reason.HEADER_TOO_LARGE, "header " + HEADER + " has more than " + MAX_ELEMENTS + " elements");
    }
    String timestampText = null;
    List<byte[]> v1 = new ArrayList<>();
    WebhookVerificationException malformed = null;
    for (String raw : elements) {
      String element = HeaderReader.trimSpaces(raw);
      int eq = element.indexOf('=');
      if (eq <= 0) {
        throw new WebhookVerificationException(
            Reason.MALFORMED_HEADER, "an element of header " + HEADER + " is not of the form key=value");
      }
      String key = element.substring(0, eq);
      String value = element.substring(eq + 1);
      if (key.equals("t")) {
        if (timestampText != null) {
          throw new WebhookVerificationException(
              Reason.MALFORMED_HEADER, "header " + HEADER + " has more than one t= timestamp");
        }
        timestampText = value;
      } else if (key.equals("v1")) {
        // A malformed candidate never matches, and does not spoil a well-formed one beside it:
        // Stripe's own libraries compare each candidate and accept on any match.
        try {
          v1.add(Codecs.hex(value, HmacKeys.MAC_LENGTH, "a v1 signature of header " + HEADER));
        } catch (WebhookVerificationException e) {
          malformed = e;
        }
      }
      // v0 (test-mode legacy) and unknown schemes are ignored, as Stripe's libraries do.
    }
    if (timestampText == null) {
      throw new WebhookVerificationException(
          Reason.MALFORMED_HEADER, "header " + HEADER + " has no t= timestamp");
    }
    long timestamp = Timestamps.parseSeconds(timestampText, "the t= timestamp of header " + HEADER);
    if (v1.isEmpty()) {
      if (malformed != null) {
        throw malformed;
      }
      throw new WebhookVerificationException(
          Reason.UNSUPPORTED_VERSION, "header " + HEADER + " has no v1 signature");
    }
    requireMatch(v1, HEADER, ascii(timestamp + "."), body);
    Timestamps.checkFresh(timestamp, clock, tolerance);
  }

  @Override
  public Map<String, String> sign(String messageId, Instant timestamp, byte[] body) {
    long seconds = Timestamps.toSigningSeconds(Objects.requireNonNull(timestamp, "timestamp"));
    requireBody(body);
    StringJoiner header = new StringJoiner(",");
    header.add("t=" + seconds);
    for (byte[] mac : keys.macs(ascii(seconds + "."), body)) {
      header.add("v1=" + Codecs.toHex(mac));
    }
    return Map.of(HEADER, header.toString());
  }

  /** Stripe sends no message id header; the event id is inside the payload. */
  @Override
  public Optional<String> messageId(Map<String, List<String>> headers) {
    Objects.requireNonNull(headers, "headers");
    return Optional.empty();
  }

  @Override
  public String scheme() {
    return "stripe";
  }

  @Override
  BaseSignature copy(Clock clock, Duration tolerance) {
    return new StripeSignature(keys, clock, tolerance);
  }
}
