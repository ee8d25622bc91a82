package shapes;

import dev.hookguard.api.Sensitive;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.api.WebhookPayload;

/** Nested payload types: member records, referenced from their enclosing payload. */
@WebhookPayload
public record Shipment(String id, Address from, Address to, @Sensitive Recipient recipient) {

  @Override
  public String toString() {
    return ShipmentRedactor.create().toLogString(this);
  }

  @WebhookPayload
  public record Address(
      String city, @Sensitive(category = Category.CONTACT) String street) {

    @Override
    public String toString() {
      return Shipment_AddressRedactor.create().toLogString(this);
    }
  }

  @WebhookPayload
  public record Recipient(String name) {}
}
