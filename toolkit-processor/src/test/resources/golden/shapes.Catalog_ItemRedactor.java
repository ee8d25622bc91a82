package shapes;

import dev.hookguard.api.Generated;
import dev.hookguard.runtime.companion.AbstractRedactor;
import dev.hookguard.runtime.generated.Masks;
import dev.hookguard.runtime.generated.PayloadWriter;
import dev.hookguard.runtime.redact.RedactionContext;

/**
 * Redacts {@link Catalog.Item} for log lines, JSON and forwarding, as its annotations say.
 *
 * <ul>
 *   <li>{@code serial}: PERSONAL, mask {@code LAST4}
 * </ul>
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class Catalog_ItemRedactor extends AbstractRedactor<Catalog.Item> {
    private Catalog_ItemRedactor(RedactionContext context) {
        super(context, Catalog_ItemRedactor::write, Catalog_ItemRedactor::copyRedacted);
    }

    /**
     * A redactor whose {@code HASH} pseudonyms use this process's random key.
     */
    public static Catalog_ItemRedactor create() {
        return new Catalog_ItemRedactor(RedactionContext.create());
    }

    /**
     * A redactor whose {@code HASH} pseudonyms use the key of {@code context}.
     */
    public static Catalog_ItemRedactor create(RedactionContext context) {
        return new Catalog_ItemRedactor(context);
    }

    /**
     * Writes {@code value} with every sensitive value masked. The redactors of
     * payloads that contain a {@code Catalog.Item} call this.
     */
    public static void write(PayloadWriter out, Catalog.Item value, RedactionContext context) {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject("Item");
        out.name("sku");
        out.string(value.sku());
        out.name("serial");
        out.masked(Masks.last4(value.serial()));
        out.endObject();
    }

    /**
     * A copy of {@code value} that is safe to forward: sensitive strings masked,
     * other sensitive values and {@code OMIT} values left empty, nested payloads redacted.
     */
    public static Catalog.Item copyRedacted(Catalog.Item value, RedactionContext context) {
        if (value == null) {
            return null;
        }
        return new Catalog.Item(
                value.sku(),
                Masks.last4(value.serial()));
    }
}
