package dev.hookguard.samples.shopify;

import dev.hookguard.api.Encrypt;
import dev.hookguard.api.Naming;
import dev.hookguard.api.Retain;
import dev.hookguard.api.Sensitive;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.api.Sensitive.Mask;
import dev.hookguard.api.Subject;
import dev.hookguard.api.WebhookPayload;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Shopify's {@code orders/create} webhook body: the order object itself (the REST API wraps the
 * same object as {@code {"order": …}}). Money is {@code BigDecimal}, sent by Shopify as strings.
 */
@WebhookPayload(event = "orders/create", naming = Naming.SNAKE_CASE)
@Retain(days = 365)
public record ShopifyOrder(
    long id,
    String name,
    int orderNumber,
    @Subject @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL)
        @Encrypt(deterministic = true) String email,
    @Sensitive(category = Category.CONTACT, mask = Mask.LAST4) @Encrypt @Nullable String phone,
    OffsetDateTime createdAt,
    @Nullable OffsetDateTime updatedAt,
    String currency,
    BigDecimal totalPrice,
    BigDecimal subtotalPrice,
    @Nullable BigDecimal totalTax,
    @Nullable String financialStatus,
    @Nullable String gateway,
    boolean test,
    @Sensitive(category = Category.LOCATION, mask = Mask.HASH) @Encrypt @Retain(days = 30) @Nullable
        String browserIp,
    @Sensitive(category = Category.OTHER) @Encrypt @Retain(days = 30) @Nullable String note,
    @Sensitive(category = Category.CREDENTIAL, mask = Mask.OMIT) @Encrypt @Nullable String token,
    @Sensitive(category = Category.CREDENTIAL, mask = Mask.OMIT) @Encrypt @Nullable String cartToken,
    @Nullable String tags,
    List<LineItem> lineItems,
    @Nullable List<TaxLine> taxLines,
    @Nullable List<DiscountCode> discountCodes,
    @Nullable List<NoteAttribute> noteAttributes,
    @Sensitive(category = Category.CONTACT) @Encrypt @Nullable MailingAddress billingAddress,
    @Sensitive(category = Category.CONTACT) @Encrypt @Nullable MailingAddress shippingAddress,
    @Nullable PaymentDetails paymentDetails,
    @Nullable Customer customer) {

  @Override
  public String toString() {
    return ShopifyOrderRedactor.create().toLogString(this);
  }

  /** One product line of the order. */
  public record LineItem(
      long id,
      @Nullable Long productId,
      @Nullable Long variantId,
      String title,
      @Nullable String variantTitle,
      @Nullable String sku,
      int quantity,
      BigDecimal price,
      int grams,
      boolean requiresShipping,
      boolean taxable,
      @Nullable List<Property> properties) {}

  /** A custom line-item property, such as an engraving: free text a buyer typed. */
  public record Property(
      String name,
      @Sensitive(category = Category.PERSONAL) String value) {

    @Override
    public String toString() {
      return ShopifyOrder_PropertyRedactor.create().toLogString(this);
    }
  }

  /** A tax applied to the order. */
  public record TaxLine(String title, BigDecimal price, double rate) {}

  /** A discount code used with the order. */
  public record DiscountCode(String code, BigDecimal amount) {}

  /** A note the buyer attached at checkout. */
  public record NoteAttribute(
      String name,
      @Sensitive(category = Category.OTHER) String value) {

    @Override
    public String toString() {
      return ShopifyOrder_NoteAttributeRedactor.create().toLogString(this);
    }
  }

  /** Card details as Shopify sends them: the number already masked, still worth masking again. */
  public record PaymentDetails(
      @Sensitive(category = Category.FINANCIAL, mask = Mask.LAST4) @Encrypt @Nullable
          String creditCardNumber,
      @Nullable String creditCardCompany,
      @Sensitive(category = Category.FINANCIAL) @Encrypt @Nullable String creditCardBin,
      @Nullable String avsResultCode,
      @Nullable String cvvResultCode) {

    @Override
    public String toString() {
      return ShopifyOrder_PaymentDetailsRedactor.create().toLogString(this);
    }
  }
}
