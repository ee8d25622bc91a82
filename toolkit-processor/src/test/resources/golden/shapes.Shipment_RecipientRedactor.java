package shapes;

import dev.hookguard.api.Generated;
import dev.hookguard.runtime.companion.AbstractRedactor;
import dev.hookguard.runtime.generated.PayloadWriter;
import dev.hookguard.runtime.redact.RedactionContext;

/**
 * Redacts {@link Shipment.Recipient} for log lines, JSON and forwarding, as its annotations say.
 * It has no {@code @Sensitive} properties: every value is shown.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class Shipment_RecipientRedactor extends AbstractRedactor<Shipment.Recipient> {
    private Shipment_RecipientRedactor(RedactionContext context) {
        super(context, Shipment_RecipientRedactor::write, Shipment_RecipientRedactor::copyRedacted);
    }

    /**
     * A redactor whose {@code HASH} pseudonyms use this process's random key.
     */
    public static Shipment_RecipientRedactor create() {
        return new Shipment_RecipientRedactor(RedactionContext.create());
    }

    /**
     * A redactor whose {@code HASH} pseudonyms use the key of {@code context}.
     */
    public static Shipment_RecipientRedactor create(RedactionContext context) {
        return new Shipment_RecipientRedactor(context);
    }

    /**
     * Writes {@code value} with every sensitive value masked. The redactors of
     * payloads that contain a {@code Shipment.Recipient} call this.
     */
    public static void write(PayloadWriter out, Shipment.Recipient value,
            RedactionContext context) {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject("Recipient");
        out.name("name");
        out.string(value.name());
        out.endObject();
    }

    /**
     * A copy of {@code value} that is safe to forward: sensitive strings masked,
     * other sensitive values and {@code OMIT} values left empty, nested payloads redacted.
     */
    public static Shipment.Recipient copyRedacted(Shipment.Recipient value,
            RedactionContext context) {
        if (value == null) {
            return null;
        }
        return new Shipment.Recipient(
                value.name());
    }
}
