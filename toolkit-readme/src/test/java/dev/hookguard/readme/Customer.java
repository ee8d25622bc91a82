package dev.hookguard.readme;

import dev.hookguard.api.Encrypt;
import dev.hookguard.api.Naming;
import dev.hookguard.api.Retain;
import dev.hookguard.api.Sensitive;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.api.Sensitive.Mask;
import dev.hookguard.api.WebhookPayload;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

// README, "Annotate, build, use": the payload type, as the README shows it.
@WebhookPayload(event = "customer.created", naming = Naming.SNAKE_CASE)
@Retain(days = 90)
public record Customer(
    String id,
    @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL) @Encrypt(deterministic = true)
        String email,
    @Sensitive(category = Category.FINANCIAL, mask = Mask.LAST4) @Encrypt String cardNumber,
    @Sensitive(mask = Mask.HASH) String customerId,
    @Sensitive(category = Category.CREDENTIAL, mask = Mask.OMIT) @Encrypt String apiKey,
    @Retain(days = 30) @Nullable String note,     // any annotation named Nullable: optional in JSON
    Instant created) {

  @Override
  public String toString() {          // the record's own toString would print every value
    return CustomerRedactor.create().toLogString(this);
  }
}
