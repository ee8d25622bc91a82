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
import java.util.Objects;

/**
 * Verifies and reads {@link Order} webhooks: the body's size, its signature, its
 * message id against replays, then a reflection-free parse within hard limits
 * and validation. Nothing is returned until every step passed.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class OrderVerifier extends AbstractPayloadVerifier<Order> {
    /**
     * The JSON names {@link #read} matches, in declaration order.
     */
    private static final PropertyNames PROPERTIES = PropertyNames.of("number", "total", "paid",
            "buyerEmail", "note", "weight");

    private OrderVerifier(PayloadVerification verification) {
        super(verification, OrderVerifier::read);
    }

    /**
     * A verifier with default limits and no replay guard.
     */
    public static OrderVerifier create(WebhookSignature signature) {
        return builder(signature).build();
    }

    /**
     * A builder for a verifier with a replay guard, other limits or strict properties.
     */
    public static VerifierBuilder<OrderVerifier> builder(WebhookSignature signature) {
        return new VerifierBuilder<>(signature, OrderVerifier::new);
    }

    /**
     * Reads one {@code Order} (or {@code null}) from {@code in}, checking every
     * required property.
     * A primitive absent only because storage excused it (its field expired) reads as
     * its zero.
     */
    public static Order read(PayloadReader in) throws JsonReadException {
        if (in.nextIsNull()) {
            return null;
        }
        String number = null;
        BigDecimal total = null;
        Boolean paid = null;
        String buyerEmail = null;
        String note = null;
        Double weight = null;
        in.beginObject(PROPERTIES);
        while (in.nextProperty()) {
            switch (in.propertyIndex()) {
                case 0 -> number = in.readString(); // "number"
                case 1 -> total = in.readBigDecimal(); // "total"
                case 2 -> paid = in.readBoolean(); // "paid"
                case 3 -> buyerEmail = in.readString(); // "buyerEmail"
                case 4 -> note = in.readString(); // "note"
                case 5 -> weight = in.readDouble(); // "weight"
            }
        }
        in.require(number != null, "number");
        in.require(total != null, "total");
        in.require(paid != null, "paid");
        in.require(buyerEmail != null, "buyerEmail");
        in.require(note != null, "note");
        in.require(weight != null, "weight");
        in.endObject();
        Order value = new Order();
        value.setNumber(number);
        value.setTotal(total);
        value.setPaid(Objects.requireNonNullElse(paid, false));
        value.setBuyerEmail(buyerEmail);
        value.note = note;
        value.weight = Objects.requireNonNullElse(weight, 0d);
        return value;
    }

    /**
     * Writes all of {@code value}, sensitive values included, as {@link #read}
     * reads it.
     */
    public static void write(PayloadWriter out, Order value) {
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
        out.string(value.getBuyerEmail());
        out.name("note");
        out.string(value.note);
        out.name("weight");
        out.number(value.weight);
        out.endObject();
    }

    /**
     * The full JSON of {@code value}, sensitive values included; reads back
     * with {@link #readTrusted(byte[])}.
     */
    public static String toJson(Order value) {
        return PayloadWriter.toJson(value, OrderVerifier::write);
    }
}
