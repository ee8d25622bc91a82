package dev.hookguard.runtime.receiver;

import dev.hookguard.runtime.receiver.ReceiptEvent.Outcome;
import dev.hookguard.runtime.signature.ReplayGuard;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import dev.hookguard.runtime.store.DuplicateRecordException;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The checks and steps of a {@link WebhookReceiver}, in its documented order, in two parts so
 * that an adapter can refuse before it reads a body: {@link #admit} (HTTPS, client address,
 * allow-list, rate limit, method, declared length) and {@link #receive} (size, verify, handle,
 * store, record). Every answer goes through the {@link ReceiverReport}.
 *
 * @param <X> the payload type
 */
final class ReceiverPipeline<X> {

  private final PayloadVerifier<X> verifier;
  private final WebhookSignature messageIds;
  private final Function<? super X, String> payloadIds;
  private final PayloadHandler<X> handler;
  private final PayloadSink<X> sink;
  private final ReceiptStore<X> receipts;
  private final InFlight inFlight = new InFlight();
  private final ReplayGuard replayGuard;
  private final boolean httpsRequired;
  private final TrustedProxies trustedProxies;
  private final IpAllowList allowList;
  private final RequestLimiter rateLimiter;
  private final int maxBodyBytes;
  private final ReceiverReport<X> report;

  ReceiverPipeline(WebhookReceiver.Builder<X> settings, ReceiverReport<X> report) {
    this.verifier = settings.verifier;
    this.messageIds = settings.messageIds;
    this.payloadIds = settings.payloadIds;
    this.handler = settings.handler;
    this.sink = settings.sink;
    this.receipts = settings.receipts;
    this.replayGuard = settings.replayGuard;
    this.httpsRequired = settings.httpsRequired;
    this.trustedProxies = settings.trustedProxies;
    this.allowList = settings.allowList;
    this.rateLimiter = settings.rateLimiter;
    this.maxBodyBytes = settings.maxBodyBytes;
    this.report = report;
  }

  /** HTTPS, client address, allow-list, rate limit, method and declared length. */
  Admission admit(InetAddress peer, boolean secure, String method, Map<String, List<String>> headers) {
    long start = System.nanoTime();
    if (httpsRequired && !isHttps(peer, secure, headers)) {
      return refused(Outcome.NOT_HTTPS, start, Map.of());
    }
    Optional<InetAddress> client = trustedProxies.clientAddress(peer, headers);
    if (client.isEmpty()) {
      return refused(Outcome.ADDRESS_UNRESOLVED, start, Map.of());
    }
    if (allowList != null && !allowList.allows(client.get())) {
      return refused(Outcome.ADDRESS_NOT_ALLOWED, start, Map.of());
    }
    if (rateLimiter != null) {
      RateLimiter.Decision decision = rateLimiter.tryAcquire(client.get());
      if (!decision.allowed()) {
        Outcome outcome =
            switch (decision.refusedBy().orElseThrow()) {
              case SOURCE -> Outcome.RATE_LIMITED_SOURCE;
              case OVERALL -> Outcome.RATE_LIMITED_OVERALL;
            };
        return refused(
            outcome, start, Map.of("Retry-After", Long.toString(decision.retryAfterSeconds())));
      }
    }
    if (!"POST".equals(method)) {
      return refused(Outcome.METHOD_NOT_ALLOWED, start, Map.of("Allow", "POST"));
    }
    if (declaredLength(headers) > maxBodyBytes) {
      return new Admission.Refused(report.tooLarge(start));
    }
    return new Admission.Admitted(this, report, headers, start);
  }

  /**
   * A refusal before the body was read. It asks for the connection to be closed: the body the
   * client may still be sending would otherwise be read as the start of its next request on the
   * same connection (a client that reuses a connection after an early answer, such as the JDK's
   * {@code HttpClient}, then waits for an answer that never comes).
   */
  private Admission.Refused refused(Outcome outcome, long start, Map<String, String> headers) {
    Map<String, String> closing = new LinkedHashMap<>(headers);
    closing.put("Connection", "close");
    return new Admission.Refused(report.answer(outcome, null, null, start, closing));
  }

  int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Size, verify, handle, store, record. */
  WebhookResponse receive(Admission.Admitted admitted, Map<String, List<String>> headers, byte[] body) {
    long start = admitted.startNanos();
    if (body.length > maxBodyBytes) {
      return report.tooLarge(start);
    }
    X payload;
    try {
      payload = verifier.verify(headers, body);
    } catch (WebhookVerificationException e) {
      String id = authenticatedRefusal(e.reason()) ? signedId(headers) : null;
      return report.answer(Outcome.REJECTED, e.reason(), id, start, Map.of());
    } catch (RuntimeException e) {
      return report.failed(Outcome.VERIFIER_FAILED, e, null, start);
    }
    if (payload == null) {
      return report.failed(Outcome.VERIFIER_FAILED, null, null, start);
    }
    if (receipts != null) {
      return keep(headers, body, payload, start);
    }
    String messageId = messageId(headers, payload);
    if (handler != null) {
      try {
        handler.handle(messageId, payload);
      } catch (Exception e) {
        forget(messageId);
        return report.failed(Outcome.HANDLER_FAILED, e, messageId, start);
      }
    }
    try {
      sink.accept(messageId, payload);
    } catch (DuplicateRecordException e) {
      // Already stored under this id: a redelivery (our earlier 2xx was lost, or the replay
      // window has passed). Answering 2xx again ends the provider's retries; nothing changes.
      return report.accepted(payload, messageId, start, false);
    } catch (Exception e) {
      forget(messageId);
      return report.failed(Outcome.SINK_FAILED, e, messageId, start);
    }
    return report.accepted(payload, messageId, start, false);
  }

