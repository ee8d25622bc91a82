package shapes;

import dev.hookguard.api.Generated;
import dev.hookguard.runtime.generated.Masks;
import dev.hookguard.runtime.generated.PayloadWriter;
import dev.hookguard.runtime.redact.RedactionContext;
import dev.hookguard.runtime.redact.Redactor;
import java.util.Objects;

/**
 * Redacts {@link Customer} for log lines, JSON and forwarding, as its annotations say.
 *
 * <ul>
 *   <li>{@code email}: CONTACT, mask {@code EMAIL}
 *   <li>{@code cardNumber}: FINANCIAL, mask {@code LAST4}
 *   <li>{@code customerId}: PERSONAL, mask {@code HASH}
 *   <li>{@code apiKey}: CREDENTIAL, mask {@code OMIT}
 *   <li>{@code age}: PERSONAL, mask {@code FULL}
 * </ul>
 */
@Generated("dev.hookguard.processor.HookGuardProcessor")
public final class CustomerRedactor implements Redactor<Customer> {
    private final RedactionContext context;

    private CustomerRedactor(RedactionContext context) {
        this.context = context;
    }

    /**
     * A redactor whose {@code HASH} pseudonyms use this process's random key.
     */
    public static CustomerRedactor create() {
        return new CustomerRedactor(RedactionContext.create());
    }

    /**
     * A redactor whose {@code HASH} pseudonyms use the key of {@code context}.
     */
    public static CustomerRedactor create(RedactionContext context) {
        return new CustomerRedactor(Objects.requireNonNull(context, "context"));
    }

    @Override
    public String toLogString(Customer value) {
        return PayloadWriter.toLogString(value, (out, v) -> write(out, v, context));
    }

    @Override
    public String toRedactedJson(Customer value) {
        return PayloadWriter.toJson(value, (out, v) -> write(out, v, context));
    }

    @Override
    public Customer redact(Customer value) {
        return copyRedacted(value, context);
    }

    /**
     * Writes {@code value} with every sensitive value masked. The redactors of
     * payloads that contain a {@code Customer} call this.
     */
    public static void write(PayloadWriter out, Customer value, RedactionContext context) {
        if (value == null) {
            out.nullValue();
            return;
        }
        out.beginObject("Customer");
        out.name("id");
        out.string(value.id());
        out.name("email");
        out.masked(Masks.email(value.email()));
        out.name("cardNumber", "card_number");
        out.masked(Masks.last4(value.cardNumber()));
        out.name("customerId", "customer_id");
        out.masked(context.pseudonym(value.customerId()));
        out.name("age");
        out.masked(Masks.REDACTED);
        out.name("createdAt", "created");
        out.text(value.createdAt());
        out.name("balance");
        out.number(value.balance());
        out.name("nickname");
        out.string(value.nickname());
        out.endObject();
    }

    /**
     * A copy of {@code value} that is safe to forward: sensitive strings masked,
     * other sensitive values and {@code OMIT} values left empty, nested payloads redacted.
     */
    public static Customer copyRedacted(Customer value, RedactionContext context) {
        if (value == null) {
            return null;
        }
        return new Customer(
                value.id(),
                Masks.email(value.email()),
                Masks.last4(value.cardNumber()),
                context.pseudonym(value.customerId()),
                null,
                0,
                value.createdAt(),
                value.balance(),
                value.nickname());
    }
}
