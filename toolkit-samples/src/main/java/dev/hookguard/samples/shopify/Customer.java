package dev.hookguard.samples.shopify;

import dev.hookguard.api.Encrypt;
import dev.hookguard.api.Sensitive;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.api.Sensitive.Mask;
import dev.hookguard.api.Subject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** The customer who placed an order. */
public record Customer(
    long id,
    @Subject @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL)
        @Encrypt(deterministic = true) @Nullable String email,
    @Sensitive(category = Category.PERSONAL) @Encrypt @Nullable String firstName,
    @Sensitive(category = Category.PERSONAL) @Encrypt @Nullable String lastName,
    boolean acceptsMarketing,
    int ordersCount,
    @Nullable BigDecimal totalSpent,
    @Nullable String state,
    boolean verifiedEmail,
    @Nullable OffsetDateTime createdAt,
    @Sensitive(category = Category.CONTACT) @Nullable MailingAddress defaultAddress) {

  @Override
  public String toString() {
    return CustomerRedactor.create().toLogString(this);
  }
}
