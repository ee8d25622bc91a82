package shapes;

import dev.hookguard.api.Generated;
import dev.hookguard.runtime.generated.JsonReadException;
import dev.hookguard.runtime.generated.PayloadReader;
import dev.hookguard.runtime.generated.PayloadVerification;
import dev.hookguard.runtime.generated.PayloadWriter;
import dev.hookguard.runtime.generated.PropertyNames;
import dev.hookguard.runtime.receiver.PayloadVerifier;
import dev.hookguard.runtime.signature.ReplayGuard;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import dev.hookguard.runtime.verify.VerifierBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Verifies and reads {@link Shipment} webhooks: the body's size, its signature, its
 * message id against replays, then a reflection-free parse within hard limits
 * and validation. Nothing is returned until every step passed.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class ShipmentVerifier implements PayloadVerifier<Shipment> {
    /**
     * The JSON names {@link #read} matches, in declaration order.
     */
    private static final PropertyNames PROPERTIES = PropertyNames.of("id", "from", "to",
            "recipient");

    private final PayloadVerification verification;

    private ShipmentVerifier(PayloadVerification verification) {
        this.verification = verification;
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
     * Authenticates the request, then reads and validates its body.
     *
     * @throws WebhookVerificationException with the reason of the first check that failed
     */
    @Override
    public Shipment verify(Map<String, List<String>> headers, byte[] body) throws
            WebhookVerificationException {
        return verification.verify(headers, body, ShipmentVerifier::read);
    }

    /**
     * The body limit, which a receiver given this verifier applies too.
     */
    @Override
    public OptionalInt maxBodyBytes() {
        return verification.maxBodyBytes();
    }

    /**
     * The signature scheme, which a receiver given this verifier reads message ids
     * from.
     */
    @Override
    public Optional<WebhookSignature> signature() {
        return verification.signature();
    }

    /**
     * The replay guard, in which a receiver given this verifier forgets a failed
     * delivery's id.
     */
    @Override
    public Optional<ReplayGuard> replayGuard() {
        return verification.replayGuard();
    }

    /**
     * Reads and validates JSON that needs no authentication, such as a body
     * read back from storage, within this verifier's limits.
     */
    public Shipment readTrusted(byte[] json) throws WebhookVerificationException {
        return verification.read(json, ShipmentVerifier::read);
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
