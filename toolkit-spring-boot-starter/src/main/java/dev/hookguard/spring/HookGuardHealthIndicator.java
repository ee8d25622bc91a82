package dev.hookguard.spring;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditVerification;
import dev.hookguard.runtime.retention.RetentionReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Actuator health of a {@code HookGuard} (contributor {@code hookguard}): DOWN when its audit
 * trail no longer verifies, or when the store cannot be read; UP otherwise, with details:
 *
 * <ul>
 *   <li>{@code audit}: {@code intact}, entries checked and the head's sequence, or where the chain
 *       breaks and how;
 *   <li>{@code keys}: the data key generation, the retention day keys alive, and those whose day
 *       has passed but which no sweep has destroyed yet (their number, the oldest one's day and
 *       for how many days it should have been gone): what stays decryptable longer than its
 *       {@code @Retain} allows;
 *   <li>{@code retention}: the sweep backlog, records and field values past their expiry still
 *       stored, and when the last sweep finished.
 * </ul>
 *
 * <p>Verifying the audit trail walks the whole chain, so a reading is kept for {@code
 * hookguard.health.refresh-interval} (one minute by default) and health checks in between answer
 * from it. Details hold counts, dates and enum names only.
 */
public final class HookGuardHealthIndicator extends AbstractHealthIndicator {

  private final HookGuard hookGuard;
  private final Duration refreshInterval;
  private final Clock clock;
  private Reading reading;

  /**
   * @param hookGuard the store to report on
   * @param refreshInterval how long a reading is reused
   */
  public HookGuardHealthIndicator(HookGuard hookGuard, Duration refreshInterval) {
    super("HookGuard health check failed");
    this.hookGuard = Objects.requireNonNull(hookGuard, "hookGuard");
    this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
    this.clock = Clock.systemUTC();
  }

  private record Reading(Instant at, AuditVerification audit, int generation, RetentionReport retention) {}

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Reading current = current();
    AuditVerification audit = current.audit();
    Map<String, Object> auditDetails = new LinkedHashMap<>();
    auditDetails.put("intact", audit.ok());
    auditDetails.put("entriesChecked", audit.entriesChecked());
    auditDetails.put("headSequence", audit.headSequence());
    audit.firstBreak().ifPresent(broken -> {
      auditDetails.put("brokenAtSequence", broken.sequence());
      auditDetails.put("problem", broken.problem().name());
    });

    RetentionReport retention = current.retention();
    LocalDate today = LocalDate.ofInstant(retention.at(), ZoneOffset.UTC);
    List<LocalDate> overdue =
        retention.liveDayKeys().stream().filter(day -> day.isBefore(today)).sorted().toList();
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("dataKeyGeneration", current.generation());
    keys.put("liveDayKeys", retention.liveDayKeys().size());
    keys.put("overdueDayKeys", overdue.size());
    if (!overdue.isEmpty()) {
      // A day key serves through its UTC day; from the next one on it should be destroyed.
      keys.put("oldestOverdueDayKey", overdue.get(0).toString());
      keys.put("oldestOverdueDays", ChronoUnit.DAYS.between(overdue.get(0).plusDays(1), today));
    }

    Map<String, Object> backlog = new LinkedHashMap<>();
    backlog.put("recordsPastExpiry", retention.recordsPastExpiry());
    backlog.put("fieldsPastExpiry", retention.fieldsPastExpiry());
    backlog.put("lastSweepFinishedAt",
        retention.lastSweepFinishedAt().map(Instant::toString).orElse("never"));

    (audit.ok() ? builder.up() : builder.down())
        .withDetail("audit", auditDetails)
        .withDetail("keys", keys)
        .withDetail("retention", backlog)
        .withDetail("checkedAt", current.at().toString());
  }

  private synchronized Reading current() {
    Instant now = clock.instant();
    if (reading == null || !now.isBefore(reading.at().plus(refreshInterval))) {
      reading = new Reading(
          now, hookGuard.audit().verify(), hookGuard.keys().generation(), hookGuard.retention().report());
    }
    return reading;
  }
}
