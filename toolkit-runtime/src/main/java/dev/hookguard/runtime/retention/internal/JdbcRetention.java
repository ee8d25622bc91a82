package dev.hookguard.runtime.retention.internal;

import dev.hookguard.runtime.audit.AuditSink;
import dev.hookguard.runtime.internal.AuditQueue;
import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.internal.keys.KeyRing;
import dev.hookguard.runtime.internal.keys.RetentionKeyStore;
import dev.hookguard.runtime.retention.Retention;
import dev.hookguard.runtime.retention.RetentionReport;
import dev.hookguard.runtime.retention.SweepOptions;
import dev.hookguard.runtime.retention.SweepReport;
import java.time.Clock;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link Retention} on the shared JDBC schema: sweeps by the {@link Sweeper}, the report by the
 * {@link RetentionReporter}.
 */
public final class JdbcRetention implements Retention {

  private final Database database;
  private final RetentionKeyStore dayKeys;
  private final Sweeper sweeper;
  private final RetentionReporter reporter;

  /**
   * The retention of {@code database}; {@code schemas} gives the payload types opened so far (for
   * the report's retention periods).
   */
  public JdbcRetention(
      Database database,
      KeyRing keys,
      RetentionKeyStore dayKeys,
      Clock clock,
      AuditSink audit,
      AuditQueue queue,
      Supplier<Collection<StoreSchema>> schemas) {
    this.database = Objects.requireNonNull(database, "database");
    this.dayKeys = Objects.requireNonNull(dayKeys, "dayKeys");
    this.sweeper =
        new Sweeper(
            database,
            Objects.requireNonNull(keys, "keys"),
            dayKeys,
            Objects.requireNonNull(clock, "clock"),
            Objects.requireNonNull(audit, "audit"),
            Objects.requireNonNull(queue, "queue"),
            Objects.requireNonNull(schemas, "schemas"));
    this.reporter = new RetentionReporter(database, dayKeys, clock,
        Objects.requireNonNull(schemas, "schemas"));
  }

  @Override
  public SweepReport sweep(SweepOptions options) {
    return sweeper.sweep(options);
  }

  @Override
  public RetentionReport report() {
    return reporter.report();
  }

  @Override
  public String toString() {
    return "Retention[" + database + ", " + dayKeys + "]";
  }
}
