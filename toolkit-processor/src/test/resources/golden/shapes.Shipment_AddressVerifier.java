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
 * Verifies and reads {@link Shipment.Address} webhooks: the body's size, its signature, its
 * message id against replays, then a reflection-free parse within hard limits
 * and validation. Nothing is returned until every step passed.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class Shipment_AddressVerifier extends AbstractPayloadVerifier<Shipment.Address> {
    /**
     * The JSON names {@link #read} matches, in declaration order.
     */
    private static final PropertyNames PROPERTIES = PropertyNames.of("city", "street");

    private Shipment_AddressVerifier(PayloadVerification verification) {
        super(verification, Shipment_AddressVerifier::read);
    }

    /**
     * A verifier with default limits and no replay guard.
     */
    public static Shipment_AddressVerifier create(WebhookSignature signature) {
        return builder(signature).build();
    }

    /**
     * A builder for a verifier with a replay guard, other limits or strict properties.
     */
    public static VerifierBuilder<Shipment_AddressVerifier> builder(WebhookSignature signature) {
        return new VerifierBuilder<>(signature, Shipment_AddressVerifier::new);
    }

    /**
     * Reads one {@code Shipment.Address} (or {@code null}) from {@code in}, checking every
     * required property.
     */
    public static Shipment.Address read(PayloadReader in) throws JsonReadException {
        if (in.nextIsNull()) {
            return null;
        }
        String city = null;
        String street = null;
        in.beginObject(PROPERTIES);
        while (in.nextProperty()) {
            switch (in.propertyIndex()) {
                case 0 -> city = in.readString(); // "city"
                case 1 -> street = in.readString(); // "street"
            }
        }
        in.require(city != null, "city");
        in.require(street != null, "street");
        in.endObject();
        return new Shipment.Address(
                city,
                street);
    }

    /**
     * Writes all of {@code value}, sensitive values included, as {@link #read}
     * reads it.
     */
    public static void write(PayloadWriter out, Shipment.Address value) {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject("Address");
        out.name("city");
        out.string(value.city());
        out.name("street");
        out.string(value.street());
        out.endObject();
    }

    /**
     * The full JSON of {@code value}, sensitive values included; reads back
     * with {@link #readTrusted(byte[])}.
     */
    public static String toJson(Shipment.Address value) {
        return PayloadWriter.toJson(value, Shipment_AddressVerifier::write);
    }
}
