package dev.hookguard.samples.shopify;

import dev.hookguard.api.Sensitive;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.api.Sensitive.Mask;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** A billing or shipping address. */
public record MailingAddress(
    @Sensitive(category = Category.PERSONAL) @Nullable String firstName,
    @Sensitive(category = Category.PERSONAL) @Nullable String lastName,
    @Sensitive(category = Category.PERSONAL) @Nullable String name,
    @Sensitive(category = Category.CONTACT) @Nullable String address1,
    @Sensitive(category = Category.CONTACT) @Nullable String address2,
    @Nullable String city,
    @Nullable String province,
    @Nullable String provinceCode,
    @Nullable String country,
    @Nullable String countryCode,
    @Sensitive(category = Category.CONTACT) @Nullable String zip,
    @Sensitive(category = Category.CONTACT, mask = Mask.LAST4) @Nullable String phone,
    @Nullable String company,
    @Sensitive(category = Category.LOCATION) @Nullable BigDecimal latitude,
    @Sensitive(category = Category.LOCATION) @Nullable BigDecimal longitude) {

  @Override
  public String toString() {
    return MailingAddressRedactor.create().toLogString(this);
  }
}
