package dev.hookguard.runtime.receiver;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;

/**
 * {@link ReceiverMetrics} on a Micrometer {@link MeterRegistry}:
 *
 * <ul>
 *   <li>counter {@value #RECEIVED}, tags {@code type}, {@code outcome} (a {@link
 *       ReceiptEvent.Outcome} name) and {@code reason} (a {@link
 *       dev.hookguard.runtime.signature.WebhookVerificationException.Reason} name, or {@code NONE});
 *   <li>timer {@value #LATENCY}, tags {@code type} and {@code outcome}.
 * </ul>
 *
 * <p>Tag values come only from enums and from the configured payload type name, never from a
 * request, so their number is bounded and none is sensitive. This is the only receiver class that
 * names Micrometer: Micrometer ({@code micrometer.core}, an optional dependency) must be present
 * only for applications that use it.
 *
 * <pre>{@code
 * WebhookReceiver.builder(Order.class, verifier)
 *     .metrics(MicrometerReceiverMetrics.of(meterRegistry))
 * }</pre>
 */
public final class MicrometerReceiverMetrics implements ReceiverMetrics {

  /** The name of the counter of answered requests. */
  public static final String RECEIVED = "hookguard.webhooks.received";
  /** The name of the timer of time from receipt to answer. */
  public static final String LATENCY = "hookguard.webhooks.latency";
  /** The {@code reason} tag value when there is no verification reason. */
  public static final String NO_REASON = "NONE";

  private final MeterRegistry registry;

  private MicrometerReceiverMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Metrics recorded in {@code registry}. */
  public static MicrometerReceiverMetrics of(MeterRegistry registry) {
    return new MicrometerReceiverMetrics(Objects.requireNonNull(registry, "registry"));
  }

  @Override
  public void record(ReceiptEvent event) {
    String outcome = event.outcome().name();
    Counter.builder(RECEIVED)
        .description("Webhook requests answered, by outcome and reason")
        .tag("type", event.payloadType())
        .tag("outcome", outcome)
        .tag("reason", event.reason().map(Enum::name).orElse(NO_REASON))
        .register(registry)
        .increment();
    Timer.builder(LATENCY)
        .description("Time from receipt of a webhook request to its answer")
        .tag("type", event.payloadType())
        .tag("outcome", outcome)
        .register(registry)
        .record(event.latency());
  }

  @Override
  public String toString() {
    return "MicrometerReceiverMetrics[" + registry.getClass().getSimpleName() + "]";
  }
}
