package dev.hookguard.runtime.companion;

import dev.hookguard.runtime.generated.PayloadReader;
import dev.hookguard.runtime.generated.PayloadVerification;
import dev.hookguard.runtime.receiver.PayloadVerifier;
import dev.hookguard.runtime.signature.ReplayGuard;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The verification steps of a generated {@code XVerifier}, around the reader the processor writes
 * for {@code X}: the body's size, its signature, its message id against replays, then a
 * reflection-free parse within hard limits and validation. Nothing is returned until every step
 * passed.
 *
 * @param <X> the payload type
 */
public abstract class AbstractPayloadVerifier<X> implements PayloadVerifier<X> {

  private final PayloadVerification verification;
  private final PayloadReader.ValueReader<X> reader;

  /**
   * A verifier with {@code verification}'s settings reading {@code X} with {@code reader} (the
   * generated {@code XVerifier::read}).
   */
  protected AbstractPayloadVerifier(
      PayloadVerification verification, PayloadReader.ValueReader<X> reader) {
    this.verification = Objects.requireNonNull(verification, "verification");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  /**
   * Authenticates the request, then reads and validates its body.
   *
   * @throws WebhookVerificationException with the reason of the first check that failed
   */
  @Override
  public final X verify(Map<String, List<String>> headers, byte[] body)
      throws WebhookVerificationException {
    return verification.verify(headers, body, reader);
  }

  /** The body limit, which a receiver given this verifier applies too. */
  @Override
  public final OptionalInt maxBodyBytes() {
    return verification.maxBodyBytes();
  }

  /** The signature scheme, which a receiver given this verifier reads message ids from. */
  @Override
  public final Optional<WebhookSignature> signature() {
    return verification.signature();
  }

  /** The replay guard, in which a receiver given this verifier forgets a failed delivery's id. */
  @Override
  public final Optional<ReplayGuard> replayGuard() {
    return verification.replayGuard();
  }

  /**
   * Reads and validates JSON that needs no authentication, such as a body read back from storage,
   * within this verifier's limits.
   *
   * @throws WebhookVerificationException if the JSON is malformed, over a limit or invalid
   */
  public final X readTrusted(byte[] json) throws WebhookVerificationException {
    return verification.read(json, reader);
  }

  /** The verifier's class name only: a signature scheme's own {@code toString} may hold more. */
  @Override
  public String toString() {
    return getClass().getSimpleName();
  }
}
