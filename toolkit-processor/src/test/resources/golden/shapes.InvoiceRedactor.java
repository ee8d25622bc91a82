package shapes;

import dev.hookguard.api.Generated;
import dev.hookguard.runtime.companion.AbstractRedactor;
import dev.hookguard.runtime.generated.Copies;
import dev.hookguard.runtime.generated.Masks;
import dev.hookguard.runtime.generated.PayloadWriter;
import dev.hookguard.runtime.redact.RedactionContext;

/**
 * Redacts {@link Invoice} for log lines, JSON and forwarding, as its annotations say.
 *
 * <ul>
 *   <li>{@code shipTo}: CONTACT, mask {@code FULL}
 * </ul>
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class InvoiceRedactor extends AbstractRedactor<Invoice> {
    private InvoiceRedactor(RedactionContext context) {
        super(context, InvoiceRedactor::write, InvoiceRedactor::copyRedacted);
    }

    /**
     * A redactor whose {@code HASH} pseudonyms use this process's random key.
     */
    public static InvoiceRedactor create() {
        return new InvoiceRedactor(RedactionContext.create());
    }

    /**
     * A redactor whose {@code HASH} pseudonyms use the key of {@code context}.
     */
    public static InvoiceRedactor create(RedactionContext context) {
        return new InvoiceRedactor(context);
    }

    /**
     * Writes {@code value} with every sensitive value masked. The redactors of
     * payloads that contain a {@code Invoice} call this.
     */
    public static void write(PayloadWriter out, Invoice value, RedactionContext context) {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject("Invoice");
        out.name("number");
        out.string(value.number());
        out.name("billedTo", "billed_to");
        Invoice_PartyRedactor.write(out, value.billedTo(), context);
        out.name("lines");
        out.list(value.lines(), (w, e) -> writeLine(w, e));
        out.name("totalsByCurrency", "totals_by_currency");
        out.map(value.totalsByCurrency(), (w, e) -> writeMoney(w, e));
        out.name("contacts");
        out.map(value.contacts(), (w, e) -> Invoice_PartyRedactor.write(w, e, context));
        out.name("note");
        out.optional(value.note(), (w, e) -> Invoice_NoteRedactor.write(w, e, context));
        out.name("credits");
        out.array(value.credits(), (w, e) -> writeLine(w, e));
        out.name("shipTo", "ship_to");
        out.masked(Masks.REDACTED);
        out.endObject();
    }

    /**
     * A copy of {@code value} that is safe to forward: sensitive strings masked,
     * other sensitive values and {@code OMIT} values left empty, nested payloads redacted.
     */
    public static Invoice copyRedacted(Invoice value, RedactionContext context) {
        if (value == null) {
            return null;
        }
        return new Invoice(
                value.number(),
                Invoice_PartyRedactor.copyRedacted(value.billedTo(), context),
                value.lines(),
                value.totalsByCurrency(),
                Copies.map(value.contacts(), e -> Invoice_PartyRedactor.copyRedacted(e, context)),
                Copies.optional(value.note(), e -> Invoice_NoteRedactor.copyRedacted(e, context)),
                value.credits(),
                null);
    }

    /**
     * Writes {@code value}, which holds nothing sensitive, in full.
     */
    private static void writeLine(PayloadWriter out, Invoice.Line value) {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject("Line");
        out.name("sku");
        out.string(value.sku());
        out.name("quantity", "qty");
        out.number(value.quantity());
        out.name("unitPrice", "unit_price");
        writeMoney(out, value.unitPrice());
        out.name("kind");
        out.enumConstant(value.kind());
        out.name("parts");
        out.optional(value.parts(), (w, e) -> w.list(e, (w2, e2) -> writeLine(w2, e2)));
        out.endObject();
    }

    /**
     * Writes {@code value}, which holds nothing sensitive, in full.
     */
    private static void writeMoney(PayloadWriter out, Money value) {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject("Money");
        out.name("currency");
        out.string(value.currency());
        out.name("amountDue", "amount_due");
        out.number(value.amountDue());
        out.endObject();
    }
}
