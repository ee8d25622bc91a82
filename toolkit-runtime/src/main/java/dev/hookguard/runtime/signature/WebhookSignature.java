package dev.hookguard.runtime.signature;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One provider's webhook signature scheme, configured with its secrets: verifies that a request
 * was signed by the holder of one of those secrets (and, where the scheme carries a timestamp,
 * that it is fresh), and signs requests the way that provider does.
 *
 * <p>Obtain one from {@link Signatures}. Instances are immutable and thread-safe;
 * {@link #withClock(Clock)} and {@link #withTolerance(Duration)} return adjusted copies.
 * Their {@code toString()} names the scheme and the number of secrets, never a secret.
 *
 * <p>Header maps are read with case-insensitive names. {@code null} keys (as in
 * {@code HttpURLConnection#getHeaderFields()}) and empty value lists are ignored. Any malformed
 * request, whatever its shape, ends in a {@link WebhookVerificationException} with a precise
 * {@link WebhookVerificationException.Reason}; verification throws no other exception type for
 * request input.
 */
public interface WebhookSignature {

  /**
   * Verifies that {@code body} and the signed headers were signed with one of the configured
   * secrets, and that the signed timestamp (if the scheme has one) is within the tolerance of
   * this signature's clock, in the past or the future.
   *
   * @param headers the request headers, names in any letter case
   * @param body the raw request body, exactly as received (before any parsing)
   * @throws WebhookVerificationException if the request is not authentic, not fresh, or not of
   *     the scheme's shape
   */
  void verify(Map<String, List<String>> headers, byte[] body) throws WebhookVerificationException;

  /**
   * Verifies the request as {@link #verify(Map, byte[])} does, then records its message id with
   * {@code replayGuard}, refusing an id already seen within the guard's window.
   *
   * <p>The id is recorded only after the signature is verified, so forged requests cannot fill
   * the guard. Choose a guard window of at least twice the tolerance: a request is acceptable
   * from {@code tolerance} before to {@code tolerance} after its timestamp.
   *
   * @throws WebhookVerificationException as {@link #verify(Map, byte[])} does, or with {@link
   *     WebhookVerificationException.Reason#MISSING_MESSAGE_ID} when the request carries no
   *     message id, {@link WebhookVerificationException.Reason#REPLAYED} or {@link
   *     WebhookVerificationException.Reason#REPLAY_GUARD_FULL} from the guard
   */
  default void verify(Map<String, List<String>> headers, byte[] body, ReplayGuard replayGuard)
      throws WebhookVerificationException {
    verify(headers, body);
    String id =
        messageId(headers)
            .orElseThrow(
                () ->
                    new WebhookVerificationException(
                        WebhookVerificationException.Reason.MISSING_MESSAGE_ID,
                        "the " + scheme() + " request carries no message id to guard against replay"));
    replayGuard.checkAndRecord(id);
  }

  /**
   * Returns the headers a sender attaches to a request carrying {@code body}: the signature
   * header(s), and the id and timestamp headers where the scheme has them. For schemes that
   * sign a single value, the first configured secret signs; Standard Webhooks and Stripe sign
   * with every configured secret, as their providers do during a rotation.
   *
   * @param messageId the message id, for schemes that transmit one (Standard Webhooks, GitHub,
   *     Shopify); ignored by Stripe and Slack
   * @param timestamp the signing time, truncated to whole seconds; ignored by GitHub and Shopify
   * @param body the exact bytes that will be sent
   * @return header names (as the provider spells them) to values, in a stable order
   * @throws IllegalStateException if this signature holds only verification keys (Standard
   *     Webhooks {@code whpk_} public keys)
   * @throws IllegalArgumentException if {@code messageId} is empty or not printable US-ASCII
   *     where it is transmitted, or {@code timestamp} is before the epoch
   */
  Map<String, String> sign(String messageId, Instant timestamp, byte[] body);

  /**
   * Returns the message id the provider sent with this request, for replay protection and
   * idempotency: {@code webhook-id} (or {@code svix-id}) for Standard Webhooks,
   * {@code X-GitHub-Delivery} for GitHub, {@code X-Shopify-Webhook-Id} for Shopify. Stripe and
   * Slack send no message id; use the event id from the verified payload instead.
   *
   * <p>Call it after {@link #verify(Map, byte[])}. Only Standard Webhooks signs its id; the
   * GitHub and Shopify ids are not covered by the signature, so they dedupe redeliveries but
   * cannot stop a deliberate replay under a changed id.
   *
   * @return the id, or empty if the scheme sends none or the header is absent, repeated, empty,
   *     too long or not printable US-ASCII
   */
  Optional<String> messageId(Map<String, List<String>> headers);

  /**
   * Whether the signature covers the {@linkplain #messageId message id}: true for Standard
   * Webhooks only. Where it does not (GitHub, Shopify), whoever captured one delivery can resend
   * its signed body under any id, so a receipt store lets the body identify the delivery too.
   */
  default boolean signsMessageId() {
    return false;
  }

  /**
   * Returns a copy of this signature that reads the current time from {@code clock}.
   *
   * @param clock the clock timestamps are checked against
   */
  WebhookSignature withClock(Clock clock);

  /**
   * Returns a copy of this signature that accepts timestamps up to {@code tolerance} away from
   * the clock's current time, in the past or the future. A timestamp exactly at the limit is
   * accepted. The default is five minutes. Schemes without a timestamp (GitHub, Shopify) ignore
   * it.
   *
   * @param tolerance a non-negative duration
   * @throws IllegalArgumentException if {@code tolerance} is negative
   */
  WebhookSignature withTolerance(Duration tolerance);

  /**
   * The tolerance of the signed timestamp, for schemes that sign one (Standard Webhooks, Stripe,
   * Slack); empty for schemes that sign none (GitHub, Shopify), whose requests stay valid for
   * ever: only the message ids kept decide when a captured one can be replayed. Empty by default,
   * for schemes that do not tell.
   */
  default Optional<Duration> tolerance() {
    return Optional.empty();
  }

  /**
   * The length, in bytes, of the shortest shared secret configured, as the scheme uses it as an
   * HMAC key (the decoded bytes of a Standard Webhooks {@code whsec_} secret, the UTF-8 bytes of
   * the other providers' secrets); empty when the scheme holds no shared secret (only Ed25519
   * keys, whose length is fixed) or does not tell. A length, never the secret; for a posture
   * audit.
   */
  default OptionalInt shortestSecretBytes() {
    return OptionalInt.empty();
  }

  /** Returns the scheme's short name: {@code standard-webhooks}, {@code stripe}, {@code github}, {@code slack} or {@code shopify}. */
  String scheme();
}
