package dev.hookguard.runtime.store.internal;

import dev.hookguard.api.Sensitive;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.audit.AuditSink;
import dev.hookguard.runtime.crypto.internal.DataKeys;
import dev.hookguard.runtime.crypto.internal.KeyRing;
import dev.hookguard.runtime.store.AccessDeniedException;
import dev.hookguard.runtime.store.Accessor;
import dev.hookguard.runtime.store.DuplicateRecordException;
import dev.hookguard.runtime.store.FieldSpec;
import dev.hookguard.runtime.store.PayloadTable;
import dev.hookguard.runtime.store.Protection;
import dev.hookguard.runtime.store.StoreException;
import dev.hookguard.runtime.store.StoreSchema;
import dev.hookguard.runtime.store.StoredRecord;
import dev.hookguard.runtime.store.TamperedRecordException;
import dev.hookguard.runtime.store.internal.RecordCodec.PlainField;
import dev.hookguard.runtime.store.internal.RecordCodec.SealedRecord;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;

/** {@link PayloadTable} on the shared JDBC schema. */
public final class JdbcPayloadTable implements PayloadTable {

  private final StoreSchema schema;
  private final Database database;
  private final KeyRing keys;
  private final Clock clock;
  private final AuditSink audit;

  /** A table of {@code schema}'s payload type in {@code database}. */
  public JdbcPayloadTable(
      StoreSchema schema, Database database, KeyRing keys, Clock clock, AuditSink audit) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.database = Objects.requireNonNull(database, "database");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  @Override
  public StoreSchema schema() {
    return schema;
  }

  @Override
  public void put(String id, Map<String, String> fieldJson, boolean overwrite) {
    requireId(id);
    Objects.requireNonNull(fieldJson, "fieldJson");
    for (String path : fieldJson.keySet()) {
      if (schema.field(path).isEmpty()) {
        throw new StoreException(
            StoreException.Reason.INVALID_REQUEST,
            "field " + path + " is not in the schema of " + schema.payloadType());
      }
    }
    Instant receivedAt = clock.instant();
    List<PlainField> fields = new ArrayList<>();
    for (FieldSpec spec : schema.fields()) {
      if (!fieldJson.containsKey(spec.path())) {
        continue;
      }
      String json = fieldJson.get(spec.path());
      String canonical = CanonicalJson.canonical(json == null ? "null" : json, spec.path());
      fields.add(
          new PlainField(
              spec.path(), spec.protection(), canonical, expiry(receivedAt, spec.retainDays())));
    }
    Long recordExpiry = expiry(receivedAt, schema.retainDays());
    database.inTransaction(
        "storing a " + schema.payloadType() + " record",
        connection -> {
          DataKeys current = keys.forWrite(connection);
          SealedRecord sealed = seal(current, id, receivedAt.toEpochMilli(), recordExpiry, fields);
          if (overwrite) {
            RecordRows.delete(connection, schema.payloadType(), id);
          }
          if (!RecordRows.insert(connection, sealed)) {
            throw new DuplicateRecordException(schema.payloadType(), id);
          }
          return null;
        });
  }

  @Override
  public Optional<StoredRecord> get(String id) {
    requireId(id);
    return read(id, path -> true);
  }

  @Override
  public List<String> idsByValue(String path, String fieldJson) {
    FieldSpec spec =
        schema
            .field(path)
            .filter(f -> f.protection() == Protection.DETERMINISTIC)
            .orElseThrow(
                () ->
                    new StoreException(
                        StoreException.Reason.INVALID_REQUEST,
                        path + " is not a deterministic field of " + schema.payloadType()));
    String canonical =
        CanonicalJson.canonical(fieldJson == null ? "null" : fieldJson, spec.path());
    byte[] input = RecordCodec.tokenInput(schema.payloadType(), spec.path(), canonical);
    return database.inTransaction(
        "looking up " + schema.payloadType() + " records by " + path,
        connection -> {
          DataKeys current = keys.forRead(connection);
          List<byte[]> tokens;
          try {
            tokens = current.allTokens(input);
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the PRF keyset cannot compute tokens", e);
          }
          return RecordRows.idsByToken(connection, schema.payloadType(), spec.path(), tokens);
        });
  }

  @Override
  public boolean delete(String id) {
    requireId(id);
    return database.inTransaction(
        "deleting a " + schema.payloadType() + " record",
        connection -> RecordRows.delete(connection, schema.payloadType(), id));
  }

