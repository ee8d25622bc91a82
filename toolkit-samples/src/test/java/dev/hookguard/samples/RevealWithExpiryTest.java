package dev.hookguard.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditEntry;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.store.AccessDeniedException;
import dev.hookguard.runtime.store.Accessor;
import dev.hookguard.runtime.store.Revealed;
import dev.hookguard.samples.shopify.ShopifyOrder;
import dev.hookguard.samples.shopify.ShopifyOrderStore;
import dev.hookguard.testsupport.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code XStore.revealWithExpiry} on the generated ShopifyOrderStore over SQLite, with the clock
 * moved past the 30 days of {@code browser_ip} and {@code note} (the order itself is kept 365):
 * it lists exactly the fields retention took, never a field that simply arrived {@code null}, and
 * is checked and audited exactly as {@code reveal} is.
 */
class RevealWithExpiryTest {

  private static final Accessor SUPPORT = Accessor.of("support", Category.values());
  private static final Accessor ANALYST = Accessor.of("analyst", Category.CONTACT, Category.OTHER);
  private static final Instant RECEIVED = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path folder;

  final TestClock clock = new TestClock(RECEIVED);
  HookGuard hookGuard;
  ShopifyOrderStore store;

  @BeforeEach
  void open() {
    hookGuard = new Databases.Sqlite(folder).open(clock);
    store = ShopifyOrderStore.create(hookGuard);
  }

  @AfterEach
  void close() {
    hookGuard.close();
  }

  /** The sample order without a phone number: a genuine {@code null}. */
  private static ShopifyOrder withoutPhone() throws Exception {
    ShopifyOrder o = SamplePayloads.shopify("shopify-orders.create.json",
        SamplePayloads.bundled("shopify-orders.create.json"));
    return withFields(o, null, o.browserIp(), o.note());
  }

  private static ShopifyOrder withFields(ShopifyOrder o, String phone, String browserIp, String note) {
    return new ShopifyOrder(o.id(), o.name(), o.orderNumber(), o.email(), phone, o.createdAt(),
        o.updatedAt(), o.currency(), o.totalPrice(), o.subtotalPrice(), o.totalTax(),
        o.financialStatus(), o.gateway(), o.test(), browserIp, note, o.token(), o.cartToken(),
        o.tags(), o.lineItems(), o.taxLines(), o.discountCodes(), o.noteAttributes(),
        o.billingAddress(), o.shippingAddress(), o.paymentDetails(), o.customer());
  }

  @Test
  void nothingIsListedWhileEveryFieldIsKeptAndANullStaysANull() throws Exception {
    ShopifyOrder order = withoutPhone();
    store.put("order-1", order);
    clock.advance(Duration.ofDays(29));

    Revealed<ShopifyOrder> revealed = store.revealWithExpiry("order-1", SUPPORT, "refund").orElseThrow();

    assertThat(revealed.value()).isEqualTo(order);
    assertThat(revealed.value().phone()).isNull();
    assertThat(revealed.expiredFields()).isEmpty();
    assertThat(revealed.isExpired("phone")).isFalse();
  }

  @Test
  void pastAFieldsRetentionExactlyTheExpiredFieldsAreListedAndANullIsNot() throws Exception {
    ShopifyOrder order = withoutPhone();
    assertThat(order.browserIp()).isNotNull();
    assertThat(order.note()).isNotNull();
    store.put("order-1", order);
    clock.advance(Duration.ofDays(30).plusMillis(1));

    Revealed<ShopifyOrder> revealed = store.revealWithExpiry("order-1", SUPPORT, "refund").orElseThrow();

    assertThat(revealed.expiredFields()).containsExactly("browser_ip", "note");
    assertThat(revealed.value().browserIp()).isNull();
    assertThat(revealed.value().note()).isNull();
    assertThat(revealed.value().phone()).as("null on receipt, and not listed").isNull();
    assertThat(revealed.isExpired("phone")).isFalse();
    assertThat(revealed.value())
        .as("every other field as it was received")
        .isEqualTo(withFields(order, null, null, null));
    assertThat(store.reveal("order-1", SUPPORT, "refund"))
        .as("reveal returns the same value, without telling the two kinds of null apart")
        .contains(revealed.value());
  }

