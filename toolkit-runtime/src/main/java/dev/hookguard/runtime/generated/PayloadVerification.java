package dev.hookguard.runtime.generated;

import dev.hookguard.runtime.signature.ReplayGuard;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The verification steps every generated verifier shares. The order is the point: the size check
 * costs nothing, the signature check costs one HMAC over bytes already in memory, and only an
 * authentic, fresh, first-seen body is ever parsed, so unauthenticated input never reaches the
 * parser.
 */
public final class PayloadVerification {

  private final WebhookSignature signature;
  private final VerifierOptions options;

  public PayloadVerification(WebhookSignature signature, VerifierOptions options) {
    this.signature = Objects.requireNonNull(signature, "signature");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** The body limit, for {@code PayloadVerifier.maxBodyBytes()}. */
  public OptionalInt maxBodyBytes() {
    return OptionalInt.of(options.limits().maxBodyBytes());
  }

  /** The signature scheme checked, for {@code PayloadVerifier.signature()}. */
  public Optional<WebhookSignature> signature() {
    return Optional.of(signature);
  }

  /** The replay guard ids are recorded in, for {@code PayloadVerifier.replayGuard()}. */
  public Optional<ReplayGuard> replayGuard() {
    return options.replayGuard();
  }

  /**
   * Verifies the request and reads the body with {@code reader}.
   *
   * @throws WebhookVerificationException with the reason of the first step that failed
   */
  public <T> T verify(
      Map<String, List<String>> headers, byte[] body, PayloadReader.ValueReader<T> reader)
      throws WebhookVerificationException {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    if (body.length > options.limits().maxBodyBytes()) {
      throw new WebhookVerificationException(Reason.PAYLOAD_TOO_LARGE,
          "body of " + body.length + " bytes exceeds the limit of "
              + options.limits().maxBodyBytes());
    }
    if (options.replayGuard().isPresent()) {
      signature.verify(headers, body, options.replayGuard().get());
    } else {
      signature.verify(headers, body);
    }
    return read(body, reader);
  }

  /**
   * Reads and validates a body that is already trusted (for example one read back from storage),
   * within the same limits.
   */
  public <T> T read(byte[] body, PayloadReader.ValueReader<T> reader)
      throws WebhookVerificationException {
    try {
      return PayloadReader.of(body, options.limits(), options.failOnUnknownProperties())
          .readDocument(reader);
    } catch (JsonReadException e) {
      throw refused(e);
    }
  }

  /** The verifier's refusal for a body the reader refused: the reason of the same name. */
  public static WebhookVerificationException refused(JsonReadException e) {
    Reason reason = switch (e.reason()) {
      case MALFORMED_PAYLOAD -> Reason.MALFORMED_PAYLOAD;
      case LIMIT_EXCEEDED -> Reason.LIMIT_EXCEEDED;
      case INVALID_PAYLOAD -> Reason.INVALID_PAYLOAD;
    };
    return new WebhookVerificationException(reason, e.detail());
  }

  @Override
  public String toString() {
    return "PayloadVerification[" + signature + ", " + options + "]";
  }
}
