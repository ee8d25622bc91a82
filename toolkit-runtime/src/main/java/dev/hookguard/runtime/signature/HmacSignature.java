package dev.hookguard.runtime.signature;

import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A scheme whose signature is an HMAC-SHA256 under one of several shared secrets (GitHub,
 * Shopify, Slack, Stripe): the secrets, and the one check all of them end with.
 */
abstract class HmacSignature extends BaseSignature {

  final HmacKeys keys;

  HmacSignature(HmacKeys keys, Clock clock, Duration tolerance) {
    super(clock, tolerance);
    this.keys = keys;
  }

  /**
   * Passes if any candidate equals the HMAC of the signed parts under any secret, every
   * comparison made in constant time; else {@code SIGNATURE_MISMATCH}, naming only the header.
   */
  void requireMatch(List<byte[]> candidates, String header, byte[]... signedParts)
      throws WebhookVerificationException {
    if (!keys.anyMatches(candidates, signedParts)) {
      throw new WebhookVerificationException(Reason.SIGNATURE_MISMATCH,
          "no signature in header " + header + " matches a configured secret");
    }
  }

  @Override
  public final java.util.OptionalInt shortestSecretBytes() {
    return keys.shortestKeyBytes();
  }

  @Override
  final int keyCount() {
    return keys.size();
  }
}
