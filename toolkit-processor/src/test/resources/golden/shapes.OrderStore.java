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
 * Keeps {@link Order} records: encrypted at rest where its annotations say,
 * masked on {@code find} as {@link OrderRedactor} masks them, revealed only to an
 * accessor granted every category, kept no longer than its retention.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class OrderStore extends AbstractPayloadStore<Order> {
    /**
     * How {@code Order} is stored, property by property.
     */
    public static final StoreSchema SCHEMA = new StoreSchema(
            "shapes.Order",
            OptionalInt.empty(),
            List.of(
                new FieldSpec("number", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("total", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("paid", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("buyerEmail", Sensitive.Category.PERSONAL, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("note", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("weight", Sensitive.Category.PERSONAL, Protection.PLAIN, OptionalInt.empty())));

    private OrderStore(PayloadTable table, OrderRedactor redactor) {
        super(table, SCHEMA, redactor, OrderVerifier::write, OrderVerifier::read);
    }

    /**
     * The store of {@code Order} records in {@code hookGuard}; {@code HASH}
     * pseudonyms use the store's own key, the same on every instance.
     */
    public static OrderStore create(HookGuard hookGuard) {
        return create(hookGuard, hookGuard.redactionContext());
    }

    /**
     * The store of {@code Order} records, masking {@code HASH} properties under
     * the key of {@code context}.
     */
    public static OrderStore create(HookGuard hookGuard, RedactionContext context) {
        return new OrderStore(GeneratedStores.table(hookGuard, SCHEMA), OrderRedactor.create(context));
    }
}
