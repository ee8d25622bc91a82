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
 * Keeps {@link Invoice} records: encrypted at rest where its annotations say,
 * masked on {@code find} as {@link InvoiceRedactor} masks them, revealed only to an
 * accessor granted every category, kept no longer than its retention.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class InvoiceStore extends AbstractPayloadStore<Invoice> {
    /**
     * How {@code Invoice} is stored, property by property.
     */
    public static final StoreSchema SCHEMA = new StoreSchema(
            "shapes.Invoice",
            OptionalInt.of(90),
            List.of(
                new FieldSpec("number", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("billed_to", null, Protection.RANDOMIZED, OptionalInt.empty(),
                        Set.of(Sensitive.Category.CONTACT, Sensitive.Category.FINANCIAL)),
                new FieldSpec("lines", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("totals_by_currency", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("contacts", null, Protection.RANDOMIZED, OptionalInt.empty(),
                        Set.of(Sensitive.Category.CONTACT, Sensitive.Category.FINANCIAL)),
                new FieldSpec("note", null, Protection.PLAIN, OptionalInt.of(30),
                        Set.of(Sensitive.Category.PERSONAL)),
                new FieldSpec("credits", null, Protection.PLAIN, OptionalInt.empty()),
                new FieldSpec("ship_to", Sensitive.Category.CONTACT, Protection.RANDOMIZED, OptionalInt.empty(),
                        Set.of(Sensitive.Category.CONTACT, Sensitive.Category.FINANCIAL))));

    private InvoiceStore(PayloadTable table, InvoiceRedactor redactor) {
        super(table, SCHEMA, redactor, InvoiceVerifier::write, InvoiceVerifier::read);
    }

    /**
     * The store of {@code Invoice} records in {@code hookGuard}; {@code HASH}
     * pseudonyms use the store's own key, the same on every instance.
     */
    public static InvoiceStore create(HookGuard hookGuard) {
        return create(hookGuard, hookGuard.redactionContext());
    }

    /**
     * The store of {@code Invoice} records, masking {@code HASH} properties under
     * the key of {@code context}.
     */
    public static InvoiceStore create(HookGuard hookGuard, RedactionContext context) {
        return new InvoiceStore(GeneratedStores.table(hookGuard, SCHEMA), InvoiceRedactor.create(context));
    }
}
