package dev.hookguard.runtime.retention.internal;

import dev.hookguard.runtime.generated.FieldSpec;
import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.internal.keys.RetentionKeyStore;
import dev.hookguard.runtime.internal.records.PackedFields;
import dev.hookguard.runtime.internal.records.RecordCodec;
import dev.hookguard.runtime.retention.RetentionReport;
import dev.hookguard.runtime.retention.RetentionReport.FieldRetention;
import dev.hookguard.runtime.retention.RetentionReport.PayloadTypeRetention;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The retention report: what the tables hold per payload type and field, by expiry day, and what
 * is past its expiry (left for the next sweep), from the tables themselves, in one transaction.
 */
final class RetentionReporter {

  private static final long DAY_MILLIS = RetentionKeyStore.DAY_MILLIS;

  private final Database database;
  private final RetentionKeyStore dayKeys;
  private final Clock clock;
  private final Supplier<Collection<StoreSchema>> schemas;

  RetentionReporter(
      Database database,
      RetentionKeyStore dayKeys,
      Clock clock,
      Supplier<Collection<StoreSchema>> schemas) {
    this.database = database;
    this.dayKeys = dayKeys;
    this.clock = clock;
    this.schemas = schemas;
  }

  /** Counts of one payload type as the tables hold them. */
  private static final class TypeCounts {
    long records;
    Long oldest;
    long pastExpiry;
    final SortedMap<LocalDate, Long> byDay = new TreeMap<>();
    final Map<String, FieldCounts> fields = new LinkedHashMap<>();
  }

  private static final class FieldCounts {
    long pastExpiry;
    final SortedMap<LocalDate, Long> byDay = new TreeMap<>();
  }

