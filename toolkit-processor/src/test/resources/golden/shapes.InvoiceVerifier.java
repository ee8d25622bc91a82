package shapes;

import dev.hookguard.api.Generated;
import dev.hookguard.runtime.companion.AbstractPayloadVerifier;
import dev.hookguard.runtime.generated.JsonReadException;
import dev.hookguard.runtime.generated.PayloadReader;
import dev.hookguard.runtime.generated.PayloadVerification;
import dev.hookguard.runtime.generated.PayloadWriter;
import dev.hookguard.runtime.generated.PropertyNames;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.verify.VerifierBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies and reads {@link Invoice} webhooks: the body's size, its signature, its
 * message id against replays, then a reflection-free parse within hard limits
 * and validation. Nothing is returned until every step passed.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class InvoiceVerifier extends AbstractPayloadVerifier<Invoice> {
    /**
     * The JSON names {@link #read} matches, in declaration order.
     */
    private static final PropertyNames PROPERTIES = PropertyNames.of("number", "billed_to", "lines",
            "totals_by_currency", "contacts", "note", "credits", "ship_to");

    /**
     * The JSON names {@link #readParty} matches, in declaration order.
     */
    private static final PropertyNames PARTY_PROPERTIES = PropertyNames.of("name", "tax_id",
            "mail");

    /**
     * The JSON names {@link #readLine} matches, in declaration order.
     */
    private static final PropertyNames LINE_PROPERTIES = PropertyNames.of("sku", "qty",
            "unit_price", "kind", "parts");

    /**
     * The JSON names {@link #readMoney} matches, in declaration order.
     */
    private static final PropertyNames MONEY_PROPERTIES = PropertyNames.of("currency",
            "amount_due");

    /**
     * The JSON names {@link #readNote} matches, in declaration order.
     */
    private static final PropertyNames NOTE_PROPERTIES = PropertyNames.of("author", "text");

    private InvoiceVerifier(PayloadVerification verification) {
        super(verification, InvoiceVerifier::read);
    }

    /**
     * A verifier with default limits and no replay guard.
     */
    public static InvoiceVerifier create(WebhookSignature signature) {
        return builder(signature).build();
    }

    /**
     * A builder for a verifier with a replay guard, other limits or strict properties.
     */
    public static VerifierBuilder<InvoiceVerifier> builder(WebhookSignature signature) {
        return new VerifierBuilder<>(signature, InvoiceVerifier::new);
    }

    /**
     * Reads one {@code Invoice} (or {@code null}) from {@code in}, checking every
     * required property.
     */
    public static Invoice read(PayloadReader in) throws JsonReadException {
        if (in.nextIsNull()) {
            return null;
        }
        String number = null;
        Invoice.Party billedTo = null;
        List<Invoice.Line> lines = null;
        Map<String, Money> totalsByCurrency = null;
        Map<String, Invoice.Party> contacts = null;
        Optional<Invoice.Note> note = Optional.empty();
        Invoice.Line[] credits = null;
        Invoice.Party shipTo = null;
        in.beginObject(PROPERTIES);
        while (in.nextProperty()) {
            switch (in.propertyIndex()) {
                case 0 -> number = in.readString(); // "number"
                case 1 -> billedTo = readParty(in); // "billed_to"
                case 2 -> lines = in.readList(r -> readLine(r)); // "lines"
                case 3 -> totalsByCurrency = in.readMap(r -> readMoney(r)); // "totals_by_currency"
                case 4 -> contacts = in.readMap(r -> readParty(r)); // "contacts"
                case 5 -> note = in.readOptional(r -> readNote(r)); // "note"
                case 6 -> credits = in.readArray(r -> readLine(r), Invoice.Line[]::new); // "credits"
                case 7 -> shipTo = readParty(in); // "ship_to"
            }
        }
        in.require(number != null, "number");
        in.require(billedTo != null, "billed_to");
        in.require(lines != null, "lines");
        in.require(totalsByCurrency != null, "totals_by_currency");
        in.require(contacts != null, "contacts");
        in.require(credits != null, "credits");
        in.require(shipTo != null, "ship_to");
        in.endObject();
        return new Invoice(
                number,
                billedTo,
                lines,
                totalsByCurrency,
                contacts,
                note,
                credits,
                shipTo);
    }

    /**
     * Writes all of {@code value}, sensitive values included, as {@link #read}
     * reads it.
     */
    public static void write(PayloadWriter out, Invoice value) {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject("Invoice");
        out.name("number");
        out.string(value.number());
        out.name("billedTo", "billed_to");
        writeParty(out, value.billedTo());
        out.name("lines");
        out.list(value.lines(), (w, e) -> writeLine(w, e));
        out.name("totalsByCurrency", "totals_by_currency");
        out.map(value.totalsByCurrency(), (w, e) -> writeMoney(w, e));
        out.name("contacts");
        out.map(value.contacts(), (w, e) -> writeParty(w, e));
        out.name("note");
        out.optional(value.note(), (w, e) -> writeNote(w, e));
        out.name("credits");
        out.array(value.credits(), (w, e) -> writeLine(w, e));
        out.name("shipTo", "ship_to");
        writeParty(out, value.shipTo());
        out.endObject();
    }

    /**
     * The full JSON of {@code value}, sensitive values included; reads back
     * with {@link #readTrusted(byte[])}.
     */
    public static String toJson(Invoice value) {
        return PayloadWriter.toJson(value, InvoiceVerifier::write);
    }

    /**
     * Reads one {@code Invoice.Party} (or {@code null}) from {@code in}, checking every
     * required property.
     */
    private static Invoice.Party readParty(PayloadReader in) throws JsonReadException {
        if (in.nextIsNull()) {
            return null;
        }
        String name = null;
        String taxId = null;
        String mail = null;
        in.beginObject(PARTY_PROPERTIES);
        while (in.nextProperty()) {
            switch (in.propertyIndex()) {
                case 0 -> name = in.readString(); // "name"
                case 1 -> taxId = in.readString(); // "tax_id"
                case 2 -> mail = in.readString(); // "mail"
            }
        }
        in.require(name != null, "name");
        in.require(taxId != null, "tax_id");
        in.require(mail != null, "mail");
        in.endObject();
        return new Invoice.Party(
                name,
                taxId,
                mail);
    }

    /**
     * Writes all of {@code value}, sensitive values included, as {@link #readParty}
     * reads it.
     */
    private static void writeParty(PayloadWriter out, Invoice.Party value) {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject("Party");
        out.name("name");
        out.string(value.name());
        out.name("taxId", "tax_id");
        out.string(value.taxId());
        out.name("mail");
        out.string(value.mail());
        out.endObject();
    }

    /**
     * Reads one {@code Invoice.Line} (or {@code null}) from {@code in}, checking every
     * required property.
     */
    private static Invoice.Line readLine(PayloadReader in) throws JsonReadException {
        if (in.nextIsNull()) {
            return null;
        }
        String sku = null;
        Integer quantity = null;
        Money unitPrice = null;
        Invoice.Kind kind = null;
        Optional<List<Invoice.Line>> parts = Optional.empty();
        in.beginObject(LINE_PROPERTIES);
        while (in.nextProperty()) {
            switch (in.propertyIndex()) {
                case 0 -> sku = in.readString(); // "sku"
                case 1 -> quantity = in.readInt(); // "qty"
                case 2 -> unitPrice = readMoney(in); // "unit_price"
                case 3 -> kind = in.readEnum(InvoiceVerifier::kindNamed, null); // "kind"
                case 4 -> parts = in.readOptional(r -> r.readList(r2 -> readLine(r2))); // "parts"
            }
        }
        in.require(sku != null, "sku");
        in.require(quantity != null, "qty");
        in.require(unitPrice != null, "unit_price");
        in.require(kind != null, "kind");
        in.endObject();
        return new Invoice.Line(
                sku,
                quantity,
                unitPrice,
                kind,
                parts);
    }

    /**
     * Writes all of {@code value}, sensitive values included, as {@link #readLine}
     * reads it.
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
     * Reads one {@code Money} (or {@code null}) from {@code in}, checking every
     * required property.
     */
    private static Money readMoney(PayloadReader in) throws JsonReadException {
        if (in.nextIsNull()) {
            return null;
        }
        String currency = null;
        BigDecimal amountDue = null;
        in.beginObject(MONEY_PROPERTIES);
        while (in.nextProperty()) {
            switch (in.propertyIndex()) {
                case 0 -> currency = in.readString(); // "currency"
                case 1 -> amountDue = in.readBigDecimal(); // "amount_due"
            }
        }
        in.require(currency != null, "currency");
        in.require(amountDue != null, "amount_due");
        in.endObject();
        return new Money(
                currency,
                amountDue);
    }

    /**
     * Writes all of {@code value}, sensitive values included, as {@link #readMoney}
     * reads it.
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

    /**
     * Reads one {@code Invoice.Note} (or {@code null}) from {@code in}, checking every
     * required property.
     */
    private static Invoice.Note readNote(PayloadReader in) throws JsonReadException {
        if (in.nextIsNull()) {
            return null;
        }
        String author = null;
        String text = null;
        in.beginObject(NOTE_PROPERTIES);
        while (in.nextProperty()) {
            switch (in.propertyIndex()) {
                case 0 -> author = in.readString(); // "author"
                case 1 -> text = in.readString(); // "text"
            }
        }
        in.require(author != null, "author");
        in.require(text != null, "text");
        in.endObject();
        Invoice.Note value = new Invoice.Note();
        value.setAuthor(author);
        value.setText(text);
        return value;
    }

    /**
     * Writes all of {@code value}, sensitive values included, as {@link #readNote}
     * reads it.
     */
    private static void writeNote(PayloadWriter out, Invoice.Note value) {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject("Note");
        out.name("author");
        out.string(value.getAuthor());
        out.name("text");
        out.string(value.getText());
        out.endObject();
    }

    /**
     * The {@code Invoice.Kind} constant named {@code name}, or {@code null}.
     */
    private static Invoice.Kind kindNamed(String name) {
        return switch (name) {
            case "GOODS" -> Invoice.Kind.GOODS;
            case "SERVICE" -> Invoice.Kind.SERVICE;
            default -> null;
        };
    }
}
