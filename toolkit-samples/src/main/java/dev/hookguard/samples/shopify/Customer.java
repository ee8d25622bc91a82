package dev.hookguard.samples.shopify;

import dev.hookguard.api.Encrypt;
import dev.hookguard.api.Naming;
import dev.hookguard.api.Sensitive;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.api.Sensitive.Mask;
import dev.hookguard.api.WebhookPayload;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The customer who placed an order. */
@WebhookPayload(naming = Naming.SNAKE_CASE)
public record Customer(
    long id,
    @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL) @Encrypt(deterministic = true)
        String email,
    @Sensitive(category = Category.PERSONAL) @Encrypt String firstName,
    @Sensitive(category = Category.PERSONAL) @Encrypt String lastName,
    boolean acceptsMarketing,
    int ordersCount,
    BigDecimal totalSpent,
    String state,
    boolean verifiedEmail,
    OffsetDateTime createdAt,
    @Sensitive(category = Category.CONTACT) MailingAddress defaultAddress) {

  @Override
  public String toString() {
    return CustomerRedactor.create().toLogString(this);
  }
}
