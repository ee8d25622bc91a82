package dev.hookguard.samples.stripe;

import dev.hookguard.api.Encrypt;
import dev.hookguard.api.Naming;
import dev.hookguard.api.Retain;
import dev.hookguard.api.Sensitive;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.api.Sensitive.Mask;
import dev.hookguard.api.WebhookPayload;
import java.time.Instant;
import java.util.Map;

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
    String apiVersion,
    Integer pendingWebhooks,
    Data data,
    Request request) {

  /** The event's payload: the object, and for {@code *.updated} events what changed. */
  @WebhookPayload(naming = Naming.SNAKE_CASE)
  public record Data(StripeObject object, Map<String, String> previousAttributes) {}

  /** The API request that caused the event, if any. */
  @WebhookPayload(naming = Naming.SNAKE_CASE)
  public record Request(String id, String idempotencyKey) {}

  /**
   * The object an event is about. Stripe sends customers, sources and mandate notifications in
   * this place; the properties below are the union of what these samples read.
   */
  @WebhookPayload(naming = Naming.SNAKE_CASE)
  public record StripeObject(
      String id,
      String object,
      @Sensitive(category = Category.PERSONAL) String name,
      @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL) @Encrypt(deterministic = true)
          String email,
      @Sensitive(category = Category.CONTACT) @Encrypt String phone,
      Long amount,
      String currency,
      @Sensitive(mask = Mask.HASH) String customer,
      String reason,
      String status,
      String type,
      Map<String, String> metadata,
      Source source) {

    @Override
    public String toString() {
      return StripeEvent_StripeObjectRedactor.create().toLogString(this);
    }
  }

  /** A payment source, with its owner and bank details. */
  @WebhookPayload(naming = Naming.SNAKE_CASE)
  public record Source(
      String id,
      String object,
      @Sensitive(category = Category.CREDENTIAL, mask = Mask.OMIT) String clientSecret,
      String currency,
      @Sensitive(mask = Mask.HASH) String customer,
      String flow,
      Owner owner,
      SepaDebit sepaDebit,
      String status,
      String usage) {

    @Override
    public String toString() {
      return StripeEvent_SourceRedactor.create().toLogString(this);
    }
  }

  /** Who owns a payment source: all of it personal data. */
  @WebhookPayload(naming = Naming.SNAKE_CASE)
  public record Owner(
      @Sensitive(category = Category.CONTACT) @Encrypt Address address,
      @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL) @Encrypt String email,
      @Sensitive(category = Category.PERSONAL) @Encrypt String name,
      @Sensitive(category = Category.CONTACT, mask = Mask.LAST4) @Encrypt String phone) {

    @Override
    public String toString() {
      return StripeEvent_OwnerRedactor.create().toLogString(this);
    }
  }

  /** A postal address; sensitive as a whole where it is used. */
  @WebhookPayload(naming = Naming.SNAKE_CASE)
  public record Address(
      String city,
      String country,
      @Sensitive(category = Category.CONTACT) String line1,
      @Sensitive(category = Category.CONTACT) String line2,
      @Sensitive(category = Category.CONTACT) String postalCode,
      String state) {

    @Override
    public String toString() {
      return StripeEvent_AddressRedactor.create().toLogString(this);
    }
  }

  /** SEPA direct debit details. */
  @WebhookPayload(naming = Naming.SNAKE_CASE)
  public record SepaDebit(
      @Sensitive(category = Category.FINANCIAL, mask = Mask.LAST4) @Encrypt String bankCode,
      String country,
      String fingerprint,
      String last4,
      @Sensitive(category = Category.FINANCIAL, mask = Mask.HASH) String mandateReference,
      @Sensitive(category = Category.CREDENTIAL) String mandateUrl) {

    @Override
    public String toString() {
      return StripeEvent_SepaDebitRedactor.create().toLogString(this);
    }
  }
}
