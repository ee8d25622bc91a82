package dev.hookguard.runtime.receiver;

/**
 * Told of every request the receiver answers, accepted or not, before the answer is sent; the audit
 * trail attaches here. Events hold no payload, header or address value.
 *
 * <p>For an accepted webhook, the listener is part of accepting it: if it throws, the receiver
 * answers {@code 500} (outcome {@link ReceiptEvent.Outcome#LISTENER_FAILED}) although the sink
 * already kept the payload. For any other outcome a throwing listener is logged by class name and
 * the answer stands. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ReceiptListener {

  /** Records {@code event}, or throws. */
  void onReceipt(ReceiptEvent event);
}
