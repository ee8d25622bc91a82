package shapes;

import dev.hookguard.api.Generated;
import dev.hookguard.api.Sensitive;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.companion.AbstractPayloadStore;
import dev.hookguard.runtime.generated.FieldSpec;
import dev.hookguard.runtime.generated.GeneratedStores;
import dev.hookguard.runtime.generated.PayloadTable;
import dev.hookguard.runtime.generated.PayloadWriter;
import dev.hookguard.runtime.generated.Protection;
import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.redact.RedactionContext;
import java.util.List;
import java.util.OptionalInt;

/**
 * Keeps {@link Customer} records: encrypted at rest where its annotations say,
 * masked on {@code find} as {@link CustomerRedactor} masks them, revealed only to an
 * accessor granted every category, kept no longer than its retention.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class CustomerStore extends AbstractPayloadStore<Customer> {
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

    private CustomerStore(PayloadTable table, CustomerRedactor redactor) {
        super(table, SCHEMA, redactor, CustomerVerifier::write, CustomerVerifier::read);
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
     * The records whose {@code email} equals {@code value}, masked as by
     * {@code find}; an index look-up by keyed token, never a scan.
     */
    public List<Customer> findByEmail(String value) {
        return findBy("email", PayloadWriter.toJson(value, (out, v) -> out.string(v)));
    }
}
