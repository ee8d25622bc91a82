package dev.hookguard.runtime.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the store keeps and until when, from {@link Retention#report()}: counts and dates only,
 * never a value. After a sweep at the same instant, {@link #recordsPastExpiry()} and {@link
 * #fieldsPastExpiry()} are zero.
 *
 * @param at the clock's instant the report was taken at
 * @param types one entry per payload type stored or opened by this {@code HookGuard}, by name
 * @param liveDayKeys the UTC expiry days whose retention keys still exist
 * @param lastSweepFinishedAt when the last sweep (of any instance) finished, if one did
 */
public record RetentionReport(
    Instant at,
    List<PayloadTypeRetention> types,
    List<LocalDate> liveDayKeys,
    Optional<Instant> lastSweepFinishedAt) {

  /** Checks and copies the components. */
  public RetentionReport {
    Objects.requireNonNull(at, "at");
    types = List.copyOf(types);
    liveDayKeys = List.copyOf(liveDayKeys);
    Objects.requireNonNull(lastSweepFinishedAt, "lastSweepFinishedAt");
  }

  /** Records of every type past their expiry but still stored (zero after a sweep). */
  public long recordsPastExpiry() {
    return types.stream().mapToLong(PayloadTypeRetention::recordsPastExpiry).sum();
  }

  /** Field values of every type past their expiry but still stored (zero after a sweep). */
  public long fieldsPastExpiry() {
    return types.stream()
        .flatMap(t -> t.fields().stream())
        .mapToLong(FieldRetention::valuesPastExpiry)
        .sum();
  }

  /** The entry of {@code payloadType}, if it has one. */
  public Optional<PayloadTypeRetention> type(String payloadType) {
    return types.stream().filter(t -> t.payloadType().equals(payloadType)).findFirst();
  }

  /**
   * Retention of one payload type.
   *
   * @param payloadType the payload type's stored name
   * @param retainDays its type-level {@code @Retain(days)}, if known (empty if it has none, or
   *     if no {@code XStore} of this {@code HookGuard} opened it)
   * @param records records stored
   * @param oldestReceivedAt receipt time of the oldest record stored
   * @param recordsByExpiryDay records per UTC expiry day (records without expiry not counted)
   * @param recordsPastExpiry records stored although past their expiry
   * @param fields the fields with a retention: from the schema, and any with stored expiries
   */
  public record PayloadTypeRetention(
      String payloadType,
      OptionalInt retainDays,
      long records,
      Optional<Instant> oldestReceivedAt,
      SortedMap<LocalDate, Long> recordsByExpiryDay,
      long recordsPastExpiry,
      List<FieldRetention> fields) {

    /** Checks and copies the components. */
    public PayloadTypeRetention {
      Objects.requireNonNull(payloadType, "payloadType");
      Objects.requireNonNull(retainDays, "retainDays");
      Objects.requireNonNull(oldestReceivedAt, "oldestReceivedAt");
      recordsByExpiryDay = Collections.unmodifiableSortedMap(new TreeMap<>(recordsByExpiryDay));
      fields = List.copyOf(fields);
    }

    /** The entry of field {@code path}, if it has one. */
    public Optional<FieldRetention> field(String path) {
      return fields.stream().filter(f -> f.path().equals(path)).findFirst();
    }
  }

  /**
   * Retention of one field of a payload type.
   *
   * @param path the field's JSON path
   * @param retainDays its field-level {@code @Retain(days)}, if any is known
   * @param valuesByExpiryDay stored values per UTC day of their effective expiry (the earlier of
   *     the field's and its record's)
   * @param valuesPastExpiry values stored although past their expiry
   */
  public record FieldRetention(
      String path,
      OptionalInt retainDays,
      SortedMap<LocalDate, Long> valuesByExpiryDay,
      long valuesPastExpiry) {

    /** Checks and copies the components. */
    public FieldRetention {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(retainDays, "retainDays");
      valuesByExpiryDay = Collections.unmodifiableSortedMap(new TreeMap<>(valuesByExpiryDay));
    }
  }
}
