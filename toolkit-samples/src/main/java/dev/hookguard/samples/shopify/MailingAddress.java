package dev.hookguard.samples.shopify;

import dev.hookguard.api.Naming;
import dev.hookguard.api.Sensitive;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.api.Sensitive.Mask;
import dev.hookguard.api.WebhookPayload;
import java.math.BigDecimal;

/** A billing or shipping address. */
@WebhookPayload(naming = Naming.SNAKE_CASE)
public record MailingAddress(
    @Sensitive(category = Category.PERSONAL) String firstName,
    @Sensitive(category = Category.PERSONAL) String lastName,
    @Sensitive(category = Category.PERSONAL) String name,
    @Sensitive(category = Category.CONTACT) String address1,
    @Sensitive(category = Category.CONTACT) String address2,
    String city,
    String province,
    String provinceCode,
    String country,
    String countryCode,
    @Sensitive(category = Category.CONTACT) String zip,
    @Sensitive(category = Category.CONTACT, mask = Mask.LAST4) String phone,
    String company,
    @Sensitive(category = Category.LOCATION) BigDecimal latitude,
    @Sensitive(category = Category.LOCATION) BigDecimal longitude) {

  @Override
  public String toString() {
    return MailingAddressRedactor.create().toLogString(this);
  }
}
