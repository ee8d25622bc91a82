package shapes;

import dev.hookguard.api.Generated;
import dev.hookguard.runtime.companion.AbstractRedactor;
import dev.hookguard.runtime.generated.Copies;
import dev.hookguard.runtime.generated.Masks;
import dev.hookguard.runtime.generated.PayloadWriter;
import dev.hookguard.runtime.redact.RedactionContext;
import java.util.Optional;

/**
 * Redacts {@link Catalog} for log lines, JSON and forwarding, as its annotations say.
 *
 * <ul>
 *   <li>{@code buyers}: PERSONAL, mask {@code FULL}
 *   <li>{@code secretNote}: PERSONAL, mask {@code OMIT}
 * </ul>
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class CatalogRedactor extends AbstractRedactor<Catalog> {
    private CatalogRedactor(RedactionContext context) {
        super(context, CatalogRedactor::write, CatalogRedactor::copyRedacted);
    }

    /**
     * A redactor whose {@code HASH} pseudonyms use this process's random key.
     */
    public static CatalogRedactor create() {
        return new CatalogRedactor(RedactionContext.create());
    }

    /**
     * A redactor whose {@code HASH} pseudonyms use the key of {@code context}.
     */
    public static CatalogRedactor create(RedactionContext context) {
        return new CatalogRedactor(context);
    }

    /**
     * Writes {@code value} with every sensitive value masked. The redactors of
     * payloads that contain a {@code Catalog} call this.
     */
    public static void write(PayloadWriter out, Catalog value, RedactionContext context) {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject("Catalog");
        out.name("id");
        out.text(value.id());
        out.name("tags");
        out.list(value.tags(), (w, e) -> w.string(e));
        out.name("kinds");
        out.list(value.kinds(), (w, e) -> w.enumConstant(e));
        out.name("stock");
        out.map(value.stock(), (w, e) -> w.number(e));
        out.name("description");
        out.optional(value.description(), (w, e) -> w.string(e));
        out.name("sizes");
        out.array(value.sizes());
        out.name("aliases");
        out.array(value.aliases(), (w, e) -> w.string(e));
        out.name("items");
        out.list(value.items(), (w, e) -> Catalog_ItemRedactor.write(w, e, context));
        out.name("itemsByShelf");
        out.map(value.itemsByShelf(), (w, e) -> w.list(e, (w2, e2) -> Catalog_ItemRedactor.write(w2, e2, context)));
        out.name("featured");
        out.optional(value.featured(), (w, e) -> Catalog_ItemRedactor.write(w, e, context));
        out.name("archived");
        out.array(value.archived(), (w, e) -> Catalog_ItemRedactor.write(w, e, context));
        out.name("buyers");
        out.masked(Masks.REDACTED);
        out.endObject();
    }

    /**
     * A copy of {@code value} that is safe to forward: sensitive strings masked,
     * other sensitive values and {@code OMIT} values left empty, nested payloads redacted.
     */
    public static Catalog copyRedacted(Catalog value, RedactionContext context) {
        if (value == null) {
            return null;
        }
        return new Catalog(
                value.id(),
                value.tags(),
                value.kinds(),
                value.stock(),
                value.description(),
                value.sizes(),
                value.aliases(),
                Copies.list(value.items(), e -> Catalog_ItemRedactor.copyRedacted(e, context)),
                Copies.map(value.itemsByShelf(), e -> Copies.list(e, e2 -> Catalog_ItemRedactor.copyRedacted(e2, context))),
                Copies.optional(value.featured(), e -> Catalog_ItemRedactor.copyRedacted(e, context)),
                Copies.array(value.archived(), e -> Catalog_ItemRedactor.copyRedacted(e, context)),
                null,
                Optional.empty());
    }
}
