package dev.hookguard.runtime.posture;

import dev.hookguard.runtime.audit.AuditCheckpoint;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The limits a posture audit holds the configuration to. {@link #defaults()} and then {@code
 * with…} to change one:
 *
 * <pre>{@code
 * PosturePolicy policy = PosturePolicy.defaults()
 *     .withKeyRotation(Duration.ofDays(180))
 *     .withLastExportedCheckpoint(AuditCheckpoint.parse(lastExported));
 * }</pre>
 *
 * @param keyRotation the longest the data keys may go unrotated (default 90 days)
 * @param maxSweepAge the longest since the last finished retention sweep (default 2 days: a daily
 *     sweep, with a day's slack)
 * @param maxCheckpointAge the longest an audit entry may stay uncovered by an exported checkpoint
 *     (default 7 days)
 * @param lastExportedCheckpoint the audit checkpoint last exported (kept outside the database),
 *     if any: the trail must still pass through it, and what was appended after it is uncovered
 * @param minSecretBytes the shortest acceptable shared signing secret, in the bytes the scheme
 *     keys HMAC with (default 24: 192 bits of a random key)
 * @param maxTolerance the widest acceptable timestamp tolerance (default 5 minutes, the
 *     providers' own)
 * @param notPersonalData properties decided not to be personal data although named like it, as
 *     {@code <qualified payload type>#<JSON path>}, such as {@code
 *     com.example.Push#repository.full_name}
 */
public record PosturePolicy(
    Duration keyRotation,
    Duration maxSweepAge,
    Duration maxCheckpointAge,
    Optional<AuditCheckpoint> lastExportedCheckpoint,
    int minSecretBytes,
    Duration maxTolerance,
    Set<String> notPersonalData) {

  /** Checks and copies the components; durations must be positive. */
  public PosturePolicy {
    positive(keyRotation, "keyRotation");
    positive(maxSweepAge, "maxSweepAge");
    positive(maxCheckpointAge, "maxCheckpointAge");
    Objects.requireNonNull(lastExportedCheckpoint, "lastExportedCheckpoint");
    if (minSecretBytes <= 0) {
      throw new IllegalArgumentException("minSecretBytes must be positive");
    }
    Objects.requireNonNull(maxTolerance, "maxTolerance");
    if (maxTolerance.isNegative()) {
      throw new IllegalArgumentException("maxTolerance must not be negative");
    }
    notPersonalData = Set.copyOf(notPersonalData);
  }

  /** The defaults listed on each component. */
  public static PosturePolicy defaults() {
    return new PosturePolicy(Duration.ofDays(90), Duration.ofDays(2), Duration.ofDays(7),
        Optional.empty(), 24, Duration.ofMinutes(5), Set.of());
  }

  /** This policy with data keys due for rotation after {@code keyRotation}. */
  public PosturePolicy withKeyRotation(Duration keyRotation) {
    return new PosturePolicy(keyRotation, maxSweepAge, maxCheckpointAge, lastExportedCheckpoint,
        minSecretBytes, maxTolerance, notPersonalData);
  }

  /** This policy with the last sweep overdue after {@code maxSweepAge}. */
  public PosturePolicy withMaxSweepAge(Duration maxSweepAge) {
    return new PosturePolicy(keyRotation, maxSweepAge, maxCheckpointAge, lastExportedCheckpoint,
        minSecretBytes, maxTolerance, notPersonalData);
  }

  /** This policy with audit entries due for an exported checkpoint after {@code maxCheckpointAge}. */
  public PosturePolicy withMaxCheckpointAge(Duration maxCheckpointAge) {
    return new PosturePolicy(keyRotation, maxSweepAge, maxCheckpointAge, lastExportedCheckpoint,
        minSecretBytes, maxTolerance, notPersonalData);
  }

  /** This policy knowing {@code checkpoint} as the audit checkpoint last exported. */
  public PosturePolicy withLastExportedCheckpoint(AuditCheckpoint checkpoint) {
    return new PosturePolicy(keyRotation, maxSweepAge, maxCheckpointAge,
        Optional.of(Objects.requireNonNull(checkpoint, "checkpoint")), minSecretBytes,
        maxTolerance, notPersonalData);
  }

  /** This policy with shared signing secrets of at least {@code minSecretBytes}. */
  public PosturePolicy withMinSecretBytes(int minSecretBytes) {
    return new PosturePolicy(keyRotation, maxSweepAge, maxCheckpointAge, lastExportedCheckpoint,
        minSecretBytes, maxTolerance, notPersonalData);
  }

  /** This policy with timestamp tolerances of at most {@code maxTolerance}. */
  public PosturePolicy withMaxTolerance(Duration maxTolerance) {
    return new PosturePolicy(keyRotation, maxSweepAge, maxCheckpointAge, lastExportedCheckpoint,
        minSecretBytes, maxTolerance, notPersonalData);
  }

  /**
   * This policy with {@code properties} ({@code <qualified payload type>#<JSON path>}) decided not
   * to be personal data, besides those it already has.
   */
  public PosturePolicy withNotPersonalData(String... properties) {
    Set<String> all = new java.util.TreeSet<>(notPersonalData);
    all.addAll(Arrays.asList(properties));
    return new PosturePolicy(keyRotation, maxSweepAge, maxCheckpointAge, lastExportedCheckpoint,
        minSecretBytes, maxTolerance, all);
  }

  private static void positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
