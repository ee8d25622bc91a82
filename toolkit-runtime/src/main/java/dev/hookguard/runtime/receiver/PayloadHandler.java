package dev.hookguard.runtime.receiver;

/**
 * The application's own work on a verified payload, run before it is stored. If it throws, the
 * receiver answers {@code 500}, stores nothing and reports nothing as accepted.
 *
 * @param <X> the payload type
 */
@FunctionalInterface
public interface PayloadHandler<X> {

  /**
   * Handles {@code payload}.
   *
   * @param messageId the provider's message id
   * @param payload the verified payload (plaintext: log it only through a redactor)
   * @throws Exception to refuse the webhook with {@code 500}; the exception is not logged beyond
   *     its class name, since its message may quote a value
   */
  void handle(String messageId, X payload) throws Exception;
}
