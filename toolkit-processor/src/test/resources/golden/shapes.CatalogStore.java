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
 * Keeps {@link Catalog} records: encrypted at rest where its annotations say,
 * masked on {@code find} as {@link CatalogRedactor} masks them, revealed only to an
 * accessor granted every category, kept no longer than its retention.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class CatalogStore extends AbstractPayloadStore<Catalog> {
    /**
     * How {@code Catalog} is stored, property by property.
     */
    public static final StoreSchema SCHEMA = new StoreSchema(
            "shapes.Catalog",
            OptionalInt.empty(),
            List.of(
                new FieldSpec("id", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("tags", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("kinds", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("stock", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("description", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("sizes", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("aliases", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("items", null, Protection.PLAIN, OptionalInt.empty(),
                        Set.of(Sensitive.Category.PERSONAL)),
                new FieldSpec("itemsByShelf", null, Protection.PLAIN, OptionalInt.empty(),
                        Set.of(Sensitive.Category.PERSONAL)),
                new FieldSpec("featured", null, Protection.PLAIN, OptionalInt.empty(),
                        Set.of(Sensitive.Category.PERSONAL)),
                new FieldSpec("archived", null, Protection.PLAIN, OptionalInt.empty(),
                        Set.of(Sensitive.Category.PERSONAL)),
                new FieldSpec("buyers", Sensitive.Category.PERSONAL, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("secretNote", Sensitive.Category.PERSONAL, Protection.PLAIN, OptionalInt.empty())));

    private CatalogStore(PayloadTable table, CatalogRedactor redactor) {
        super(table, SCHEMA, redactor, CatalogVerifier::write, CatalogVerifier::read);
    }

    /**
     * The store of {@code Catalog} records in {@code hookGuard}; {@code HASH}
     * pseudonyms use the store's own key, the same on every instance.
     */
    public static CatalogStore create(HookGuard hookGuard) {
        return create(hookGuard, hookGuard.redactionContext());
    }

    /**
     * The store of {@code Catalog} records, masking {@code HASH} properties under
     * the key of {@code context}.
     */
    public static CatalogStore create(HookGuard hookGuard, RedactionContext context) {
        return new CatalogStore(GeneratedStores.table(hookGuard, SCHEMA), CatalogRedactor.create(context));
    }
}