  RetentionReport report() {
    long now = clock.millis();
    Map<String, TypeCounts> counts = new TreeMap<>();
    Collection<StoreSchema> opened = schemas.get();
    Optional<Instant> lastSweep =
        database.inTransaction(
            "reporting retention",
            connection -> {
              try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT payload_type, COUNT(*), MIN(received_at),"
                          + " SUM(CASE WHEN expires_at <= ? THEN 1 ELSE 0 END)"
                          + " FROM hg_records GROUP BY payload_type")) {
                select.setLong(1, now);
                try (ResultSet rows = select.executeQuery()) {
                  while (rows.next()) {
                    TypeCounts type = counts.computeIfAbsent(rows.getString(1), t -> new TypeCounts());
                    type.records = rows.getLong(2);
                    type.oldest = rows.getLong(3);
                    type.pastExpiry = rows.getLong(4);
                  }
                }
              }
              try (Statement select = connection.createStatement();
                  ResultSet rows =
                      select.executeQuery(
                          "SELECT payload_type, expires_at / " + DAY_MILLIS + ", COUNT(*)"
                              + " FROM hg_records WHERE expires_at IS NOT NULL"
                              + " GROUP BY payload_type, expires_at / " + DAY_MILLIS)) {
                while (rows.next()) {
                  counts
                      .computeIfAbsent(rows.getString(1), t -> new TypeCounts())
                      .byDay
                      .merge(LocalDate.ofEpochDay(rows.getLong(2)), rows.getLong(3), Long::sum);
                }
              }
              try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT payload_type, path, expires_at / " + DAY_MILLIS + ", COUNT(*),"
                          + " SUM(CASE WHEN expires_at <= ? THEN 1 ELSE 0 END)"
                          + " FROM hg_fields WHERE expires_at IS NOT NULL"
                          + " GROUP BY payload_type, path, expires_at / " + DAY_MILLIS)) {
                select.setLong(1, now);
                try (ResultSet rows = select.executeQuery()) {
                  while (rows.next()) {
                    FieldCounts field =
                        counts
                            .computeIfAbsent(rows.getString(1), t -> new TypeCounts())
                            .fields
                            .computeIfAbsent(rows.getString(2), p -> new FieldCounts());
                    field.byDay.merge(
                        LocalDate.ofEpochDay(rows.getLong(3)), rows.getLong(4), Long::sum);
                    field.pastExpiry += rows.getLong(5);
                  }
                }
              }
              // Packed fields expire with their record: counted by their record's expiry.
              try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT payload_type, packed_paths, expires_at / " + DAY_MILLIS + ","
                          + " COUNT(*), SUM(CASE WHEN expires_at <= ? THEN 1 ELSE 0 END)"
                          + " FROM hg_records WHERE expires_at IS NOT NULL"
                          + " AND packed_paths IS NOT NULL"
                          + " GROUP BY payload_type, packed_paths, expires_at / " + DAY_MILLIS)) {
                select.setLong(1, now);
                try (ResultSet rows = select.executeQuery()) {
                  while (rows.next()) {
                    for (String path : PackedFields.paths(rows.getString(2))) {
                      FieldCounts field =
                          counts
                              .computeIfAbsent(rows.getString(1), t -> new TypeCounts())
                              .fields
                              .computeIfAbsent(path, p -> new FieldCounts());
                      field.byDay.merge(
                          LocalDate.ofEpochDay(rows.getLong(3)), rows.getLong(4), Long::sum);
                      field.pastExpiry += rows.getLong(5);
                    }
                  }
                }
              }
              // Records whose stored expiry is later than the current schema allows are past
              // their retention once that shorter retention has passed.
              try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT COUNT(*) FROM hg_records WHERE payload_type = ? AND received_at <= ?"
                          + " AND (expires_at IS NULL OR expires_at > ?)")) {
                for (StoreSchema schema : opened) {
                  if (schema.retainDays().isEmpty()) {
                    continue;
                  }
                  select.setString(1, schema.payloadType());
                  select.setLong(2, RecordCodec.retainedAfter(now, schema.retainDays()));
                  select.setLong(3, now);
                  try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    long shortened = rows.getLong(1);
                    if (shortened > 0) {
                      counts.computeIfAbsent(schema.payloadType(), t -> new TypeCounts())
                          .pastExpiry += shortened;
                    }
                  }
                }
              }
              try (Statement select = connection.createStatement();
                  ResultSet row =
                      select.executeQuery(
                          "SELECT MAX(finished_at) FROM hg_retention_sweeps")) {
                row.next();
                long finished = row.getLong(1);
                return row.wasNull()
                    ? Optional.<Instant>empty()
                    : Optional.of(Instant.ofEpochMilli(finished));
              }
            });
    Map<String, StoreSchema> known = new TreeMap<>();
    for (StoreSchema schema : opened) {
      known.put(schema.payloadType(), schema);
      counts.computeIfAbsent(schema.payloadType(), t -> new TypeCounts());
    }
    List<PayloadTypeRetention> types = new ArrayList<>();
    for (Map.Entry<String, TypeCounts> entry : counts.entrySet()) {
      StoreSchema schema = known.get(entry.getKey());
      TypeCounts type = entry.getValue();
      List<FieldRetention> fields = new ArrayList<>();
      Map<String, FieldCounts> stored = new LinkedHashMap<>(type.fields);
      if (schema != null) {
        for (FieldSpec spec : schema.fields()) {
          FieldCounts field = stored.remove(spec.path());
          if (field == null && spec.retainDays().isEmpty() && schema.retainDays().isEmpty()) {
            continue;
          }
          fields.add(fieldRetention(spec.path(), spec.retainDays(), field));
        }
      }
      stored.forEach((path, field) -> fields.add(fieldRetention(path, OptionalInt.empty(), field)));
      types.add(
          new PayloadTypeRetention(
              entry.getKey(),
              schema == null ? OptionalInt.empty() : schema.retainDays(),
              type.records,
              type.records == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(type.oldest)),
              type.byDay,
              type.pastExpiry,
              fields));
    }
    List<LocalDate> liveDays = dayKeys.liveDays().stream().map(LocalDate::ofEpochDay).toList();
    return new RetentionReport(Instant.ofEpochMilli(now), types, liveDays, lastSweep);
  }

  private static FieldRetention fieldRetention(
      String path, OptionalInt retainDays, FieldCounts counts) {
    return counts == null
        ? new FieldRetention(path, retainDays, new TreeMap<>(), 0)
        : new FieldRetention(path, retainDays, counts.byDay, counts.pastExpiry);
  }

}
