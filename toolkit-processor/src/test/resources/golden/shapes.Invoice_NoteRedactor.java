package shapes;

import dev.hookguard.api.Generated;
import dev.hookguard.runtime.companion.AbstractRedactor;
import dev.hookguard.runtime.generated.Masks;
import dev.hookguard.runtime.generated.PayloadWriter;
import dev.hookguard.runtime.redact.RedactionContext;

/**
 * Redacts {@link Invoice.Note} for log lines, JSON and forwarding, as its annotations say.
 *
 * <ul>
 *   <li>{@code text}: PERSONAL, mask {@code FULL}
 * </ul>
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class Invoice_NoteRedactor extends AbstractRedactor<Invoice.Note> {
    private Invoice_NoteRedactor(RedactionContext context) {
        super(context, Invoice_NoteRedactor::write, Invoice_NoteRedactor::copyRedacted);
    }

    /**
     * A redactor whose {@code HASH} pseudonyms use this process's random key.
     */
    public static Invoice_NoteRedactor create() {
        return new Invoice_NoteRedactor(RedactionContext.create());
    }

    /**
     * A redactor whose {@code HASH} pseudonyms use the key of {@code context}.
     */
    public static Invoice_NoteRedactor create(RedactionContext context) {
        return new Invoice_NoteRedactor(context);
    }

    /**
     * Writes {@code value} with every sensitive value masked. The redactors of
     * payloads that contain a {@code Invoice.Note} call this.
     */
    public static void write(PayloadWriter out, Invoice.Note value, RedactionContext context) {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject("Note");
        out.name("author");
        out.string(value.getAuthor());
        out.name("text");
        out.masked(Masks.REDACTED);
        out.endObject();
    }

    /**
     * A copy of {@code value} that is safe to forward: sensitive strings masked,
     * other sensitive values and {@code OMIT} values left empty, nested payloads redacted.
     */
    public static Invoice.Note copyRedacted(Invoice.Note value, RedactionContext context) {
        if (value == null) {
            return null;
        }
        Invoice.Note copy = new Invoice.Note();
        copy.setAuthor(value.getAuthor());
        copy.setText(Masks.REDACTED);
        return copy;
    }
}
