package dev.hookguard.runtime.receiver;

import dev.hookguard.runtime.signature.ReplayGuard;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns a raw request into a trusted payload, or refuses it: authenticates (signature, timestamp,
 * replay), then parses with limits, then validates.
 *
 * <p>A generated {@code XVerifier} is one, and tells the receiver what it was configured with
 * (its body limit, its signature scheme, its replay guard), so that {@code
 * WebhookReceiver.builder(Order.class, OrderVerifier.create(signature))} needs them set once. A
 * lambda or method reference ({@code OrderVerifier.create(signature)::verify}) is one too, and
 * tells nothing: the receiver's own settings and defaults apply.
 *
 * @param <X> the payload type
 */
@FunctionalInterface
public interface PayloadVerifier<X> {

  /**
   * Returns the verified payload; never {@code null} and never a partly trusted object.
   *
   * @param headers the request headers, names in any letter case
   * @param body the raw body
   * @throws WebhookVerificationException if the request is not authentic, fresh, new or valid;
   *     its {@link WebhookVerificationException#reason()} chooses the response status
   */
  X verify(Map<String, List<String>> headers, byte[] body) throws WebhookVerificationException;

  /** The largest body this verifier accepts, if it has a limit of its own; the receiver's default. */
  default OptionalInt maxBodyBytes() {
    return OptionalInt.empty();
  }

  /** The signature scheme this verifier checks, if known; the receiver reads message ids from it. */
  default Optional<WebhookSignature> signature() {
    return Optional.empty();
  }

  /** The replay guard this verifier records message ids in, if any. */
  default Optional<ReplayGuard> replayGuard() {
    return Optional.empty();
  }
}
