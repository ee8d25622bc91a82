package shapes;

import dev.hookguard.api.Generated;
import dev.hookguard.runtime.companion.AbstractRedactor;
import dev.hookguard.runtime.generated.Masks;
import dev.hookguard.runtime.generated.PayloadWriter;
import dev.hookguard.runtime.redact.RedactionContext;

/**
 * Redacts {@link Order} for log lines, JSON and forwarding, as its annotations say.
 *
 * <ul>
 *   <li>{@code buyerEmail}: PERSONAL, mask {@code EMAIL}
 *   <li>{@code weight}: PERSONAL, mask {@code FULL}
 * </ul>
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class OrderRedactor extends AbstractRedactor<Order> {
    private OrderRedactor(RedactionContext context) {
        super(context, OrderRedactor::write, OrderRedactor::copyRedacted);
    }

    /**
     * A redactor whose {@code HASH} pseudonyms use this process's random key.
     */
    public static OrderRedactor create() {
        return new OrderRedactor(RedactionContext.create());
    }

    /**
     * A redactor whose {@code HASH} pseudonyms use the key of {@code context}.
     */
    public static OrderRedactor create(RedactionContext context) {
        return new OrderRedactor(context);
    }

    /**
     * Writes {@code value} with every sensitive value masked. The redactors of
     * payloads that contain a {@code Order} call this.
     */
    public static void write(PayloadWriter out, Order value, RedactionContext context) {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject("Order");
        out.name("number");
        out.string(value.getNumber());
        out.name("total");
        out.number(value.getTotal());
        out.name("paid");
        out.bool(value.isPaid());
        out.name("buyerEmail");
        out.masked(Masks.email(value.getBuyerEmail()));
        out.name("note");
        out.string(value.note);
        out.name("weight");
        out.masked(Masks.REDACTED);
        out.endObject();
    }

    /**
     * A copy of {@code value} that is safe to forward: sensitive strings masked,
     * other sensitive values and {@code OMIT} values left empty, nested payloads redacted.
     */
    public static Order copyRedacted(Order value, RedactionContext context) {
        if (value == null) {
            return null;
        }
        Order copy = new Order();
        copy.setNumber(value.getNumber());
        copy.setTotal(value.getTotal());
        copy.setPaid(value.isPaid());
        copy.setBuyerEmail(Masks.email(value.getBuyerEmail()));
        copy.note = value.note;
        copy.weight = 0d;
        return copy;
    }
}
