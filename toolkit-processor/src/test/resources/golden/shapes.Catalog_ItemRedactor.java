package shapes;

import dev.hookguard.api.Generated;
import dev.hookguard.runtime.generated.Masks;
import dev.hookguard.runtime.generated.PayloadWriter;
import dev.hookguard.runtime.redact.RedactionContext;
import dev.hookguard.runtime.redact.Redactor;
import java.util.Objects;

/**
 * Redacts {@link Catalog.Item} for log lines, JSON and forwarding, as its annotations say.
 *
 * <ul>
 *   <li>{@code serial}: PERSONAL, mask {@code LAST4}
 * </ul>
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class Catalog_ItemRedactor implements Redactor<Catalog.Item> {
    private final RedactionContext context;

    private Catalog_ItemRedactor(RedactionContext context) {
        this.context = context;
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
        return new Catalog_ItemRedactor(Objects.requireNonNull(context, "context"));
    }

    @Override
    public String toLogString(Catalog.Item value) {
        return PayloadWriter.toLogString(value, (out, v) -> write(out, v, context));
    }

    @Override
    public String toRedactedJson(Catalog.Item value) {
        return PayloadWriter.toJson(value, (out, v) -> write(out, v, context));
    }

    @Override
    public Catalog.Item redact(Catalog.Item value) {
        return copyRedacted(value, context);
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
