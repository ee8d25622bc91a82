package dev.hookguard.runtime.generated;

import dev.hookguard.runtime.store.AccessDeniedException;
import dev.hookguard.runtime.store.Accessor;
import dev.hookguard.runtime.store.DuplicateRecordException;
import dev.hookguard.runtime.store.StoreException;
import dev.hookguard.runtime.store.TamperedRecordException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The records of one payload type, obtained once from {@code HookGuard.table(StoreSchema)}.
 * Generated {@code XStore} classes call it; applications normally use those.
 *
 * <p>Fields are exchanged as JSON texts of the top-level properties, keyed by JSON path. At rest
 * each field is kept as its {@link FieldSpec#protection()} says; every ciphertext is bound by
 * associated data to (format version, payload type, record id, field path), and the record
 * carries a MAC over its id, receipt time, key generation and every field's path, protection,
 * stored bytes and lookup token. Any mismatch on reading is a {@link TamperedRecordException}.
 *
 * <p><b>Retention.</b> A record expires {@link StoreSchema#retainDays()} after receipt, a field
 * {@link FieldSpec#retainDays()} after receipt (never after its record). From that instant, with
 * or without a sweep, {@link #get}, {@link #reveal} and {@link #idsByValue} behave as if an expired
 * record were absent, and leave expired fields out of what they return, listing them in {@link
 * StoredRecord#expiredFields()}. See {@code dev.hookguard.runtime.retention}.
 *
 * <p>Implementations are thread-safe. Every write is one transaction.
 */
public interface PayloadTable {

  /** The schema this table was opened with. */
  StoreSchema schema();

  /**
   * Seals and stores a record in one transaction. {@code fieldJson} maps paths of the schema to
   * JSON texts ({@code "null"} allowed; a Java {@code null} value is stored as JSON null); a
   * schema field missing from the map is not stored and reads back as absent.
   *
   * @throws DuplicateRecordException if a record with {@code id} exists and {@code overwrite} is
   *     false; nothing is written
   * @throws StoreException with {@code INVALID_REQUEST} for a path not in the schema or a value
   *     that is not a single JSON value
   */
  void put(String id, Map<String, String> fieldJson, boolean overwrite);

  /**
   * Seals and stores many records in one transaction, for bulk imports: all of them or, if any
   * fails, none. Each value is a {@code fieldJson} map as {@link #put} takes it; records are
   * written in the map's iteration order and in multi-row statements, so the cost per record is
   * far below one {@link #put} each.
   *
   * @throws DuplicateRecordException if a record with one of the ids exists and {@code overwrite}
   *     is false; nothing is written
   * @throws StoreException with {@code INVALID_REQUEST} as {@link #put} throws it; nothing is
   *     written
   */
  void putAll(Map<String, Map<String, String>> fieldJsonById, boolean overwrite);

  /**
   * {@link #putAll(Map, boolean)} of {@code values}, each written into its {@code fieldJson} map by
   * {@code fields} (a generated store's writer); the records are written in the map's iteration
   * order. An implementation may call {@code fields} on more than one thread at once and in any
   * order (the runtime's does, with a thread of the common fork-join pool): it must not depend on
   * the calling thread's state. This default calls it on the calling thread, then stores them.
   */
  default <X> void putAll(
      Map<String, X> values, Function<? super X, Map<String, String>> fields, boolean overwrite) {
    Map<String, Map<String, String>> records = new LinkedHashMap<>();
    values.forEach((id, value) -> records.put(id, fields.apply(value)));
    putAll(records, overwrite);
  }

  /**
   * Reads, verifies and decrypts a record: every field in plaintext. This is the trusted primitive
   * beneath {@code XStore.find} (which masks sensitive fields before returning); it is not
   * access-checked and not audited. Use {@link #reveal} to hand plaintext to someone.
   *
   * @throws TamperedRecordException if the record fails its MAC or any field its decryption
   */
  Optional<StoredRecord> get(String id);

  /**
   * The ids of the records whose {@link Protection#DETERMINISTIC} field {@code path} equals
   * {@code fieldJson} (compared in canonical JSON form), in id order. Answered from an index of
   * keyed lookup tokens, without a table scan and without decrypting anything. Records found
   * should be read through {@link #get} or {@link #reveal}, which verify them.
   *
   * @throws StoreException with {@code INVALID_REQUEST} if {@code path} is not a deterministic
   *     field of the schema
   */
  List<String> idsByValue(String path, String fieldJson);

  /** Deletes a record and its fields in one transaction; {@code true} if there was one. */
  boolean delete(String id);

  /**
   * Reveals every field of a record to {@code who}, for {@code purpose}.
   *
   * <p><b>Refuse-all policy.</b> If {@code who} lacks the category of any sensitive field of the
   * schema, the whole reveal is refused with an {@link AccessDeniedException} before anything is
   * read or decrypted: a caller never receives a record whose missing fields might be mistaken
   * for {@code null}s. To see part of a record, ask for those fields with
   * {@link #reveal(String, Accessor, String, Set)}.
   *
   * <p>Every reveal, granted or refused, writes one {@link dev.hookguard.runtime.audit.AuditEvent}
   * (never a value) before returning; if the audit sink fails, nothing is returned.
   *
   * @throws AccessDeniedException if a category is not granted (audited as {@code REVEAL_DENIED})
   * @throws TamperedRecordException if the record fails verification (audited as
   *     {@code REVEAL_TAMPERED}); any other failure (a key, the database) is audited as {@code
   *     REVEAL_FAILED} when the trail can still be written
   */
  Optional<StoredRecord> reveal(String id, Accessor who, String purpose);

  /**
   * Like {@link #reveal(String, Accessor, String)}, restricted to the fields {@code paths}: only
   * their categories are checked and only they are returned (the record MAC is still verified
   * over all fields). Every path must be in the schema.
   */
  Optional<StoredRecord> reveal(String id, Accessor who, String purpose, Set<String> paths);
}
