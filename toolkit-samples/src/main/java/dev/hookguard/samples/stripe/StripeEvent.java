package dev.hookguard.samples.stripe;

import dev.hookguard.api.Encrypt;
import dev.hookguard.api.Naming;
import dev.hookguard.api.Retain;
import dev.hookguard.api.Sensitive;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.api.Sensitive.Mask;
import dev.hookguard.api.Subject;
import dev.hookguard.api.WebhookPayload;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Stripe event envelope ({@code customer.created}, {@code source.mandate_notification}, …) as
 * Stripe's documentation shows it: {@code created} in epoch seconds, {@code data.object} the
 * object the event is about.
 */
@WebhookPayload(event = "customer.created", naming = Naming.SNAKE_CASE)
@Retain(days = 90)
public record StripeEvent(
    String id,
    String type,
    String object,
    Instant created,
    boolean livemode,
    @Nullable String apiVersion,
    @Nullable Integer pendingWebhooks,
    Data data,
    @Nullable Request request) {

  /** The event's payload: the object it is about. */
  public record Data(StripeObject object) {}

  /** The API request that caused the event, if any. */
  public record Request(String id, @Nullable String idempotencyKey) {}

  /**
   * The object an event is about. Stripe sends customers, sources and mandate notifications in
   * this place; the properties below are the union of what these samples read.
   */
  public record StripeObject(
      String id,
      String object,
      @Sensitive(category = Category.PERSONAL) @Nullable String name,
      @Subject @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL)
          @Encrypt(deterministic = true) @Nullable String email,
      @Sensitive(category = Category.CONTACT) @Encrypt @Nullable String phone,
      @Nullable Long amount,
      @Nullable String currency,
      @Sensitive(mask = Mask.HASH) @Nullable String customer,
      @Nullable String reason,
      @Nullable String status,
      @Nullable String type,
      @Nullable Map<String, String> metadata,
      @Nullable Source source) {

    @Override
    public String toString() {
      return StripeEvent_StripeObjectRedactor.create().toLogString(this);
    }
  }

  /** A payment source, with its owner and bank details. */
  public record Source(
      String id,
      String object,
      @Sensitive(category = Category.CREDENTIAL, mask = Mask.OMIT) @Encrypt @Nullable
          String clientSecret,
      @Nullable String currency,
      @Sensitive(mask = Mask.HASH) @Nullable String customer,
      @Nullable String flow,
      @Nullable Owner owner,
      @Nullable SepaDebit sepaDebit,
      @Nullable String status,
      @Nullable String usage) {

    @Override
    public String toString() {
      return StripeEvent_SourceRedactor.create().toLogString(this);
    }
  }

  /** Who owns a payment source: all of it personal data. */
  public record Owner(
      @Sensitive(category = Category.CONTACT) @Encrypt @Nullable Address address,
      @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL) @Encrypt @Nullable String email,
      @Sensitive(category = Category.PERSONAL) @Encrypt @Nullable String name,
      @Sensitive(category = Category.CONTACT, mask = Mask.LAST4) @Encrypt @Nullable String phone) {

    @Override
    public String toString() {
      return StripeEvent_OwnerRedactor.create().toLogString(this);
    }
  }

  /** A postal address; sensitive as a whole where it is used. */
  public record Address(
      @Nullable String city,
      @Nullable String country,
      @Sensitive(category = Category.CONTACT) @Nullable String line1,
      @Sensitive(category = Category.CONTACT) @Nullable String line2,
      @Sensitive(category = Category.CONTACT) @Nullable String postalCode,
      @Nullable String state) {

    @Override
    public String toString() {
      return StripeEvent_AddressRedactor.create().toLogString(this);
    }
  }

  /** SEPA direct debit details. */
  public record SepaDebit(
      @Sensitive(category = Category.FINANCIAL, mask = Mask.LAST4) @Encrypt @Nullable String bankCode,
      @Nullable String country,
      @Nullable String fingerprint,
      @Nullable String last4,
      @Sensitive(category = Category.FINANCIAL, mask = Mask.HASH) @Encrypt @Nullable
          String mandateReference,
      @Sensitive(category = Category.CREDENTIAL) @Encrypt @Nullable String mandateUrl) {

    @Override
    public String toString() {
      return StripeEvent_SepaDebitRedactor.create().toLogString(this);
    }
  }
}
