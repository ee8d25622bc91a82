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
 * Verifies and reads {@link Catalog.Item} webhooks: the body's size, its signature, its
 * message id against replays, then a reflection-free parse within hard limits
 * and validation. Nothing is returned until every step passed.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class Catalog_ItemVerifier implements PayloadVerifier<Catalog.Item> {
    /**
     * The JSON names {@link #read} matches, in declaration order.
     */
    private static final PropertyNames PROPERTIES = PropertyNames.of("sku", "serial");

    private final PayloadVerification verification;

    private Catalog_ItemVerifier(PayloadVerification verification) {
        this.verification = verification;
    }

    /**
     * A verifier with default limits and no replay guard.
     */
    public static Catalog_ItemVerifier create(WebhookSignature signature) {
        return builder(signature).build();
    }

    /**
     * A builder for a verifier with a replay guard, other limits or strict properties.
     */
    public static VerifierBuilder<Catalog_ItemVerifier> builder(WebhookSignature signature) {
        return new VerifierBuilder<>(signature, Catalog_ItemVerifier::new);
    }

    /**
     * Authenticates the request, then reads and validates its body.
     *
     * @throws WebhookVerificationException with the reason of the first check that failed
     */
    @Override
    public Catalog.Item verify(Map<String, List<String>> headers, byte[] body) throws
            WebhookVerificationException {
        return verification.verify(headers, body, Catalog_ItemVerifier::read);
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
    public Catalog.Item readTrusted(byte[] json) throws WebhookVerificationException {
        return verification.read(json, Catalog_ItemVerifier::read);
    }

    /**
     * Reads one {@code Catalog.Item} (or {@code null}) from {@code in}, checking every
     * required property.
     */
    public static Catalog.Item read(PayloadReader in) throws JsonReadException {
        if (in.nextIsNull()) {
            return null;
        }
        String sku = null;
        String serial = null;
        in.beginObject(PROPERTIES);
        while (in.nextProperty()) {
            switch (in.propertyIndex()) {
                case 0 -> sku = in.readString(); // "sku"
                case 1 -> serial = in.readString(); // "serial"
            }
        }
        in.require(sku != null, "sku");
        in.require(serial != null, "serial");
        in.endObject();
        return new Catalog.Item(
                sku,
                serial);
    }

    /**
     * Writes all of {@code value}, sensitive values included, as {@link #read}
     * reads it.
     */
    public static void write(PayloadWriter out, Catalog.Item value) {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject("Item");
        out.name("sku");
        out.string(value.sku());
        out.name("serial");
        out.string(value.serial());
        out.endObject();
    }

    /**
     * The full JSON of {@code value}, sensitive values included; reads back
     * with {@link #readTrusted(byte[])}.
     */
    public static String toJson(Catalog.Item value) {
        return PayloadWriter.toJson(value, Catalog_ItemVerifier::write);
    }
}
