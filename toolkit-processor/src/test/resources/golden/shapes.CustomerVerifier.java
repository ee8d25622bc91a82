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
import java.time.Instant;
import java.util.Objects;

/**
 * Verifies and reads {@link Customer} webhooks: the body's size, its signature, its
 * message id against replays, then a reflection-free parse within hard limits
 * and validation. Nothing is returned until every step passed.
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class CustomerVerifier extends AbstractPayloadVerifier<Customer> {
    /**
     * The JSON names {@link #read} matches, in declaration order.
     */
    private static final PropertyNames PROPERTIES = PropertyNames.of("id", "email", "card_number",
            "customer_id", "api_key", "age", "created", "balance", "nickname");

    private CustomerVerifier(PayloadVerification verification) {
        super(verification, CustomerVerifier::read);
    }

    /**
     * A verifier with default limits and no replay guard.
     */
    public static CustomerVerifier create(WebhookSignature signature) {
        return builder(signature).build();
    }

    /**
     * A builder for a verifier with a replay guard, other limits or strict properties.
     */
    public static VerifierBuilder<CustomerVerifier> builder(WebhookSignature signature) {
        return new VerifierBuilder<>(signature, CustomerVerifier::new);
    }

    /**
     * Reads one {@code Customer} (or {@code null}) from {@code in}, checking every
     * required property.
     * A primitive absent only because storage excused it (its field expired) reads as
     * its zero.
     */
    public static Customer read(PayloadReader in) throws JsonReadException {
        if (in.nextIsNull()) {
            return null;
        }
        String id = null;
        String email = null;
        String cardNumber = null;
        String customerId = null;
        String apiKey = null;
        Integer age = null;
        Instant createdAt = null;
        Long balance = null;
        String nickname = null;
        in.beginObject(PROPERTIES);
        while (in.nextProperty()) {
            switch (in.propertyIndex()) {
                case 0 -> id = in.readString(); // "id"
                case 1 -> email = in.readString(); // "email"
                case 2 -> cardNumber = in.readString(); // "card_number"
                case 3 -> customerId = in.readString(); // "customer_id"
                case 4 -> apiKey = in.readString(); // "api_key"
                case 5 -> age = in.readInt(); // "age"
                case 6 -> createdAt = in.readInstant(); // "created"
                case 7 -> balance = in.readLong(); // "balance"
                case 8 -> nickname = in.readString(); // "nickname"
            }
        }
        in.require(id != null, "id");
        in.require(email != null, "email");
        in.require(cardNumber != null, "card_number");
        in.require(customerId != null, "customer_id");
        in.require(apiKey != null, "api_key");
        in.require(age != null, "age");
        in.require(createdAt != null, "created");
        in.require(balance != null, "balance");
        in.endObject();
        return new Customer(
                id,
                email,
                cardNumber,
                customerId,
                apiKey,
                Objects.requireNonNullElse(age, 0),
                createdAt,
                Objects.requireNonNullElse(balance, 0L),
                nickname);
    }

    /**
     * Writes all of {@code value}, sensitive values included, as {@link #read}
     * reads it.
     */
    public static void write(PayloadWriter out, Customer value) {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject("Customer");
        out.name("id");
        out.string(value.id());
        out.name("email");
        out.string(value.email());
        out.name("cardNumber", "card_number");
        out.string(value.cardNumber());
        out.name("customerId", "customer_id");
        out.string(value.customerId());
        out.name("apiKey", "api_key");
        out.string(value.apiKey());
        out.name("age");
        out.number(value.age());
        out.name("createdAt", "created");
        out.text(value.createdAt());
        out.name("balance");
        out.number(value.balance());
        out.name("nickname");
        out.string(value.nickname());
        out.endObject();
    }

    /**
     * The full JSON of {@code value}, sensitive values included; reads back
     * with {@link #readTrusted(byte[])}.
     */
    public static String toJson(Customer value) {
        return PayloadWriter.toJson(value, CustomerVerifier::write);
    }
}
