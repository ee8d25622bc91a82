package shapes;

import dev.hookguard.api.Generated;
import dev.hookguard.api.Sensitive;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.generated.FieldSpec;
import dev.hookguard.runtime.generated.GeneratedStores;
import dev.hookguard.runtime.generated.PayloadStore;
import dev.hookguard.runtime.generated.PayloadTable;
import dev.hookguard.runtime.generated.PayloadWriter;
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
 * Keeps {@link Customer} records: encrypted at rest where its annotations say,
 * masked on {@code find}, revealed only to an accessor granted every category, kept
 * no longer than its retention.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class CustomerStore implements PayloadStore<Customer> {
    /**
     * How {@code Customer} is stored, property by property.
     */
    public static final StoreSchema SCHEMA = new StoreSchema(
            "shapes.Customer",
            OptionalInt.of(30),
            List.of(
                new FieldSpec("id", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("email", Sensitive.Category.CONTACT, Protection.DETERMINISTIC, OptionalInt.empty()),
                new FieldSpec("card_number", Sensitive.Category.FINANCIAL, Protection.RANDOMIZED, OptionalInt.empty()),
                new FieldSpec("customer_id", Sensitive.Category.PERSONAL, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("api_key", Sensitive.Category.CREDENTIAL, Protection.RANDOMIZED, OptionalInt.empty()),
                new FieldSpec("age", Sensitive.Category.PERSONAL, Protection.PLAIN, OptionalInt.of(7)),
                new FieldSpec("created", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("balance", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("nickname", null, Protection.PLAIN, OptionalInt.empty())));

    private final PayloadTable table;

    private final CustomerRedactor redactor;

    private CustomerStore(PayloadTable table, CustomerRedactor redactor) {
        this.table = table;
        this.redactor = redactor;
    }

    /**
     * The store of {@code Customer} records in {@code hookGuard}; {@code HASH}
     * pseudonyms use the store's own key, the same on every instance.
     */
    public static CustomerStore create(HookGuard hookGuard) {
        return create(hookGuard, hookGuard.redactionContext());
    }

    /**
     * The store of {@code Customer} records, masking {@code HASH} properties under
     * the key of {@code context}.
     */
    public static CustomerStore create(HookGuard hookGuard, RedactionContext context) {
        return new CustomerStore(GeneratedStores.table(hookGuard, SCHEMA), CustomerRedactor.create(context));
    }

    /**
     * Stores {@code value} under {@code id} in one transaction; an existing
     * {@code id} is refused with {@code DuplicateRecordException}.
     */
    public void put(String id, Customer value) {
        put(id, value, false);
    }

    /**
     * Stores {@code value} under {@code id} in one transaction, replacing an
     * existing record only if {@code overwrite}.
     */
    public void put(String id, Customer value, boolean overwrite) {
        table.put(id, fields(value), overwrite);
    }

    /**
     * Stores each of {@code values} under its id in one transaction, all or
     * none, for bulk imports; an existing id is refused with
     * {@code DuplicateRecordException} and nothing is written.
     */
    public void putAll(Map<String, Customer> values) {
        putAll(values, false);
    }

    /**
     * Stores each of {@code values} under its id in one transaction, all or
     * none, replacing existing records only if {@code overwrite}.
     */
    public void putAll(Map<String, Customer> values, boolean overwrite) {
        Map<String, Map<String, String>> records = new LinkedHashMap<>();
        values.forEach((id, value) -> records.put(id, fields(value)));
        table.putAll(records, overwrite);
    }

    /**
     * The record stored under {@code id}, sensitive values masked as
     * {@link CustomerRedactor} masks them.
     */
    public Optional<Customer> find(String id) {
        return table.get(id).map(this::masked);
    }

    /**
     * The record stored under {@code id} in plaintext, if {@code who} is granted
     * every category of its sensitive properties; audited with {@code purpose}
     * whether granted or not.
     */
    public Optional<Customer> reveal(String id, Accessor who, String purpose) {
        return revealWithExpiry(id, who, purpose).map(Revealed::value);
    }

    /**
     * As {@link #reveal}, same access check and audit entry, and tells which
     * properties are absent because their retention passed: those are listed in
     * {@link Revealed#expiredFields()}, a property that arrived {@code null} is not.
     */
    public Optional<Revealed<Customer>> revealWithExpiry(String id, Accessor who, String purpose) {
        return table.reveal(id, who, purpose).map(r -> StoredDocuments.revealed(r, CustomerVerifier::read));
    }

    /**
     * The records whose {@code email} equals {@code value}, masked as by
     * {@link #find}; an index look-up by keyed token, never a scan.
     */
    public List<Customer> findByEmail(String value) {
        return findBy("email", PayloadWriter.toJson(value, (out, v) -> out.string(v)));
    }

    /**
     * Deletes the record stored under {@code id}; false if there was none.
     */
    public boolean delete(String id) {
        return table.delete(id);
    }

    private List<Customer> findBy(String path, String json) {
        return table.idsByValue(path, json).stream().map(this::find).flatMap(Optional::stream).toList();
    }

    @Override
    public StoreSchema schema() {
        return SCHEMA;
    }

    @Override
    public Map<String, String> fields(Customer value) {
        return StoredDocuments.fields(value, CustomerVerifier::write);
    }

    private Customer masked(StoredRecord record) {
        return redactor.redact(StoredDocuments.read(record, CustomerVerifier::read));
    }
}
