package dev.hookguard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.companion.AbstractPayloadStore;
import dev.hookguard.runtime.store.Accessor;
import dev.hookguard.testsupport.TestClock;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A nested {@code @Retain} shorter than its root's reaches the store: the root's field that holds
 * the nested value expires with the shortest retention inside it, so a store, a reveal and a sweep
 * treat it as its annotations say (a real SQLite store, the generated classes run).
 */
class NestedRetentionTest {

  @TempDir
  Path work;

  @Test
  void aBuyerKeptOneDayIsGoneFromAnOrderKeptAYear() throws Exception {
    Compilation compilation = Sources.compile(Sources.source("shop.Order",
        "package shop;",
        "import dev.hookguard.api.*;",
        "@WebhookPayload @Retain(days = 365)",
        "public record Order(String id, Buyer buyer) {",
        "  @Retain(days = 1)",
        "  public record Buyer(",
        "      @Sensitive(category = Sensitive.Category.CONTACT) @Encrypt @Retain(days = 1)",
        "          String email) {}",
        "}"));
    assertThat(compilation).succeeded();
    CompiledClasses classes = new CompiledClasses(compilation);
    Class<?> orderType = classes.type("shop.Order");
    Class<?> buyerType = classes.type("shop.Order$Buyer");
    Object order = orderType.getConstructors()[0].newInstance(
        "o_1", buyerType.getConstructors()[0].newInstance("jenny.rosen@example.com"));
    TestClock clock = new TestClock(Instant.parse("2026-01-10T12:00:00Z"));
    Accessor support = Accessor.of("support", Category.values());

    try (HookGuard hookGuard = HookGuard.builder().sqlite(work.resolve("hookguard.db"))
        .developmentMasterKey().clock(clock).build()) {
      // The generated store's put is AbstractPayloadStore<Order>.put, erased to put(String, Object).
      @SuppressWarnings("unchecked")
      AbstractPayloadStore<Object> store = (AbstractPayloadStore<Object>) classes.callStatic(
          "shop.OrderStore", "create", new Class<?>[] {HookGuard.class}, hookGuard);
      Method reveal =
          store.getClass().getMethod("reveal", String.class, Accessor.class, String.class);
      store.put("o_1", order);
      assertThat(buyer(reveal.invoke(store, "o_1", support, "refund"))).isNotNull();

      clock.advance(Duration.ofDays(2));

      Object later = reveal.invoke(store, "o_1", support, "refund");
      assertThat(later).as("the order is kept a year").isNotEqualTo(Optional.empty());
      assertThat(buyer(later)).as("its buyer one day").isNull();
      assertThat(hookGuard.retention().report().fieldsPastExpiry())
          .as("the report sees the expired field").isEqualTo(1);
      hookGuard.retention().sweep();
      assertThat(hookGuard.retention().report().fieldsPastExpiry()).isZero();
      assertThat(buyer(reveal.invoke(store, "o_1", support, "refund"))).isNull();
    }
  }

  private static Object buyer(Object revealed) throws ReflectiveOperationException {
    Object order = ((Optional<?>) revealed).orElseThrow();
    return order.getClass().getMethod("buyer").invoke(order);
  }
}