  /**
   * Handle and store through the {@link ReceiptStore}: a message id already stored is answered
   * at once (2xx with the same body, 409 with another) without running the handler; otherwise
   * the handler runs, then the id, record and audit entry commit together. One message id is
   * handled by one request of this receiver at a time, so two concurrent deliveries of one event
   * never both run the handler here.
   */
  private WebhookResponse keep(
      Map<String, List<String>> headers, byte[] body, X payload, long start) {
    // A receipt is keyed on its id: without one it could be neither found again nor told from a
    // replay, so it is refused, as a verifier's replay guard refuses it.
    String headerId = signedId(headers);
    boolean idSigned = headerId != null && messageIds.signsMessageId();
    String messageId = headerId;
    if (messageId == null && payloadIds != null) {
      messageId = payloadIds.apply(payload);
      idSigned = true; // read from the signed body
    }
    if (messageId == null || messageId.isEmpty()) {
      return report.answer(Outcome.REJECTED, Reason.MISSING_MESSAGE_ID, null, start, Map.of());
    }
    InFlight.Claim claim;
    try {
      claim = inFlight.claim(messageId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return report.failed(Outcome.SINK_FAILED, e, messageId, start);
    }
    if (claim == null) {
      // Another request with this id has held it too long: the sender retries later.
      return report.failed(Outcome.SINK_FAILED, null, messageId, start);
    }
    try {
      if (handler != null) {
        // Looked up first only for the handler's sake: without one, the store's insert decides.
        Optional<ReceiptStore.Result> known;
        try {
          known = receipts.find(messageId, idSigned, body);
        } catch (RuntimeException e) {
          return report.failed(Outcome.SINK_FAILED, e, messageId, start);
        }
        if (known.isPresent()) {
          return kept(known.get(), payload, messageId, start);
        }
        try {
          handler.handle(messageId, payload);
        } catch (Exception e) {
          return report.failed(Outcome.HANDLER_FAILED, e, messageId, start);
        }
      }
      ReceiptStore.Result result;
      try {
        result = receipts.store(messageId, idSigned, body, payload);
      } catch (RuntimeException e) {
        return report.failed(Outcome.SINK_FAILED, e, messageId, start);
      }
      return kept(result, payload, messageId, start);
    } finally {
      claim.release();
    }
  }

  private WebhookResponse kept(ReceiptStore.Result result, X payload, String messageId, long start) {
    return switch (result) {
      case STORED -> report.accepted(payload, messageId, start, true);
      case DUPLICATE -> report.answer(Outcome.DUPLICATE, null, messageId, start, Map.of());
      case CONFLICT -> report.answer(Outcome.CONFLICT, null, messageId, start, Map.of());
    };
  }

  /**
   * Lets the provider's retry of a message that was verified (so its id recorded) but not kept be
   * accepted rather than refused as a replay.
   */
  private void forget(String messageId) {
    if (replayGuard == null) {
      return;
    }
    try {
      replayGuard.forget(messageId);
    } catch (RuntimeException e) {
      report.forgetFailed(messageId, e);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private boolean isHttps(InetAddress peer, boolean secure, Map<String, List<String>> headers) {
    return trustedProxies.forwardedHttps(peer, headers).orElse(secure);
  }

  /** The declared {@code Content-Length}, or -1 if absent or not one plain number. */
  private static long declaredLength(Map<String, List<String>> headers) {
    List<String> values = HeaderValues.values(headers, "Content-Length");
    if (values.size() != 1) {
      return -1;
    }
    String value = values.get(0).strip();
    if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    return Long.parseLong(value);
  }

  /** Reasons the verifier gives only after the signature checked out. */
  private static boolean authenticatedRefusal(Reason reason) {
    return reason == Reason.REPLAYED || reason == Reason.REPLAY_GUARD_FULL;
  }

  private String signedId(Map<String, List<String>> headers) {
    return messageIds == null ? null : messageIds.messageId(headers).orElse(null);
  }

  /** The signature's message id, else the payload's, else a random one (no deduplication). */
  private String messageId(Map<String, List<String>> headers, X payload) {
    String id = signedId(headers);
    if (id == null && payloadIds != null) {
      id = payloadIds.apply(payload);
    }
    return id == null || id.isEmpty() ? UUID.randomUUID().toString() : id;
  }
}
