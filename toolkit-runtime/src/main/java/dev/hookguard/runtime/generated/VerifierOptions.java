package dev.hookguard.runtime.generated;

import dev.hookguard.runtime.json.JsonLimits;
import dev.hookguard.runtime.signature.ReplayGuard;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of a generated verifier beyond its signature scheme.
 *
 * @param limits the body size and parsing limits
 * @param replayGuard where seen message ids are remembered, if replays are to be refused
 * @param failOnUnknownProperties whether a property the payload type does not declare is an
 *     error (default: ignored, since providers add properties without notice)
 */
public record VerifierOptions(
    JsonLimits limits, Optional<ReplayGuard> replayGuard, boolean failOnUnknownProperties) {

  public VerifierOptions {
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(replayGuard, "replayGuard");
  }

  /** Default limits, no replay guard, unknown properties ignored. */
  public static VerifierOptions defaults() {
    return new VerifierOptions(JsonLimits.defaults(), Optional.empty(), false);
  }
}