  @Test
  void theSweepChangesNothingInTheAnswer() throws Exception {
    store.put("order-1", withoutPhone());
    clock.advance(Duration.ofDays(31));
    Revealed<ShopifyOrder> before = store.revealWithExpiry("order-1", SUPPORT, "audit").orElseThrow();

    assertThat(hookGuard.retention().sweep().fieldsDeleted()).isPositive();
    Revealed<ShopifyOrder> after = store.revealWithExpiry("order-1", SUPPORT, "audit").orElseThrow();

    assertThat(after.expiredFields()).containsExactly("browser_ip", "note");
    assertThat(after).isEqualTo(before);
  }

  @Test
  void aFieldWithoutItsOwnRetentionIsNotListedWhenAnotherExpires() throws Exception {
    ShopifyOrder order = withoutPhone();
    store.put("with-note", order);
    store.put("without-note", withFields(order, "+16135551212", order.browserIp(), null));
    clock.advance(Duration.ofDays(31));

    assertThat(store.revealWithExpiry("with-note", SUPPORT, "x").orElseThrow().expiredFields())
        .containsExactly("browser_ip", "note");
    Revealed<ShopifyOrder> withPhone =
        store.revealWithExpiry("without-note", SUPPORT, "x").orElseThrow();
    assertThat(withPhone.value().phone()).isEqualTo("+16135551212");
    assertThat(withPhone.expiredFields())
        .as("note arrived null; its own 30 days have passed, so the store no longer says")
        .containsExactly("browser_ip", "note");
  }

  @Test
  void accessIsCheckedAndAuditedExactlyAsForReveal() throws Exception {
    store.put("order-1", withoutPhone());
    clock.advance(Duration.ofDays(31));

    assertThatThrownBy(() -> store.reveal("order-1", ANALYST, "curious"))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> store.revealWithExpiry("order-1", ANALYST, "curious"))
        .isInstanceOf(AccessDeniedException.class);
    store.reveal("order-1", SUPPORT, "refund");
    store.revealWithExpiry("order-1", SUPPORT, "refund");
    assertThat(store.reveal("missing", SUPPORT, "refund")).isEmpty();
    assertThat(store.revealWithExpiry("missing", SUPPORT, "refund")).isEmpty();

    List<AuditEvent> events =
        hookGuard.audit().tail(6).stream().map(AuditEntry::event).toList();
    assertThat(events).extracting(AuditEvent::kind).containsExactly(
        AuditEvent.Kind.REVEAL_DENIED, AuditEvent.Kind.REVEAL_DENIED,
        AuditEvent.Kind.REVEAL_GRANTED, AuditEvent.Kind.REVEAL_GRANTED,
        AuditEvent.Kind.REVEAL_NOT_FOUND, AuditEvent.Kind.REVEAL_NOT_FOUND);
    for (int i = 0; i < events.size(); i += 2) {
      assertThat(events.get(i + 1)).as("entry %d", i + 1).isEqualTo(events.get(i));
    }
  }

  @Test
  void itsTextNamesTheExpiredFieldsNeverAValue() throws Exception {
    ShopifyOrder order = withoutPhone();
    store.put("order-1", order);
    clock.advance(Duration.ofDays(31));

    String text = store.revealWithExpiry("order-1", SUPPORT, "x").orElseThrow().toString();

    assertThat(text).isEqualTo("Revealed[expiredFields=[browser_ip, note]]");
    assertThat(text).doesNotContain(order.email()).doesNotContain(String.valueOf(order.id()));
  }
}
