package dev.hookguard.runtime.receiver;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@link WebhookReceiver#admit}: the receiver's checks that need no body (HTTPS,
 * client address, allow-list, rate limit, method, declared length). An adapter for a web framework
 * calls it before it reads a byte of the body, then either writes the {@linkplain Refused
 * refusal} or reads at most {@link Admitted#maxBodyBytes()} plus one byte and hands the body to
 * {@link Admitted#receive}:
 *
 * <pre>{@code
 * Admission admission = receiver.admit(peer, secure, method, headers);
 * if (admission instanceof Admission.Refused refused) {
 *   return refused.response();                    // the body is never read
 * }
 * Admission.Admitted admitted = (Admission.Admitted) admission;
 * byte[] body = in.readNBytes(admitted.maxBodyBytes() + 1);
 * return body.length > admitted.maxBodyBytes() ? admitted.tooLarge() : admitted.receive(body);
 * }</pre>
 *
 * <p>Only a receiver makes these: an admission cannot be forged to skip the checks.
 */
public sealed interface Admission permits Admission.Admitted, Admission.Refused {

  /**
   * Passed every check before the body. Call {@link #receive} or {@link #tooLarge} once: the
   * request was counted against the rate limit once.
   */
  final class Admitted implements Admission {

    private final ReceiverPipeline<?> pipeline;
    private final ReceiverReport<?> report;
    private final Map<String, List<String>> headers;
    private final long startNanos;

    Admitted(
        ReceiverPipeline<?> pipeline,
        ReceiverReport<?> report,
        Map<String, List<String>> headers,
        long startNanos) {
      this.pipeline = pipeline;
      this.report = report;
      this.headers = headers;
      this.startNanos = startNanos;
    }

    /** The largest body accepted, in bytes: read at most one byte more. */
    public int maxBodyBytes() {
      return pipeline.maxBodyBytes();
    }

    /** Runs the rest of the pipeline on {@code body} (size, verify, handle, store, record). */
    public WebhookResponse receive(byte[] body) {
      return pipeline.receive(this, headers, body);
    }

    /** The answer to a body that ran past {@link #maxBodyBytes()} while it was read (413). */
    public WebhookResponse tooLarge() {
      return report.tooLarge(startNanos);
    }

    long startNanos() {
      return startNanos;
    }

    @Override
    public String toString() {
      return "Admission.Admitted";
    }
  }

  /** Refused before the body; {@link #response()} is final and asks to close the connection. */
  final class Refused implements Admission {

    private final WebhookResponse response;

    Refused(WebhookResponse response) {
      this.response = response;
    }

    /** The answer to write. */
    public WebhookResponse response() {
      return response;
    }

    @Override
    public String toString() {
      return "Admission.Refused[" + response.status() + "]";
    }
  }
}
