package dev.hookguard.runtime.retention;

/**
 * Enforcement of {@code @Retain}, from {@code HookGuard.retention()}. Thread-safe.
 *
 * <p>Schedule {@link #sweep()} at least daily (for example from a
 * {@code ScheduledExecutorService} or a cron job): reads already hide expired data without it,
 * but only the sweep destroys day keys and removes rows.
 */
public interface Retention {

  /** {@link #sweep(SweepOptions)} with {@link SweepOptions#defaults()}. */
  default SweepReport sweep() {
    return sweep(SweepOptions.defaults());
  }

  /** {@link #sweep(SweepOptions)} with the default batch size, reporting to {@code listener}. */
  default SweepReport sweep(SweepProgress.Listener listener) {
    return sweep(SweepOptions.defaults().withListener(listener));
  }

  /**
   * Makes everything past its expiry at the clock's current instant unreadable and then gone:
   *
   * <ol>
   *   <li>destroys the retention day key of every day that has passed (crypto-shredding the
   *       randomized fields sealed under it, in every copy of the record store);
   *   <li>deletes every record past its expiry, with its fields, in batches of {@link
   *       SweepOptions#batchSize()} records, one transaction per batch;
   *   <li>deletes every field past its own expiry from records that live on, in batches, and
   *       re-signs those records (their MAC covers the fields that remain).
   * </ol>
   *
   * <p>Every destruction and deletion writes one audit event ({@code RETENTION_KEY_DESTROYED},
   * {@code SWEEP_RECORD_DELETED}, {@code SWEEP_FIELDS_DELETED}; names only, never values) after
   * its batch commits. The listener hears of each batch; an exception from it stops the sweep
   * after that batch, as a crash would. A sweep that stopped leaves every record whole, and the
   * next sweep finishes the work. On PostgreSQL several instances may sweep at once: batches are
   * claimed with {@code FOR UPDATE SKIP LOCKED}, so each row is deleted, and audited, once.
   *
   * @throws dev.hookguard.runtime.store.StoreException if the database fails; the batches
   *     before it are kept
   */
  SweepReport sweep(SweepOptions options);

  /** What is kept, per payload type and field, and whether anything is past its expiry. */
  RetentionReport report();
}
