package shapes;

import dev.hookguard.api.Generated;
import dev.hookguard.api.Sensitive;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.generated.FieldSpec;
import dev.hookguard.runtime.generated.GeneratedStores;
import dev.hookguard.runtime.generated.PayloadStore;
import dev.hookguard.runtime.generated.PayloadTable;
import dev.hookguard.runtime.generated.Protection;
import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.generated.StoredDocuments;
import dev.hookguard.runtime.generated.StoredRecord;
import dev.hookguard.runtime.redact.RedactionContext;
import dev.hookguard.runtime.store.Accessor;
import dev.hookguard.runtime.store.Revealed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Keeps {@link Shipment.Address} records: encrypted at rest where its annotations say,
 * masked on {@code find}, revealed only to an accessor granted every category, kept
 * no longer than its retention.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class Shipment_AddressStore implements PayloadStore<Shipment.Address> {
    /**
     * How {@code Address} is stored, property by property.
     */
    public static final StoreSchema SCHEMA = new StoreSchema(
            "shapes.Shipment.Address",
            OptionalInt.empty(),
            List.of(
                new FieldSpec("city", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("street", Sensitive.Category.CONTACT, Protection.PLAIN, OptionalInt.empty())));

    private final PayloadTable table;

    private final Shipment_AddressRedactor redactor;

    private Shipment_AddressStore(PayloadTable table, Shipment_AddressRedactor redactor) {
        this.table = table;
        this.redactor = redactor;
    }

    /**
     * The store of {@code Address} records in {@code hookGuard}; {@code HASH}
     * pseudonyms use the store's own key, the same on every instance.
     */
    public static Shipment_AddressStore create(HookGuard hookGuard) {
        return create(hookGuard, hookGuard.redactionContext());
    }

    /**
     * The store of {@code Address} records, masking {@code HASH} properties under
     * the key of {@code context}.
     */
    public static Shipment_AddressStore create(HookGuard hookGuard, RedactionContext context) {
        return new Shipment_AddressStore(GeneratedStores.table(hookGuard, SCHEMA), Shipment_AddressRedactor.create(context));
    }

    /**
     * Stores {@code value} under {@code id} in one transaction; an existing
     * {@code id} is refused with {@code DuplicateRecordException}.
     */
    public void put(String id, Shipment.Address value) {
        put(id, value, false);
    }

    /**
     * Stores {@code value} under {@code id} in one transaction, replacing an
     * existing record only if {@code overwrite}.
     */
    public void put(String id, Shipment.Address value, boolean overwrite) {
        table.put(id, fields(value), overwrite);
    }

    /**
     * Stores each of {@code values} under its id in one transaction, all or
     * none, for bulk imports; an existing id is refused with
     * {@code DuplicateRecordException} and nothing is written.
     */
    public void putAll(Map<String, Shipment.Address> values) {
        putAll(values, false);
    }

    /**
     * Stores each of {@code values} under its id in one transaction, all or
     * none, replacing existing records only if {@code overwrite}.
     */
    public void putAll(Map<String, Shipment.Address> values, boolean overwrite) {
        Map<String, Map<String, String>> records = new LinkedHashMap<>();
        values.forEach((id, value) -> records.put(id, fields(value)));
        table.putAll(records, overwrite);
    }

    /**
     * The record stored under {@code id}, sensitive values masked as
     * {@link Shipment_AddressRedactor} masks them.
     */
    public Optional<Shipment.Address> find(String id) {
        return table.get(id).map(this::masked);
    }

    /**
     * The record stored under {@code id} in plaintext, if {@code who} is granted
     * every category of its sensitive properties; audited with {@code purpose}
     * whether granted or not.
     */
    public Optional<Shipment.Address> reveal(String id, Accessor who, String purpose) {
        return revealWithExpiry(id, who, purpose).map(Revealed::value);
    }

    /**
     * As {@link #reveal}, same access check and audit entry, and tells which
     * properties are absent because their retention passed: those are listed in
     * {@link Revealed#expiredFields()}, a property that arrived {@code null} is not.
     */
    public Optional<Revealed<Shipment.Address>> revealWithExpiry(String id, Accessor who,
            String purpose) {
        return table.reveal(id, who, purpose).map(r -> StoredDocuments.revealed(r, Shipment_AddressVerifier::read));
    }

    /**
     * Deletes the record stored under {@code id}; false if there was none.
     */
    public boolean delete(String id) {
        return table.delete(id);
    }

    @Override
    public StoreSchema schema() {
        return SCHEMA;
    }

    @Override
    public Map<String, String> fields(Shipment.Address value) {
        return StoredDocuments.fields(value, Shipment_AddressVerifier::write);
    }

    private Shipment.Address masked(StoredRecord record) {
        return redactor.redact(StoredDocuments.read(record, Shipment_AddressVerifier::read));
    }
}
