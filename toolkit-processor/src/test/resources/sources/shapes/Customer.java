package shapes;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.hookguard.api.Encrypt;
import dev.hookguard.api.Naming;
import dev.hookguard.api.Retain;
import dev.hookguard.api.Sensitive;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.api.Sensitive.Mask;
import dev.hookguard.api.WebhookPayload;
import java.time.Instant;

@WebhookPayload(event = "customer.created", naming = Naming.SNAKE_CASE)
@Retain(days = 30)
public record Customer(
    String id,
    @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL) @Encrypt(deterministic = true)
        String email,
    @Sensitive(category = Category.FINANCIAL, mask = Mask.LAST4) @Encrypt String cardNumber,
    @Sensitive(mask = Mask.HASH) String customerId,
    @Sensitive(category = Category.CREDENTIAL, mask = Mask.OMIT) @Encrypt String apiKey,
    @Sensitive(category = Category.PERSONAL) @Retain(days = 7) int age,
    @JsonProperty("created") Instant createdAt,
    long balance,
    @Customer.Nullable String nickname) {

  /** Any annotation named Nullable makes a property optional in JSON. */
  @interface Nullable {}

  @Override
  public String toString() {
    return CustomerRedactor.create().toLogString(this);
  }
}
