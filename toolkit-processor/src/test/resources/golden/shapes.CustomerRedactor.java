package shapes;

import dev.hookguard.api.Generated;
import dev.hookguard.runtime.companion.AbstractRedactor;
import dev.hookguard.runtime.generated.Masks;
import dev.hookguard.runtime.generated.PayloadWriter;
import dev.hookguard.runtime.redact.RedactionContext;

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
public final class CustomerRedactor extends AbstractRedactor<Customer> {
    private CustomerRedactor(RedactionContext context) {
        super(context, CustomerRedactor::write, CustomerRedactor::copyRedacted);
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
        return new CustomerRedactor(context);
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
