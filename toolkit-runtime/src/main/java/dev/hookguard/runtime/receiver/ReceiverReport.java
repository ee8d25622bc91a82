package dev.hookguard.runtime.receiver;

import dev.hookguard.runtime.receiver.ReceiptEvent.Outcome;
import dev.hookguard.runtime.redact.Redactor;
import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * How a {@link WebhookReceiver} reports each answer: one {@link ReceiptEvent} to the listener
 * and the metrics, one log line, and the response built from the event. Nothing sensitive is
 * reported: no header value, no address, no exception message (only its class), the payload only
 * through the redactor, and message ids only as {@link #loggable} lets them through.
 *
 * @param <X> the payload type
 */
final class ReceiverReport<X> {

  private static final int MAX_LOGGED_ID_LENGTH = 128;

  /** Refusal lines written per second at most; the rest are counted, not written. */
  static final int REFUSALS_LOGGED_PER_SECOND = 20;

  private final String payloadType;
  private final Redactor<X> redactor;
  private final ReceiptListener listener;
  private final ReceiverMetrics metrics;
  private final Clock clock;
  private final Logger log;
  private final LogSampler refusals;

  ReceiverReport(
      String payloadType,
      Redactor<X> redactor,
      ReceiptListener listener,
      ReceiverMetrics metrics,
      Clock clock,
      Logger log) {
    this.payloadType = payloadType;
    this.redactor = redactor;
    this.listener = listener;
    this.metrics = metrics;
    this.clock = clock;
    this.log = log;
    this.refusals = new LogSampler(REFUSALS_LOGGED_PER_SECOND, clock);
  }

  /** 413, for a body over the limit (declared, read, or seen by an adapter while reading). */
  WebhookResponse tooLarge(long startNanos) {
    return answer(Outcome.PAYLOAD_TOO_LARGE, null, null, startNanos, Map.of("Connection", "close"));
  }

  /** A replay guard could not forget an id: logged, the answer stands. */
  void forgetFailed(String messageId, RuntimeException e) {
    log.warn(
        "replay guard could not forget a message id: type={} id={} error={}",
        payloadType,
        loggable(messageId),
        e.getClass().getName());
  }

  WebhookResponse accepted(X payload, String messageId, long start, boolean audited) {
    ReceiptEvent event = event(Outcome.ACCEPTED, null, messageId, start, audited);
    try {
      listener.onReceipt(event);
    } catch (RuntimeException e) {
      return failed(Outcome.LISTENER_FAILED, e, messageId, start);
    }
    metrics.record(event);
    if (log.isInfoEnabled()) {
      log.info(
          "webhook accepted: type={} id={} status={} payload={}",
          payloadType,
          loggable(messageId),
          event.status(),
          redactor == null ? "[not logged]" : redacted(payload));
    }
    return response(event, Map.of());
  }

  WebhookResponse failed(Outcome outcome, Exception cause, String messageId, long start) {
    ReceiptEvent event = event(outcome, null, messageId, start);
    if (outcome != Outcome.LISTENER_FAILED) {
      notifyListener(event);
    }
    metrics.record(event);
    log.warn(
        "webhook failed: type={} outcome={} id={} status={} error={}",
        payloadType,
        outcome,
        loggable(messageId),
        event.status(),
        cause == null ? "-" : cause.getClass().getName());
    return response(event, Map.of());
  }

  /** Any other answer (a refusal, a duplicate): reported, counted and logged, never with a request value. */
  WebhookResponse answer(
      Outcome outcome, Reason reason, String messageId, long start, Map<String, String> headers) {
    ReceiptEvent event = event(outcome, reason, messageId, start);
    notifyListener(event);
    metrics.record(event);
    if (outcome == Outcome.RATE_LIMITED_SOURCE || outcome == Outcome.RATE_LIMITED_OVERALL) {
      // Under a flood these would be the flood; the counters carry them.
      log.debug("webhook refused: type={} outcome={} status={}", payloadType, outcome, event.status());
    } else {
      // Only what anyone on the network can cause is sampled; an answer to an authenticated
      // request (a conflict, a duplicate, a replay, an invalid payload) is always logged.
      long leftOut = unauthenticated(outcome, reason) ? refusals.admit() : 0;
      if (leftOut > 0) {
        log.info(
            "webhook refusals not logged: type={} count={} (over {} lines per second; counted)",
            payloadType,
            leftOut,
            REFUSALS_LOGGED_PER_SECOND);
      }
      if (leftOut >= 0) {
        log.info(
            "webhook refused: type={} outcome={} reason={} id={} status={}",
            payloadType,
            outcome,
            reason == null ? "-" : reason,
            loggable(messageId),
            event.status());
      }
    }
    return response(event, headers);
  }

  /** Refusals decided before the signature checked out. */
  private static boolean unauthenticated(Outcome outcome, Reason reason) {
    return switch (outcome) {
      case NOT_HTTPS, ADDRESS_UNRESOLVED, ADDRESS_NOT_ALLOWED, METHOD_NOT_ALLOWED,
          PAYLOAD_TOO_LARGE -> true;
      case REJECTED -> reason != null && switch (reason) {
        case MISSING_HEADER, DUPLICATE_HEADER, HEADER_TOO_LARGE, MALFORMED_HEADER,
            UNSUPPORTED_VERSION, MALFORMED_SIGNATURE, TIMESTAMP_MALFORMED, TIMESTAMP_TOO_OLD,
            TIMESTAMP_TOO_NEW, SIGNATURE_MISMATCH, PAYLOAD_TOO_LARGE -> true;
        default -> false;
      };
      default -> false;
    };
  }

  private void notifyListener(ReceiptEvent event) {
    try {
      listener.onReceipt(event);
    } catch (RuntimeException e) {
      log.warn(
          "receipt listener failed: type={} outcome={} error={}",
          payloadType,
          event.outcome(),
          e.getClass().getName());
    }
  }

  private ReceiptEvent event(Outcome outcome, Reason reason, String messageId, long start) {
    return event(outcome, reason, messageId, start, false);
  }

  private ReceiptEvent event(
      Outcome outcome, Reason reason, String messageId, long start, boolean audited) {
    return new ReceiptEvent(
        clock.instant(),
        payloadType,
        outcome,
        Optional.ofNullable(reason),
        Optional.ofNullable(messageId),
        Statuses.of(outcome, reason),
        Duration.ofNanos(System.nanoTime() - start),
        audited);
  }

  private static WebhookResponse response(ReceiptEvent event, Map<String, String> extraHeaders) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "text/plain; charset=utf-8");
    headers.put("Cache-Control", "no-store");
    headers.putAll(extraHeaders);
    String body =
        event.outcome().name() + event.reason().map(r -> " " + r.name()).orElse("") + "\n";
    return new WebhookResponse(event.status(), headers, body);
  }

  private String redacted(X payload) {
    try {
      return redactor.toLogString(payload);
    } catch (RuntimeException e) {
      return "[redactor failed: " + e.getClass().getName() + "]";
    }
  }

  /**
   * A message id as it may appear in a log line: printable ASCII without spaces, bounded, or a
   * placeholder, so an id taken from a payload cannot forge a line.
   */
  static String loggable(String messageId) {
    if (messageId == null) {
      return "-";
    }
    if (messageId.isEmpty() || messageId.length() > MAX_LOGGED_ID_LENGTH) {
      return "[unprintable]";
    }
    for (int i = 0; i < messageId.length(); i++) {
      char c = messageId.charAt(i);
      if (c <= 0x20 || c > 0x7e) {
        return "[unprintable]";
      }
    }
    return messageId;
  }
}