  @Override
  public Optional<StoredRecord> reveal(String id, Accessor who, String purpose) {
    Set<String> all = new LinkedHashSet<>();
    schema.fields().forEach(f -> all.add(f.path()));
    return reveal(id, who, purpose, all);
  }

  @Override
  public Optional<StoredRecord> reveal(
      String id, Accessor who, String purpose, Set<String> paths) {
    requireId(id);
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(purpose, "purpose");
    if (purpose.isBlank()) {
      throw new StoreException(StoreException.Reason.INVALID_REQUEST, "a reveal needs a purpose");
    }
    for (String path : paths) {
      if (schema.field(path).isEmpty()) {
        throw new StoreException(
            StoreException.Reason.INVALID_REQUEST,
            "field " + path + " is not in the schema of " + schema.payloadType());
      }
    }
    List<String> asked = new ArrayList<>();
    EnumSet<Sensitive.Category> missing = EnumSet.noneOf(Sensitive.Category.class);
    for (FieldSpec spec : schema.fields()) {
      if (!paths.contains(spec.path())) {
        continue;
      }
      asked.add(spec.path());
      for (Sensitive.Category category : spec.categories()) {
        if (!who.isGranted(category)) {
          missing.add(category);
        }
      }
    }
    if (!missing.isEmpty()) {
      audit(AuditEvent.Kind.REVEAL_DENIED, id, who, purpose, asked, "not granted " + missing);
      throw new AccessDeniedException(schema.payloadType(), who.name(), missing);
    }
    Optional<StoredRecord> record;
    try {
      record = read(id, paths::contains);
    } catch (TamperedRecordException e) {
      audit(AuditEvent.Kind.REVEAL_TAMPERED, id, who, purpose, asked, "integrity check failed");
      throw e;
    }
    if (record.isEmpty()) {
      audit(AuditEvent.Kind.REVEAL_NOT_FOUND, id, who, purpose, asked, "no such record");
      return record;
    }
    audit(
        AuditEvent.Kind.REVEAL_GRANTED,
        id,
        who,
        purpose,
        List.copyOf(record.get().fieldJson().keySet()),
        "granted");
    return record;
  }

  private void audit(
      AuditEvent.Kind kind,
      String id,
      Accessor who,
      String purpose,
      List<String> fields,
      String reason) {
    audit.record(
        new AuditEvent(
            clock.instant(), kind, schema.payloadType(), id, who.name(), purpose, fields, reason));
  }

  private Optional<StoredRecord> read(String id, Predicate<String> wanted) {
    return database.inTransaction(
        "reading a " + schema.payloadType() + " record",
        connection -> {
          DataKeys current = keys.forRead(connection);
          Optional<SealedRecord> sealed = RecordRows.read(connection, schema.payloadType(), id);
          if (sealed.isEmpty()) {
            return Optional.empty();
          }
          Map<String, String> opened =
              RecordCodec.open(
                  current, sealed.get(), path -> schema.field(path).isPresent() && wanted.test(path));
          // Schema order, not storage (path) order.
          Map<String, String> ordered = new LinkedHashMap<>();
          for (FieldSpec spec : schema.fields()) {
            String json = opened.get(spec.path());
            if (json != null) {
              ordered.put(spec.path(), json);
            }
          }
          return Optional.of(
              new StoredRecord(
                  id,
                  schema.payloadType(),
                  Instant.ofEpochMilli(sealed.get().receivedAt()),
                  ordered));
        });
  }

  private SealedRecord seal(
      DataKeys current, String id, long receivedAt, Long recordExpiry, List<PlainField> fields) {
    try {
      return RecordCodec.seal(current, schema.payloadType(), id, receivedAt, recordExpiry, fields);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the data keys cannot seal a record", e);
    }
  }

  private static Long expiry(Instant receivedAt, OptionalInt retainDays) {
    return retainDays.isPresent()
        ? receivedAt.plus(Duration.ofDays(retainDays.getAsInt())).toEpochMilli()
        : null;
  }

  private void requireId(String id) {
    Objects.requireNonNull(id, "id");
    if (id.isEmpty()) {
      throw new StoreException(StoreException.Reason.INVALID_REQUEST, "a record id is empty");
    }
  }

  @Override
  public String toString() {
    return "PayloadTable[" + schema.payloadType() + " in " + database + "]";
  }
}
