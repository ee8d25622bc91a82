package dev.hookguard.runtime.receiver;

/**
 * Counts what the receiver answers and how long it took. {@link MicrometerReceiverMetrics} is the
 * Micrometer implementation; this interface keeps Micrometer out of every class a receiver always
 * loads, so the receiver runs without Micrometer on the module path.
 *
 * <p>Implementations must be thread-safe and must not throw. Every value they see is an enum
 * constant, a status code, a duration or the configured payload type name.
 */
@FunctionalInterface
public interface ReceiverMetrics {

  /** Records one answered request. */
  void record(ReceiptEvent event);

  /** Metrics that record nothing: the default. */
  static ReceiverMetrics none() {
    return event -> {};
  }
}
