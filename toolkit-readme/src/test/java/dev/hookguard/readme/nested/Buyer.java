package dev.hookguard.readme.nested;

import dev.hookguard.api.Sensitive;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.api.Sensitive.Mask;

// README, "Roots and nested types": a nested type with a sensitive property.
public record Buyer(@Sensitive(category = Category.CONTACT, mask = Mask.EMAIL) String email) {
  @Override
  public String toString() {
    return BuyerRedactor.create().toLogString(this);    // generated: Buyer is sensitive
  }
}
