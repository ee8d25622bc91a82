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
import java.util.Set;

/**
 * Keeps {@link Shipment} records: encrypted at rest where its annotations say,
 * masked on {@code find} as {@link ShipmentRedactor} masks them, revealed only to an
 * accessor granted every category, kept no longer than its retention.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class ShipmentStore extends AbstractPayloadStore<Shipment> {
    /**
     * How {@code Shipment} is stored, property by property.
     */
    public static final StoreSchema SCHEMA = new StoreSchema(
            "shapes.Shipment",
            OptionalInt.empty(),
            List.of(
                new FieldSpec("id", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("from", null, Protection.PLAIN, OptionalInt.empty(),
                        Set.of(Sensitive.Category.CONTACT)),
                new FieldSpec("to", null, Protection.PLAIN, OptionalInt.empty(),
                        Set.of(Sensitive.Category.CONTACT)),
                new FieldSpec("recipient", Sensitive.Category.PERSONAL, Protection.PLAIN, OptionalInt.empty())));

    private ShipmentStore(PayloadTable table, ShipmentRedactor redactor) {
        super(table, SCHEMA, redactor, ShipmentVerifier::write, ShipmentVerifier::read);
    }

    /**
     * The store of {@code Shipment} records in {@code hookGuard}; {@code HASH}
     * pseudonyms use the store's own key, the same on every instance.
     */
    public static ShipmentStore create(HookGuard hookGuard) {
        return create(hookGuard, hookGuard.redactionContext());
    }

    /**
     * The store of {@code Shipment} records, masking {@code HASH} properties under
     * the key of {@code context}.
     */
    public static ShipmentStore create(HookGuard hookGuard, RedactionContext context) {
        return new ShipmentStore(GeneratedStores.table(hookGuard, SCHEMA), ShipmentRedactor.create(context));
    }
}
