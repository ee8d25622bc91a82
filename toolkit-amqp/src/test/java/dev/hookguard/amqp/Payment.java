package dev.hookguard.amqp;

import dev.hookguard.api.Encrypt;
import dev.hookguard.api.Naming;
import dev.hookguard.api.Retain;
import dev.hookguard.api.Sensitive;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.api.Sensitive.Mask;
import dev.hookguard.api.WebhookPayload;

/** The forwarding tests' payload: every mask, encrypted and plain sensitive properties. */
@WebhookPayload(event = "payment.succeeded", naming = Naming.SNAKE_CASE)
@Retain(days = 30)
public record Payment(
    String id,
    long amountCents,
    String currency,
    @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL) @Encrypt String email,
    @Sensitive(category = Category.FINANCIAL, mask = Mask.LAST4) @Encrypt String cardNumber,
    @Sensitive(category = Category.PERSONAL) String holderName,
    @Sensitive(mask = Mask.HASH) String customerId,
    @Sensitive(category = Category.CREDENTIAL, mask = Mask.OMIT) @Encrypt String apiKey) {

  @Override
  public String toString() {
    return PaymentRedactor.create().toLogString(this);
  }
}
