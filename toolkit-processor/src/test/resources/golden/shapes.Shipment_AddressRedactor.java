package shapes;

import dev.hookguard.api.Generated;
import dev.hookguard.runtime.companion.AbstractRedactor;
import dev.hookguard.runtime.generated.Masks;
import dev.hookguard.runtime.generated.PayloadWriter;
import dev.hookguard.runtime.redact.RedactionContext;

/**
 * Redacts {@link Shipment.Address} for log lines, JSON and forwarding, as its annotations say.
 *
 * <ul>
 *   <li>{@code street}: CONTACT, mask {@code FULL}
 * </ul>
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class Shipment_AddressRedactor extends AbstractRedactor<Shipment.Address> {
    private Shipment_AddressRedactor(RedactionContext context) {
        super(context, Shipment_AddressRedactor::write, Shipment_AddressRedactor::copyRedacted);
    }

    /**
     * A redactor whose {@code HASH} pseudonyms use this process's random key.
     */
    public static Shipment_AddressRedactor create() {
        return new Shipment_AddressRedactor(RedactionContext.create());
    }

    /**
     * A redactor whose {@code HASH} pseudonyms use the key of {@code context}.
     */
    public static Shipment_AddressRedactor create(RedactionContext context) {
        return new Shipment_AddressRedactor(context);
    }

    /**
     * Writes {@code value} with every sensitive value masked. The redactors of
     * payloads that contain a {@code Shipment.Address} call this.
     */
    public static void write(PayloadWriter out, Shipment.Address value, RedactionContext context) {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject("Address");
        out.name("city");
        out.string(value.city());
        out.name("street");
        out.masked(Masks.REDACTED);
        out.endObject();
    }

    /**
     * A copy of {@code value} that is safe to forward: sensitive strings masked,
     * other sensitive values and {@code OMIT} values left empty, nested payloads redacted.
     */
    public static Shipment.Address copyRedacted(Shipment.Address value, RedactionContext context) {
        if (value == null) {
            return null;
        }
        return new Shipment.Address(
                value.city(),
                Masks.REDACTED);
    }
}
