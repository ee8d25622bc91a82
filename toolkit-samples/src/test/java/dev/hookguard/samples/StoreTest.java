package dev.hookguard.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.store.AccessDeniedException;
import dev.hookguard.runtime.store.Accessor;
import dev.hookguard.runtime.store.DuplicateRecordException;
import dev.hookguard.samples.shopify.MailingAddress;
import dev.hookguard.samples.shopify.ShopifyOrder;
import dev.hookguard.samples.shopify.ShopifyOrderStore;
import dev.hookguard.samples.stripe.StripeEvent;
import dev.hookguard.samples.stripe.StripeEventStore;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated ShopifyOrderStore over both real backends. */
class StoreTest {

  private static final Accessor SUPPORT = Accessor.of("support", Category.values());
  private static final Accessor ANALYST = Accessor.of("analyst", Category.CONTACT, Category.OTHER);

  @TempDir
  static Path sqliteFolder;
  @TempDir
  static Path postgresFolder;

  static Stream<Arguments> backends() throws Exception {
    return Stream.of(Arguments.of(new Databases.Sqlite(sqliteFolder.resolve("s" + System.nanoTime()))),
        Arguments.of(new Databases.Postgres(postgresFolder.resolve("p" + System.nanoTime()))));
  }

  private static ShopifyOrder order() throws Exception {
    return SamplePayloads.shopify("shopify-orders.create.json",
        SamplePayloads.bundled("shopify-orders.create.json"));
  }

