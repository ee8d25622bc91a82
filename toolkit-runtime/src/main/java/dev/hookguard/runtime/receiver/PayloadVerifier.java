package dev.hookguard.runtime.receiver;

import dev.hookguard.runtime.signature.WebhookVerificationException;
import java.util.List;
import java.util.Map;

/**
 * Turns a raw request into a trusted payload, or refuses it: authenticates (signature, timestamp,
 * replay), then parses with limits, then validates. The generated {@code XVerifier.verify} has
 * this shape, so {@code OrderVerifier.create(signature)::verify} is one.
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
}
