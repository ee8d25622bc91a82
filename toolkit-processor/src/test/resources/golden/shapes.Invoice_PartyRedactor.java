package shapes;

import dev.hookguard.api.Generated;
import dev.hookguard.runtime.companion.AbstractRedactor;
import dev.hookguard.runtime.generated.Masks;
import dev.hookguard.runtime.generated.PayloadWriter;
import dev.hookguard.runtime.redact.RedactionContext;

/**
 * Redacts {@link Invoice.Party} for log lines, JSON and forwarding, as its annotations say.
 *
 * <ul>
 *   <li>{@code taxId}: FINANCIAL, mask {@code LAST4}
 *   <li>{@code mail}: CONTACT, mask {@code EMAIL}
 * </ul>
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class Invoice_PartyRedactor extends AbstractRedactor<Invoice.Party> {
    private Invoice_PartyRedactor(RedactionContext context) {
        super(context, Invoice_PartyRedactor::write, Invoice_PartyRedactor::copyRedacted);
    }

    /**
     * A redactor whose {@code HASH} pseudonyms use this process's random key.
     */
    public static Invoice_PartyRedactor create() {
        return new Invoice_PartyRedactor(RedactionContext.create());
    }

    /**
     * A redactor whose {@code HASH} pseudonyms use the key of {@code context}.
     */
    public static Invoice_PartyRedactor create(RedactionContext context) {
        return new Invoice_PartyRedactor(context);
    }

    /**
     * Writes {@code value} with every sensitive value masked. The redactors of
     * payloads that contain a {@code Invoice.Party} call this.
     */
    public static void write(PayloadWriter out, Invoice.Party value, RedactionContext context) {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject("Party");
        out.name("name");
        out.string(value.name());
        out.name("taxId", "tax_id");
        out.masked(Masks.last4(value.taxId()));
        out.name("mail");
        out.masked(Masks.email(value.mail()));
        out.endObject();
    }

    /**
     * A copy of {@code value} that is safe to forward: sensitive strings masked,
     * other sensitive values and {@code OMIT} values left empty, nested payloads redacted.
     */
    public static Invoice.Party copyRedacted(Invoice.Party value, RedactionContext context) {
        if (value == null) {
            return null;
        }
        return new Invoice.Party(
                value.name(),
                Masks.last4(value.taxId()),
                Masks.email(value.mail()));
    }
}
