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
 * Keeps {@link Catalog.Item} records: encrypted at rest where its annotations say,
 * masked on {@code find} as {@link Catalog_ItemRedactor} masks them, revealed only to an
 * accessor granted every category, kept no longer than its retention.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class Catalog_ItemStore extends AbstractPayloadStore<Catalog.Item> {
    /**
     * How {@code Item} is stored, property by property.
     */
    public static final StoreSchema SCHEMA = new StoreSchema(
            "shapes.Catalog.Item",
            OptionalInt.empty(),
            List.of(
                new FieldSpec("sku", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("serial", Sensitive.Category.PERSONAL, Protection.PLAIN, OptionalInt.empty())));

    private Catalog_ItemStore(PayloadTable table, Catalog_ItemRedactor redactor) {
        super(table, SCHEMA, redactor, Catalog_ItemVerifier::write, Catalog_ItemVerifier::read);
    }

    /**
     * The store of {@code Item} records in {@code hookGuard}; {@code HASH}
     * pseudonyms use the store's own key, the same on every instance.
     */
    public static Catalog_ItemStore create(HookGuard hookGuard) {
        return create(hookGuard, hookGuard.redactionContext());
    }

    /**
     * The store of {@code Item} records, masking {@code HASH} properties under
     * the key of {@code context}.
     */
    public static Catalog_ItemStore create(HookGuard hookGuard, RedactionContext context) {
        return new Catalog_ItemStore(GeneratedStores.table(hookGuard, SCHEMA), Catalog_ItemRedactor.create(context));
    }
}
