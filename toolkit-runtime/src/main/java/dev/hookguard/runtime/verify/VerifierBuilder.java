package dev.hookguard.runtime.verify;

import dev.hookguard.runtime.generated.PayloadVerification;
import dev.hookguard.runtime.generated.VerifierOptions;
import dev.hookguard.runtime.json.JsonLimits;
import dev.hookguard.runtime.signature.ReplayGuard;
import dev.hookguard.runtime.signature.WebhookSignature;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Configures a generated verifier: {@code CustomerVerifier.builder(signature).replayGuard(guard)
 * .maxBodyBytes(64 * 1024).build()}.
 *
 * @param <V> the generated verifier type
 */
public final class VerifierBuilder<V> {

  private final WebhookSignature signature;
  private final Function<PayloadVerification, V> factory;
  private JsonLimits limits = JsonLimits.defaults();
  private ReplayGuard replayGuard;
  private boolean failOnUnknownProperties;

  /** Generated code calls this; {@code factory} is the verifier's constructor. */
  public VerifierBuilder(WebhookSignature signature, Function<PayloadVerification, V> factory) {
    this.signature = Objects.requireNonNull(signature, "signature");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /** The largest body accepted (default 1 MiB); larger ones fail with {@code PAYLOAD_TOO_LARGE}. */
  public VerifierBuilder<V> maxBodyBytes(int bytes) {
    limits = limits.withMaxBodyBytes(bytes);
    return this;
  }

  /** All parsing limits at once. */
  public VerifierBuilder<V> limits(JsonLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    return this;
  }

  /** Refuse a message id seen before (within the guard's window) with {@code REPLAYED}. */
  public VerifierBuilder<V> replayGuard(ReplayGuard replayGuard) {
    this.replayGuard = Objects.requireNonNull(replayGuard, "replayGuard");
    return this;
  }

  /** Make a property the payload type does not declare an error ({@code INVALID_PAYLOAD}). */
  public VerifierBuilder<V> failOnUnknownProperties(boolean fail) {
    this.failOnUnknownProperties = fail;
    return this;
  }

  public V build() {
    VerifierOptions options =
        new VerifierOptions(limits, Optional.ofNullable(replayGuard), failOnUnknownProperties);
    return factory.apply(new PayloadVerification(signature, options));
  }
}
