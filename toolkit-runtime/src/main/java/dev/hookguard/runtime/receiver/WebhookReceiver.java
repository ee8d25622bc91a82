package dev.hookguard.runtime.receiver;

import dev.hookguard.runtime.redact.Redactor;
import dev.hookguard.runtime.signature.ReplayGuard;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives webhooks of one payload type, applying every practice in order, and answers each
 * request with a {@link WebhookResponse}. Framework-neutral: an adapter turns the framework's
 * request into a {@link WebhookRequest} and writes the response back ({@link JdkWebhookHandler}
 * does so for the JDK's {@code HttpServer}).
 *
 * <p>The pipeline, in order; the first check that fails decides the answer:
 *
 * <ol>
 *   <li><b>HTTPS</b> (403 {@code NOT_HTTPS}): the connection is TLS, or a {@linkplain
 *       TrustedProxies trusted proxy} says through {@code X-Forwarded-Proto} that the client used
 *       HTTPS. A trusted proxy's {@code X-Forwarded-Proto: http} wins over a TLS connection from
 *       the proxy: the client's leg was plain.
 *   <li><b>Client address</b> (403 {@code ADDRESS_UNRESOLVED}): the peer, or the right-most
 *       untrusted {@code X-Forwarded-For} hop when the peer is a trusted proxy.
 *   <li><b>IP allow-list</b> (403 {@code ADDRESS_NOT_ALLOWED}).
 *   <li><b>Rate limit</b> (429 with {@code Retry-After} in seconds), per client and overall.
 *   <li><b>Method</b> (405 with {@code Allow: POST}): webhooks are {@code POST}s.
 *   <li><b>Size</b> (413): the declared {@code Content-Length}, then the body itself.
 *   <li><b>Verify</b> through the {@link PayloadVerifier}: signature, timestamp and replay (401,
 *       409, 503 when the replay guard is full), then parse and validate (400, 413).
 *   <li><b>Handle</b> through the optional {@link PayloadHandler} (500 if it throws). With
 *       {@linkplain Builder#receipts receipts}, a message id already stored is answered first,
 *       without running the handler: 200 {@code DUPLICATE} for the same body, 409 {@code
 *       CONFLICT} for another.
 *   <li><b>Store</b> as a receipt, through the {@link ReceiptStore} (the id, the record and its
 *       audit entry in one transaction), or through the {@link PayloadSink} (503 if either
 *       throws, so the sender retries).
 *   <li><b>Record</b>: the {@link ReceiptListener} (the audit trail; 500 if it throws), then 200.
 * </ol>
 *
 * <p>Every answer, accepted or not, is reported to the listener and the {@link ReceiverMetrics}
 * and logged through SLF4J. Nothing sensitive is ever logged or answered: no header value, no
 * address, no path, no exception message from the verifier, handler or sink (only its class), and
 * the payload only through the configured {@link Redactor}, on acceptance. Without a redactor the
 * payload is not logged at all.
 *
 * <p><b>Status codes.</b> 403 covers every "not allowed" (plain HTTP, unknown or disallowed
 * address) rather than 421: the request is refused, not misdirected, and telling a plain-HTTP
 * sender to retry elsewhere would only send its payload in the clear again. Each {@link
 * ReceiptEvent.Outcome} documents its status; a {@link WebhookVerificationException.Reason} maps
 * as follows:
 *
 * <table>
 *   <caption>Verification reasons and their status</caption>
 *   <tr><th>status</th><th>reasons</th></tr>
 *   <tr><td>401</td><td>{@code MISSING_HEADER}, {@code DUPLICATE_HEADER}, {@code
 *       HEADER_TOO_LARGE}, {@code MALFORMED_HEADER}, {@code UNSUPPORTED_VERSION}, {@code
 *       MALFORMED_SIGNATURE}, {@code TIMESTAMP_MALFORMED}, {@code TIMESTAMP_TOO_OLD}, {@code
 *       TIMESTAMP_TOO_NEW}, {@code SIGNATURE_MISMATCH}: not authenticated</td></tr>
 *   <tr><td>400</td><td>{@code MISSING_MESSAGE_ID} (authentic, but nothing to key replay
 *       protection on), {@code MALFORMED_PAYLOAD}, {@code LIMIT_EXCEEDED}, {@code
 *       INVALID_PAYLOAD}</td></tr>
 *   <tr><td>409</td><td>{@code REPLAYED}</td></tr>
 *   <tr><td>413</td><td>{@code PAYLOAD_TOO_LARGE}</td></tr>
 *   <tr><td>503</td><td>{@code REPLAY_GUARD_FULL} (the guard fails closed; a retry later
 *       succeeds)</td></tr>
 * </table>
 *
 * <p><b>Retries and replay.</b> With receipts, a redelivery of a stored event is a 2xx {@code
 * DUPLICATE} however late it comes, and nothing before the receipt's commit survives a crash, so
 * a retry of an unanswered delivery is accepted as new. With a sink instead: a replay guard
 * inside the verifier records a message id when it is verified, before the sink runs. If the handler or sink then fails, a retry of the same
 * message would be refused as a replay (409); give the receiver the same guard ({@link
 * Builder#replayGuard}) and it {@linkplain ReplayGuard#forget forgets} the id of a message it
 * could not keep, so the retry is accepted.
 *
 * <p>Immutable and thread-safe if the parts it is built from are.
 *
 * <pre>{@code
 * WebhookSignature signature = Signatures.standardWebhooks(secret);
 * WebhookReceiver<Order> receiver =
 *     WebhookReceiver.builder(Order.class, OrderVerifier.create(signature))
 *         .receipts(hookGuard.receipts(OrderStore.create(hookGuard)))
 *         .redactor(OrderRedactor.create())
 *         .allowList(IpAllowList.of("192.0.2.0/24"))
 *         .rateLimiter(RateLimiter.builder().perSource(RateLimit.of(60, Duration.ofMinutes(1))).build())
 *         .build();
 * WebhookResponse response = receiver.handle(request);
 * }</pre>
 *
 * @param <X> the payload type
 */
public final class WebhookReceiver<X> {

  /** The default body limit: 1 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  private final String payloadType;
  private final boolean httpsRequired;
  private final int maxBodyBytes;
  private final ReceiverPipeline<X> pipeline;
  private final ReceiverReport<X> report;
  // What a posture audit reads back: the parts as configured.
  private final Optional<IpAllowList> allowList;
  private final Optional<RequestLimiter> rateLimiter;
  private final Optional<WebhookSignature> signature;
  private final Optional<ReplayGuard> replayGuard;
  private final boolean keepsReceipts;

  private WebhookReceiver(Builder<X> builder) {
    // With receipts, the name the store keeps records and audit entries under, so that a type's
    // entries in the trail carry one name whichever part wrote them.
    this.payloadType =
        builder.receipts != null ? builder.receipts.payloadType() : builder.payloadType;
    this.httpsRequired = builder.httpsRequired;
    this.maxBodyBytes = builder.maxBodyBytes;
    this.report =
        new ReceiverReport<>(
            payloadType, builder.redactor, builder.listener, builder.metrics, builder.clock,
            builder.log);
    this.pipeline = new ReceiverPipeline<>(builder, report);
    this.allowList = Optional.ofNullable(builder.allowList);
    this.rateLimiter = Optional.ofNullable(builder.rateLimiter);
    this.signature = Optional.ofNullable(builder.messageIds);
    this.replayGuard = Optional.ofNullable(builder.replayGuard);
    this.keepsReceipts = builder.receipts != null;
  }

  /**
   * Starts a receiver for payloads of {@code payloadType}, verified by {@code verifier}. {@link
   * Builder#receipts} or a {@link Builder#sink} is required.
   *
   * @param payloadType the payload class; its simple name names the receiver in logs, events and
   *     metrics
   * @param verifier typically the generated {@code XVerifier.create(signature)}, which also gives
   *     the receiver its body limit, its signature scheme (for message ids) and its replay guard
   *     (a method reference {@code XVerifier.create(signature)::verify} gives only the check)
   */
  public static <X> Builder<X> builder(Class<X> payloadType, PayloadVerifier<X> verifier) {
    return new Builder<>(payloadType, verifier);
  }

  /**
   * Runs {@code request} through the pipeline and returns the answer. Never throws for request
   * input: every failure becomes a response (an unexpected exception in a part becomes a 5xx).
   */
  public WebhookResponse handle(WebhookRequest request) {
    Objects.requireNonNull(request, "request");
    Admission admission =
        pipeline.admit(
            request.remoteAddress(), request.secure(), request.method(), request.headers());
    if (admission instanceof Admission.Refused refused) {
      return refused.response();
    }
    return ((Admission.Admitted) admission).receive(request.body());
  }

  /** The largest body accepted, in bytes; adapters read at most one byte more. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * The payload type name used in logs, events and metrics: the receipt store's payload type
   * when the receiver keeps receipts, else the payload class's simple name.
   */
  public String payloadType() {
    return payloadType;
  }

  /**
   * The checks that need no body, for an adapter that reads the body itself (as {@link
   * JdkWebhookHandler} does): HTTPS, client address, allow-list, rate limit, method and the
   * declared {@code Content-Length}. See {@link Admission} for how an adapter goes on; {@link
   * #handle} is the same two steps on a body already read.
   *
   * @param peer the address of the connection's peer (a proxy, if there is one)
   * @param secure whether the connection itself was TLS
   * @param method the HTTP method
   * @param headers header names (any letter case) to their values; copied
   */
  public Admission admit(
      InetAddress peer, boolean secure, String method, Map<String, List<String>> headers) {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(method, "method");
    return pipeline.admit(peer, secure, method, WebhookRequest.copy(headers));
  }

  /** Whether requests must come over HTTPS (the default; see {@link Builder#allowPlainHttp()}). */
  public boolean httpsRequired() {
    return httpsRequired;
  }

  /** The allow-list of client addresses, if one was configured. */
  public Optional<IpAllowList> allowList() {
    return allowList;
  }

  /** The rate limiter, if one was configured. */
  public Optional<RequestLimiter> rateLimiter() {
    return rateLimiter;
  }

  /**
   * The signature scheme the verifier checks, when known: a generated verifier passed as itself
   * tells it, or {@link Builder#messageIds} names it. Its {@code toString()} never shows a secret.
   */
  public Optional<WebhookSignature> signature() {
    return signature;
  }

  /** The replay guard message ids are recorded in, if any (none when receipts are kept). */
  public Optional<ReplayGuard> replayGuard() {
    return replayGuard;
  }

  /**
   * Whether the receiver keeps {@linkplain Builder#receipts receipts}: message ids are then kept
   * with their records, as long as the records.
   */
  public boolean keepsReceipts() {
    return keepsReceipts;
  }

  @Override
  public String toString() {
    return "WebhookReceiver[type=" + payloadType + ", httpsRequired=" + httpsRequired
        + ", maxBodyBytes=" + maxBodyBytes + "]";
  }

  /**
   * Options for a {@link WebhookReceiver}. Defaults: HTTPS required, no trusted proxies, no
   * allow-list, no rate limit, a 1 MiB body limit, no handler, no redactor (payloads not logged),
   * no listener, no metrics, the system UTC clock. Logs go to the SLF4J logger {@code
   * dev.hookguard.receiver}.
   *
   * @param <X> the payload type
   */
  public static final class Builder<X> {

    // Read by the receiver's pipeline and report when built.
    final String payloadType;
    final PayloadVerifier<X> verifier;
    WebhookSignature messageIds;
    Function<? super X, String> payloadIds;
    PayloadHandler<X> handler;
    PayloadSink<X> sink;
    ReceiptStore<X> receipts;
    Redactor<X> redactor;
    ReplayGuard replayGuard;
    ReceiptListener listener = event -> {};
    ReceiverMetrics metrics = ReceiverMetrics.none();
    boolean httpsRequired = true;
    TrustedProxies trustedProxies = TrustedProxies.none();
    IpAllowList allowList;
    RequestLimiter rateLimiter;
    int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    Clock clock = Clock.systemUTC();
    private boolean clockSet;
    Logger log = LoggerFactory.getLogger("dev.hookguard.receiver");

    private Builder(Class<X> payloadType, PayloadVerifier<X> verifier) {
      this.payloadType = Objects.requireNonNull(payloadType, "payloadType").getSimpleName();
      this.verifier = Objects.requireNonNull(verifier, "verifier");
      // What a generated verifier was configured with, configured once: its body limit, the
      // scheme message ids come from, its replay guard.
      verifier.maxBodyBytes().ifPresent(limit -> this.maxBodyBytes = limit);
      this.messageIds = verifier.signature().orElse(null);
      this.replayGuard = verifier.replayGuard().orElse(null);
    }

    /**
     * Where message ids come from: {@link WebhookSignature#messageId} of this scheme (the one the
     * verifier checks; a generated verifier passed as itself tells it, so this is needed only
     * with a method reference or lambda). Without it, or when the scheme sends none (Stripe,
     * Slack), {@link #payloadIds} is asked, and failing that a random UUID is used, which stores
     * a redelivery twice.
     */
    public Builder<X> messageIds(WebhookSignature signature) {
      this.messageIds = Objects.requireNonNull(signature, "signature");
      return this;
    }

    /** Reads a message id from the verified payload, such as a Stripe event's {@code id}. */
    public Builder<X> payloadIds(Function<? super X, String> idOf) {
      this.payloadIds = Objects.requireNonNull(idOf, "idOf");
      return this;
    }

    /** The application's handler, run after verification and before the sink. */
    public Builder<X> handler(PayloadHandler<X> handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /** Where verified payloads are kept, such as {@code XStore::put}. Required. */
    public Builder<X> sink(PayloadSink<X> sink) {
      this.sink = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /**
     * Keeps verified payloads as receipts, such as {@code hookGuard.receipts(XStore.create(
     * hookGuard))}: the message id, the record and its audit entry commit in one transaction, so
     * a crash at any instant leaves all or none of them, and a redelivery of a stored event is
     * answered 2xx without being handled again, however late it comes. Give the verifier no
     * replay guard then: the receipt is the replay check. Exclusive with {@link #sink}.
     */
    public Builder<X> receipts(ReceiptStore<X> receipts) {
      this.receipts = Objects.requireNonNull(receipts, "receipts");
      return this;
    }

    /** How accepted payloads are logged, such as {@code XRedactor.create()}. */
    public Builder<X> redactor(Redactor<X> redactor) {
      this.redactor = Objects.requireNonNull(redactor, "redactor");
      return this;
    }

    /**
     * The replay guard the verifier records message ids in. When the handler or the sink fails,
     * the receiver {@linkplain ReplayGuard#forget forgets} the message's id there, so the
     * provider's retry is accepted instead of refused as a replay (409).
     */
    public Builder<X> replayGuard(ReplayGuard replayGuard) {
      Objects.requireNonNull(replayGuard, "replayGuard");
      Optional<ReplayGuard> verifiers = verifier.replayGuard();
      if (verifiers.isPresent() && verifiers.get() != replayGuard) {
        throw new IllegalArgumentException(
            "the verifier records message ids in another replay guard: the receiver would forget"
                + " a failed delivery's id in the wrong one (it takes the verifier's by itself)");
      }
      this.replayGuard = replayGuard;
      return this;
    }

    /** Told of every answered request; see {@link ReceiptListener} for failure handling. */
    public Builder<X> listener(ReceiptListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Counts answered requests; see {@link MicrometerReceiverMetrics}. */
    public Builder<X> metrics(ReceiverMetrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /**
     * Accepts webhooks over plain HTTP. For local development only: in production a webhook's
     * payload and signature would travel in the clear.
     */
    public Builder<X> allowPlainHttp() {
      this.httpsRequired = false;
      return this;
    }

    /** The proxies allowed to report the client's address and scheme. */
    public Builder<X> trustedProxies(TrustedProxies proxies) {
      this.trustedProxies = Objects.requireNonNull(proxies, "proxies");
      return this;
    }

    /** The addresses webhooks may come from; without one, every address may. */
    public Builder<X> allowList(IpAllowList allowList) {
      this.allowList = Objects.requireNonNull(allowList, "allowList");
      return this;
    }

    /** Limits the request rate per client and overall. */
    public Builder<X> rateLimiter(RateLimiter rateLimiter) {
      this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
      return this;
    }

    /**
     * Limits the request rate through any {@link RequestLimiter}, such as one whose budget all
     * instances share ({@code dev.hookguard.ratelimit.ClusterRateLimiter}).
     */
    public Builder<X> rateLimiter(RequestLimiter rateLimiter) {
      this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
      return this;
    }

    /**
     * The largest body accepted, in bytes (default: the verifier's limit when it tells one, else
     * 1 MiB).
     */
    public Builder<X> maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes <= 0 || maxBodyBytes == Integer.MAX_VALUE) {
        throw new IllegalArgumentException("maxBodyBytes must be positive and below 2^31-1");
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /**
     * The clock event times are read from (default: the receipt store's, such as the {@code
     * HookGuard}'s, else the system UTC clock).
     */
    public Builder<X> clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      this.clockSet = true;
      return this;
    }

    /** The logger the receiver writes to (default {@code dev.hookguard.receiver}); for tests. */
    Builder<X> logger(Logger logger) {
      this.log = Objects.requireNonNull(logger, "logger");
      return this;
    }

    /**
     * Builds the receiver.
     *
     * @throws IllegalStateException if neither receipts nor a sink, or both, were set
     */
    public WebhookReceiver<X> build() {
      if (sink == null && receipts == null) {
        throw new IllegalStateException(
            "a receiver needs receipts(...) or a sink: 2xx is answered only once the payload is kept");
      }
      if (sink != null && receipts != null) {
        throw new IllegalStateException(
            "a receiver keeps payloads through receipts(...) or a sink, not both");
      }
      if (receipts != null && replayGuard != null) {
        throw new IllegalStateException(
            "with receipts(...) the receipt is the replay check: give neither the receiver nor"
                + " its verifier a replay guard (a failed delivery's retry would be refused)");
      }
      if (receipts != null && !clockSet) {
        receipts.clock().ifPresent(storeClock -> this.clock = storeClock);
      }
      if (!httpsRequired) {
        log.warn("webhook receiver for {} accepts plain HTTP: for local development only", payloadType);
      }
      return new WebhookReceiver<>(this);
    }
  }
}
