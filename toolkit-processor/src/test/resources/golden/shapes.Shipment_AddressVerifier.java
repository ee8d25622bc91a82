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
 * Verifies and reads {@link Shipment.Address} webhooks: the body's size, its signature, its
 * message id against replays, then a reflection-free parse within hard limits
 * and validation. Nothing is returned until every step passed.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class Shipment_AddressVerifier implements PayloadVerifier<Shipment.Address> {
    /**
     * The JSON names {@link #read} matches, in declaration order.
     */
    private static final PropertyNames PROPERTIES = PropertyNames.of("city", "street");

    private final PayloadVerification verification;

    private Shipment_AddressVerifier(PayloadVerification verification) {
        this.verification = verification;
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
     * Authenticates the request, then reads and validates its body.
     *
     * @throws WebhookVerificationException with the reason of the first check that failed
     */
    @Override
    public Shipment.Address verify(Map<String, List<String>> headers, byte[] body) throws
            WebhookVerificationException {
        return verification.verify(headers, body, Shipment_AddressVerifier::read);
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
    public Shipment.Address readTrusted(byte[] json) throws WebhookVerificationException {
        return verification.read(json, Shipment_AddressVerifier::read);
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
