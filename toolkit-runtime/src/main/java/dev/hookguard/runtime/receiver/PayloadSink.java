package dev.hookguard.runtime.receiver;

/**
 * Where a verified payload is kept, such as the generated {@code XStore.put}. The receiver answers
 * 2xx only after {@link #accept} returned normally; if it throws, the sender is told to retry
 * ({@code 503}) and nothing is reported as accepted.
 *
 * @param <X> the payload type
 */
@FunctionalInterface
public interface PayloadSink<X> {

  /**
   * Keeps {@code payload} durably under {@code messageId}, or throws.
   *
   * @param messageId the provider's message id (see {@link WebhookReceiver.Builder#messageIds})
   * @param payload the verified payload
   * @throws Exception if it could not be kept; the exception is not logged beyond its class name,
   *     since its message may quote a value
   */
  void accept(String messageId, X payload) throws Exception;
}