  /** The order with unique markers in every encrypted property. */
  private static ShopifyOrder withMarkers(ShopifyOrder o, String marker) {
    MailingAddress billing = new MailingAddress("Jon", "Doe", "Jon Doe", marker + "-street", null,
        "Billtown", null, null, null, null, "K2P0B0", "555-555-5555", null, null, null);
    return new ShopifyOrder(o.id(), o.name(), o.orderNumber(), marker + "@example.com",
        "+1" + marker, o.createdAt(), o.updatedAt(), o.currency(), o.totalPrice(),
        o.subtotalPrice(), o.totalTax(), o.financialStatus(), o.gateway(), o.test(), o.browserIp(),
        o.note(), o.token(), o.cartToken(), o.tags(), o.lineItems(), o.taxLines(),
        o.discountCodes(), o.noteAttributes(), billing, billing, o.paymentDetails(), o.customer());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void findMasksRevealDecryptsAndFinderLooksUp(Databases db) throws Exception {
    try (HookGuard hookGuard = db.open()) {
      ShopifyOrderStore store = ShopifyOrderStore.create(hookGuard);
      ShopifyOrder order = order();
      store.put("order-1", order);

      ShopifyOrder found = store.find("order-1").orElseThrow();
      assertThat(found.email()).isEqualTo("j***@example.com");
      assertThat(found.billingAddress()).isNull();
      assertThat(found.totalPrice()).isEqualByComparingTo("403.00");

      assertThat(store.reveal("order-1", SUPPORT, "refund request #77")).contains(order);
      assertThat(store.findByEmail("jon.doe@example.com")).singleElement()
          .extracting(ShopifyOrder::email).isEqualTo("j***@example.com");
      assertThat(store.findByEmail("nobody@example.com")).isEmpty();
      assertThat(store.find("order-2")).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void nestedEncryptedPropertiesAreSealedWithTheirContainer(Databases db) throws Exception {
    byte[] body = SamplePayloads.bundled("stripe-mandate-notification.json");
    StripeEvent event = SamplePayloads.stripe(body);
    try (HookGuard hookGuard = db.open()) {
      StripeEventStore store = StripeEventStore.create(hookGuard);
      store.put(event.id(), event);
      // The owner's e-mail, name and bank code sit inside "data", which is sealed as a whole.
      for (String secret : List.of("max.mustermann@example.de", "Max Mustermann", "37040044")) {
        assertThat(db.rawContains(secret)).as(secret).isFalse();
      }
      assertThat(db.rawContains(event.id())).isTrue();
      assertThat(store.find(event.id()).orElseThrow().data().object().source().owner().email())
          .isEqualTo("m***@example.de");
      // Revealing "data" reveals the nested FINANCIAL bank code too: a CONTACT grant is not enough.
      assertThatThrownBy(() -> store.reveal(event.id(), ANALYST, "support"))
          .isInstanceOf(AccessDeniedException.class);
      assertThat(store.reveal(event.id(), SUPPORT, "support")).contains(event);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void pseudonymsAreTheSameOnEveryInstanceAndAfterARestart(Databases db) throws Exception {
    String pseudonym;
    try (HookGuard hookGuard = db.open()) {
      ShopifyOrderStore store = ShopifyOrderStore.create(hookGuard);
      store.put("order-1", order());
      pseudonym = store.find("order-1").orElseThrow().browserIp();
      assertThat(pseudonym).startsWith("hg_");
      try (HookGuard other = db.open()) {
        assertThat(ShopifyOrderStore.create(other).find("order-1").orElseThrow().browserIp())
            .isEqualTo(pseudonym);
      }
    }
    try (HookGuard restarted = db.open()) {
      assertThat(ShopifyOrderStore.create(restarted).find("order-1").orElseThrow().browserIp())
          .isEqualTo(pseudonym);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void accessorWithoutEveryCategoryGetsNoPlaintext(Databases db) throws Exception {
    try (HookGuard hookGuard = db.open()) {
      ShopifyOrderStore store = ShopifyOrderStore.create(hookGuard);
      store.put("order-1", order());
      assertThatThrownBy(() -> store.reveal("order-1", ANALYST, "curiosity"))
          .isInstanceOf(AccessDeniedException.class)
          .hasMessageNotContaining("jon.doe");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void duplicateIdIsRefusedUnlessOverwriting(Databases db) throws Exception {
    try (HookGuard hookGuard = db.open()) {
      ShopifyOrderStore store = ShopifyOrderStore.create(hookGuard);
      ShopifyOrder order = order();
      store.put("order-1", order);
      ShopifyOrder changed = withMarkers(order, "changed");
      assertThatThrownBy(() -> store.put("order-1", changed)).isInstanceOf(DuplicateRecordException.class);
      assertThat(store.reveal("order-1", SUPPORT, "check")).contains(order);
      store.put("order-1", changed, true);
      assertThat(store.reveal("order-1", SUPPORT, "check")).contains(changed);
      assertThat(store.delete("order-1")).isTrue();
      assertThat(store.delete("order-1")).isFalse();
      assertThat(store.find("order-1")).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void putAllStoresABatchInOneTransactionAllOrNothing(Databases db) throws Exception {
    try (HookGuard hookGuard = db.open()) {
      ShopifyOrderStore store = ShopifyOrderStore.create(hookGuard);
      ShopifyOrder order = order();
      Map<String, ShopifyOrder> batch = new LinkedHashMap<>();
      for (int i = 0; i < 50; i++) {
        batch.put("bulk-" + i, withMarkers(order, "bulk" + i));
      }
      store.putAll(batch);
      assertThat(store.reveal("bulk-7", SUPPORT, "check")).contains(batch.get("bulk-7"));
      assertThat(store.findByEmail("bulk42@example.com")).hasSize(1);

      Map<String, ShopifyOrder> clashing = new LinkedHashMap<>();
      clashing.put("new-1", withMarkers(order, "new1"));
      clashing.put("bulk-3", withMarkers(order, "other"));
      assertThatThrownBy(() -> store.putAll(clashing)).isInstanceOf(DuplicateRecordException.class);
      assertThat(store.find("new-1")).isEmpty();
      assertThat(store.reveal("bulk-3", SUPPORT, "check")).contains(batch.get("bulk-3"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void noEncryptedMarkerReachesTheDatabase(Databases db) throws Exception {
    String marker = "CANARY" + HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(8)
        .putLong(System.nanoTime()).array());
    try (HookGuard hookGuard = db.open()) {
      ShopifyOrderStore store = ShopifyOrderStore.create(hookGuard);
      for (int i = 0; i < 20; i++) {
        store.put("order-" + i, withMarkers(order(), marker + i));
      }
      assertThat(store.findByEmail(marker + "7@example.com")).hasSize(1);
      // The record ids are stored as they are, so the scan does see stored text; the plain
      // properties are not: an order names its customer (@Subject), so every field of it is
      // sealed for them too.
      assertThat(db.rawContains("order-17")).isTrue();
      assertThat(db.rawContains("SKU2006-001")).isFalse();
      assertThat(db.rawContains(marker)).isFalse();
    }
    assertThat(db.rawContains(marker)).isFalse(); // closed: the WAL is checkpointed into the file
  }
}
