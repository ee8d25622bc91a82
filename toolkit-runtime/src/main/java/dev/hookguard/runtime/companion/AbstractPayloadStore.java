package dev.hookguard.runtime.companion;

import dev.hookguard.runtime.generated.PayloadReader;
import dev.hookguard.runtime.generated.PayloadStore;
import dev.hookguard.runtime.generated.PayloadTable;
import dev.hookguard.runtime.generated.PayloadWriter;
import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.generated.StoredDocuments;
import dev.hookguard.runtime.generated.StoredRecord;
import dev.hookguard.runtime.redact.Redactor;
import dev.hookguard.runtime.store.Accessor;
import dev.hookguard.runtime.store.Revealed;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The typed operations of a generated {@code XStore} over the runtime's {@link PayloadTable}:
 * records kept encrypted at rest where {@code X}'s annotations say, masked on {@code find},
 * revealed only to an accessor granted every category, kept no longer than their retention.
 * Encryption, access checks, audit and retention all happen in the runtime; this class and the
 * generated one only map types.
 *
 * @param <X> the payload type
 */
public abstract class AbstractPayloadStore<X> implements PayloadStore<X> {

  private final PayloadTable table;
  private final StoreSchema schema;
  private final Redactor<X> redactor;
  private final PayloadWriter.ValueWriter<X> writer;
  private final PayloadReader.ValueReader<X> reader;

  /**
   * A store of {@code X} in {@code table}, described by {@code schema}, masking with {@code
   * redactor}, splitting a value into fields with {@code writer} (the generated {@code
   * XVerifier::write}) and reading them back with {@code reader} ({@code XVerifier::read}).
   */
  protected AbstractPayloadStore(
      PayloadTable table,
      StoreSchema schema,
      Redactor<X> redactor,
      PayloadWriter.ValueWriter<X> writer,
      PayloadReader.ValueReader<X> reader) {
    this.table = Objects.requireNonNull(table, "table");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  /**
   * Stores {@code value} under {@code id} in one transaction; an existing {@code id} is refused
   * with {@code DuplicateRecordException}.
   */
  public final void put(String id, X value) {
    put(id, value, false);
  }

  /**
   * Stores {@code value} under {@code id} in one transaction, replacing an existing record only
   * if {@code overwrite}.
   */
  public final void put(String id, X value, boolean overwrite) {
    table.put(id, fields(value), overwrite);
  }

  /**
   * Stores each of {@code values} under its id in one transaction, all or none, for bulk imports;
   * an existing id is refused with {@code DuplicateRecordException} and nothing is written.
   */
  public final void putAll(Map<String, X> values) {
    putAll(values, false);
  }

  /**
   * Stores each of {@code values} under its id in one transaction, all or none, replacing
   * existing records only if {@code overwrite}. The values are read (written into their fields)
   * by the calling thread and a thread of the common fork-join pool together, in no set order; if
   * the batch fails, a value the pool's thread has begun reading may be read for a moment after
   * this method has thrown.
   */
  public final void putAll(Map<String, X> values, boolean overwrite) {
    table.putAll(values, this::fields, overwrite);
  }

  /**
   * The record stored under {@code id}, sensitive values masked as the store's redactor (the
   * generated {@code XRedactor}) masks them.
   */
  public final Optional<X> find(String id) {
    return table.get(id).map(this::masked);
  }

  /**
   * The record stored under {@code id} in plaintext, if {@code who} is granted every category of
   * its sensitive properties; audited with {@code purpose} whether granted or not.
   */
  public final Optional<X> reveal(String id, Accessor who, String purpose) {
    return revealWithExpiry(id, who, purpose).map(Revealed::value);
  }

  /**
   * As {@link #reveal}, same access check and audit entry, and tells which properties are absent
   * because their retention passed: those are listed in {@link Revealed#expiredFields()}, a
   * property that arrived {@code null} is not.
   */
  public final Optional<Revealed<X>> revealWithExpiry(String id, Accessor who, String purpose) {
    return table.reveal(id, who, purpose).map(r -> StoredDocuments.revealed(r, reader));
  }

  /** Deletes the record stored under {@code id}; false if there was none. */
  public final boolean delete(String id) {
    return table.delete(id);
  }

  @Override
  public final StoreSchema schema() {
    return schema;
  }

  @Override
  public final Map<String, String> fields(X value) {
    return StoredDocuments.fields(value, writer);
  }

  /**
   * The records whose deterministic property {@code path} holds the value whose JSON is {@code
   * json}, masked as by {@link #find}: an index look-up by keyed token, never a scan. Each
   * generated {@code findByF} calls this with its property's path.
   */
  protected final List<X> findBy(String path, String json) {
    return table.idsByValue(path, json).stream()
        .map(this::find)
        .flatMap(Optional::stream)
        .toList();
  }

  private X masked(StoredRecord record) {
    return redactor.redact(StoredDocuments.read(record, reader));
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + schema.payloadType() + "]";
  }
}
