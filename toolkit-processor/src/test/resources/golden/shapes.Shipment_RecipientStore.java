package shapes;

import dev.hookguard.api.Generated;
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
 * Keeps {@link Shipment.Recipient} records: encrypted at rest where its annotations say,
 * masked on {@code find} as {@link Shipment_RecipientRedactor} masks them, revealed only to an
 * accessor granted every category, kept no longer than its retention.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class Shipment_RecipientStore extends AbstractPayloadStore<Shipment.Recipient> {
    /**
     * How {@code Recipient} is stored, property by property.
     */
    public static final StoreSchema SCHEMA = new StoreSchema(
            "shapes.Shipment.Recipient",
            OptionalInt.empty(),
            List.of(
                new FieldSpec("name", null, Protection.PLAIN, OptionalInt.empty())));

    private Shipment_RecipientStore(PayloadTable table, Shipment_RecipientRedactor redactor) {
        super(table, SCHEMA, redactor, Shipment_RecipientVerifier::write, Shipment_RecipientVerifier::read);
    }

    /**
     * The store of {@code Recipient} records in {@code hookGuard}; {@code HASH}
     * pseudonyms use the store's own key, the same on every instance.
     */
    public static Shipment_RecipientStore create(HookGuard hookGuard) {
        return create(hookGuard, hookGuard.redactionContext());
    }

    /**
     * The store of {@code Recipient} records, masking {@code HASH} properties under
     * the key of {@code context}.
     */
    public static Shipment_RecipientStore create(HookGuard hookGuard, RedactionContext context) {
        return new Shipment_RecipientStore(GeneratedStores.table(hookGuard, SCHEMA), Shipment_RecipientRedactor.create(context));
    }
}
