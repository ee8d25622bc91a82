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
 * Verifies and reads {@link Catalog.Item} webhooks: the body's size, its signature, its
 * message id against replays, then a reflection-free parse within hard limits
 * and validation. Nothing is returned until every step passed.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class Catalog_ItemVerifier extends AbstractPayloadVerifier<Catalog.Item> {
    /**
     * The JSON names {@link #read} matches, in declaration order.
     */
    private static final PropertyNames PROPERTIES = PropertyNames.of("sku", "serial");

    private Catalog_ItemVerifier(PayloadVerification verification) {
        super(verification, Catalog_ItemVerifier::read);
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
