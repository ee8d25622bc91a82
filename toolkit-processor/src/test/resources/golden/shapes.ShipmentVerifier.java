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

/**
 * Verifies and reads {@link Shipment} webhooks: the body's size, its signature, its
 * message id against replays, then a reflection-free parse within hard limits
 * and validation. Nothing is returned until every step passed.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class ShipmentVerifier extends AbstractPayloadVerifier<Shipment> {
    /**
     * The JSON names {@link #read} matches, in declaration order.
     */
    private static final PropertyNames PROPERTIES = PropertyNames.of("id", "from", "to",
            "recipient");

    private ShipmentVerifier(PayloadVerification verification) {
        super(verification, ShipmentVerifier::read);
    }

    /**
     * A verifier with default limits and no replay guard.
     */
    public static ShipmentVerifier create(WebhookSignature signature) {
        return builder(signature).build();
    }

    /**
     * A builder for a verifier with a replay guard, other limits or strict properties.
     */
    public static VerifierBuilder<ShipmentVerifier> builder(WebhookSignature signature) {
        return new VerifierBuilder<>(signature, ShipmentVerifier::new);
    }

    /**
     * Reads one {@code Shipment} (or {@code null}) from {@code in}, checking every
     * required property.
     */
    public static Shipment read(PayloadReader in) throws JsonReadException {
        if (in.nextIsNull()) {
            return null;
        }
        String id = null;
        Shipment.Address from = null;
        Shipment.Address to = null;
        Shipment.Recipient recipient = null;
        in.beginObject(PROPERTIES);
        while (in.nextProperty()) {
            switch (in.propertyIndex()) {
                case 0 -> id = in.readString(); // "id"
                case 1 -> from = Shipment_AddressVerifier.read(in); // "from"
                case 2 -> to = Shipment_AddressVerifier.read(in); // "to"
                case 3 -> recipient = Shipment_RecipientVerifier.read(in); // "recipient"
            }
        }
        in.require(id != null, "id");
        in.require(from != null, "from");
        in.require(to != null, "to");
        in.require(recipient != null, "recipient");
        in.endObject();
        return new Shipment(
                id,
                from,
                to,
                recipient);
    }

    /**
     * Writes all of {@code value}, sensitive values included, as {@link #read}
     * reads it.
     */
    public static void write(PayloadWriter out, Shipment value) {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject("Shipment");
        out.name("id");
        out.string(value.id());
        out.name("from");
        Shipment_AddressVerifier.write(out, value.from());
        out.name("to");
        Shipment_AddressVerifier.write(out, value.to());
        out.name("recipient");
        Shipment_RecipientVerifier.write(out, value.recipient());
        out.endObject();
    }

    /**
     * The full JSON of {@code value}, sensitive values included; reads back
     * with {@link #readTrusted(byte[])}.
     */
    public static String toJson(Shipment value) {
        return PayloadWriter.toJson(value, ShipmentVerifier::write);
    }
}
