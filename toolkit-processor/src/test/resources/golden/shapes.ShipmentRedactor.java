package shapes;

import dev.hookguard.api.Generated;
import dev.hookguard.runtime.companion.AbstractRedactor;
import dev.hookguard.runtime.generated.Masks;
import dev.hookguard.runtime.generated.PayloadWriter;
import dev.hookguard.runtime.redact.RedactionContext;

/**
 * Redacts {@link Shipment} for log lines, JSON and forwarding, as its annotations say.
 *
 * <ul>
 *   <li>{@code recipient}: PERSONAL, mask {@code FULL}
 * </ul>
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class ShipmentRedactor extends AbstractRedactor<Shipment> {
    private ShipmentRedactor(RedactionContext context) {
        super(context, ShipmentRedactor::write, ShipmentRedactor::copyRedacted);
    }

    /**
     * A redactor whose {@code HASH} pseudonyms use this process's random key.
     */
    public static ShipmentRedactor create() {
        return new ShipmentRedactor(RedactionContext.create());
    }

    /**
     * A redactor whose {@code HASH} pseudonyms use the key of {@code context}.
     */
    public static ShipmentRedactor create(RedactionContext context) {
        return new ShipmentRedactor(context);
    }

    /**
     * Writes {@code value} with every sensitive value masked. The redactors of
     * payloads that contain a {@code Shipment} call this.
     */
    public static void write(PayloadWriter out, Shipment value, RedactionContext context) {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject("Shipment");
        out.name("id");
        out.string(value.id());
        out.name("from");
        Shipment_AddressRedactor.write(out, value.from(), context);
        out.name("to");
        Shipment_AddressRedactor.write(out, value.to(), context);
        out.name("recipient");
        out.masked(Masks.REDACTED);
        out.endObject();
    }

    /**
     * A copy of {@code value} that is safe to forward: sensitive strings masked,
     * other sensitive values and {@code OMIT} values left empty, nested payloads redacted.
     */
    public static Shipment copyRedacted(Shipment value, RedactionContext context) {
        if (value == null) {
            return null;
        }
        return new Shipment(
                value.id(),
                Shipment_AddressRedactor.copyRedacted(value.from(), context),
                Shipment_AddressRedactor.copyRedacted(value.to(), context),
                null);
    }
}
