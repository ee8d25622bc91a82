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
 * Verifies and reads {@link Shipment.Recipient} webhooks: the body's size, its signature, its
 * message id against replays, then a reflection-free parse within hard limits
 * and validation. Nothing is returned until every step passed.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class Shipment_RecipientVerifier implements PayloadVerifier<Shipment.Recipient> {
    /**
     * The JSON names {@link #read} matches, in declaration order.
     */
    private static final PropertyNames PROPERTIES = PropertyNames.of("name");

    private final PayloadVerification verification;

    private Shipment_RecipientVerifier(PayloadVerification verification) {
        this.verification = verification;
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
     * Authenticates the request, then reads and validates its body.
     *
     * @throws WebhookVerificationException with the reason of the first check that failed
     */
    @Override
    public Shipment.Recipient verify(Map<String, List<String>> headers, byte[] body) throws
            WebhookVerificationException {
        return verification.verify(headers, body, Shipment_RecipientVerifier::read);
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
    public Shipment.Recipient readTrusted(byte[] json) throws WebhookVerificationException {
        return verification.read(json, Shipment_RecipientVerifier::read);
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
