package dev.hookguard.servlet;

import dev.hookguard.api.Encrypt;
import dev.hookguard.api.Retain;
import dev.hookguard.api.Sensitive;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.api.Sensitive.Mask;
import dev.hookguard.api.WebhookPayload;

/** The tests' payload: the processor generates its verifier, redactor and store. */
@WebhookPayload(event = "invoice.paid")
@Retain(days = 30)
public record Invoice(
    String id,
    @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL) @Encrypt String email,
    @Sensitive(category = Category.FINANCIAL, mask = Mask.LAST4) @Encrypt String cardNumber,
    long amount) {

  @Override
  public String toString() {
    return InvoiceRedactor.create().toLogString(this);
  }
}
