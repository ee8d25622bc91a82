package shapes;

import dev.hookguard.api.Generated;
import dev.hookguard.api.Sensitive;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.companion.AbstractPayloadStore;
import dev.hookguard.runtime.generated.FieldSpec;
import dev.hookguard.runtime.generated.GeneratedStores;
import dev.hookguard.runtime.generated.PayloadTable;
import dev.hookguard.runtime.generated.Protection;
import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.redact.RedactionContext;
import java.util.List;
import java.util.OptionalInt;

/**
 * Keeps {@link Shipment.Address} records: encrypted at rest where its annotations say,
 * masked on {@code find} as {@link Shipment_AddressRedactor} masks them, revealed only to an
 * accessor granted every category, kept no longer than its retention.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class Shipment_AddressStore extends AbstractPayloadStore<Shipment.Address> {
    /**
     * How {@code Address} is stored, property by property.
     */
    public static final StoreSchema SCHEMA = new StoreSchema(
            "shapes.Shipment.Address",
            OptionalInt.empty(),
            List.of(
                new FieldSpec("city", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("street", Sensitive.Category.CONTACT, Protection.PLAIN, OptionalInt.empty())));

    private Shipment_AddressStore(PayloadTable table, Shipment_AddressRedactor redactor) {
        super(table, SCHEMA, redactor, Shipment_AddressVerifier::write, Shipment_AddressVerifier::read);
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
}
