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
 * Verifies and reads {@link Shipment.Recipient} webhooks: the body's size, its signature, its
 * message id against replays, then a reflection-free parse within hard limits
 * and validation. Nothing is returned until every step passed.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class Shipment_RecipientVerifier extends AbstractPayloadVerifier<Shipment.Recipient> {
    /**
     * The JSON names {@link #read} matches, in declaration order.
     */
    private static final PropertyNames PROPERTIES = PropertyNames.of("name");

    private Shipment_RecipientVerifier(PayloadVerification verification) {
        super(verification, Shipment_RecipientVerifier::read);
    }

    /**
     * A verifier with default limits and no replay guard.
     */
    public static Shipment_RecipientVerifier create(WebhookSignature signature) {
        return builder(signature).build();
    }

    /**
     * A builder for a verifier with a replay guard, other limits or strict properties.
     */
    public static VerifierBuilder<Shipment_RecipientVerifier> builder(WebhookSignature signature) {
        return new VerifierBuilder<>(signature, Shipment_RecipientVerifier::new);
    }

    /**
     * Reads one {@code Shipment.Recipient} (or {@code null}) from {@code in}, checking every
     * required property.
     */
    public static Shipment.Recipient read(PayloadReader in) throws JsonReadException {
        if (in.nextIsNull()) {
            return null;
        }
        String name = null;
        in.beginObject(PROPERTIES);
        while (in.nextProperty()) {
            switch (in.propertyIndex()) {
                case 0 -> name = in.readString(); // "name"
            }
        }
        in.require(name != null, "name");
        in.endObject();
        return new Shipment.Recipient(
                name);
    }

    /**
     * Writes all of {@code value}, sensitive values included, as {@link #read}
     * reads it.
     */
    public static void write(PayloadWriter out, Shipment.Recipient value) {
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
     * The full JSON of {@code value}, sensitive values included; reads back
     * with {@link #readTrusted(byte[])}.
     */
    public static String toJson(Shipment.Recipient value) {
        return PayloadWriter.toJson(value, Shipment_RecipientVerifier::write);
    }
}
