package dev.hookguard.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.redact.Redactor;
import dev.hookguard.samples.github.Account;
import dev.hookguard.samples.github.Commit;
import dev.hookguard.samples.github.CommitBuilder;
import dev.hookguard.samples.github.GitHubPush;
import dev.hookguard.samples.github.GitHubPushRedactor;
import dev.hookguard.samples.github.Person;
import dev.hookguard.samples.github.Repository;
import dev.hookguard.samples.shopify.Customer;
import dev.hookguard.samples.shopify.MailingAddress;
import dev.hookguard.samples.shopify.ShopifyOrder;
import dev.hookguard.samples.shopify.ShopifyOrderRedactor;
import dev.hookguard.samples.stripe.StripeEvent;
import dev.hookguard.samples.stripe.StripeEventRedactor;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sensitive property of the sample types holds a unique marker; no marker may reach a log
 * line, redacted JSON or the {@code toString} of a redacted copy, while every non-sensitive value
 * must still be there.
 */
class CanaryRedactionTest {

  /** Hands out unique values and remembers which ones are secret and which are plain. */
  static final class Markers {
    final List<String> secret = new ArrayList<>();
    final List<String> plain = new ArrayList<>();
    private int next = 1000;

    String secret(String what) {
      String marker = "SECRET" + (next++) + what;
      secret.add(marker);
      return marker;
    }

    /** A secret that must still be a plausible e-mail address, so its mask shows the domain. */
    String secretEmail() {
      String local = "secret" + (next++);
      secret.add(local);
      return local + "@example.com";
    }

    /** A long secret whose last four characters a LAST4 mask keeps; the rest must not show. */
    String secretNumber() {
      String head = "9" + (next++) + "77";
      secret.add(head);
      return head + "1234";
    }

    BigDecimal secretDecimal() {
      String value = "0." + (next++) + "31337";
      secret.add(value);
      return new BigDecimal(value);
    }

    String plain(String what) {
      String value = "plain" + (next++) + what;
      plain.add(value);
      return value;
    }
  }

  static Stream<Arguments> samples() {
    return Stream.of(
        sample("Stripe event", CanaryRedactionTest::stripeEvent, StripeEventRedactor.create()),
        sample("GitHub push", CanaryRedactionTest::gitHubPush, GitHubPushRedactor.create()),
        sample("Shopify order", CanaryRedactionTest::shopifyOrder, ShopifyOrderRedactor.create()));
  }

  private static <T> Arguments sample(String name, Function<Markers, T> build, Redactor<T> redactor) {
    Markers markers = new Markers();
    T payload = build.apply(markers);
    T copy = redactor.redact(payload);
    return Arguments.of(name, markers, List.of(
        redactor.toLogString(payload),
        redactor.toRedactedJson(payload),
        redactor.toRedactedJson(copy),
        String.valueOf(copy)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void noSensitiveMarkerReachesAnyOutput(String name, Markers markers, List<String> outputs) {
    assertThat(markers.secret).hasSizeGreaterThan(5);
    for (String output : outputs) {
      for (String secret : markers.secret) {
        assertThat(output).as("%s output", name).doesNotContain(secret);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everyPlainValueIsStillShown(String name, Markers markers, List<String> outputs) {
    assertThat(markers.plain).hasSizeGreaterThan(5);
    // The last output is the copy's own toString, which for a class is Object's.
    for (String output : outputs.subList(0, 3)) {
      for (String plain : markers.plain) {
        assertThat(output).as("%s output", name).contains(plain);
      }
    }
  }

  static StripeEvent stripeEvent(Markers m) {
    // The owner's address is masked as a whole, so even its plain parts must not show.
    var address = new StripeEvent.Address(m.secret("city"), m.secret("country"),
        m.secret("line1"), m.secret("line2"), m.secret("postal"), m.secret("state"));
    var owner = new StripeEvent.Owner(address, m.secretEmail(), m.secret("name"), m.secretNumber());
    var sepa = new StripeEvent.SepaDebit(m.secretNumber(), m.plain("country"), m.plain("fp"),
        m.plain("last4"), m.secret("mandate"), m.secret("mandateUrl"));
    var source = new StripeEvent.Source(m.plain("src"), m.plain("source"), m.secret("clientSecret"),
        m.plain("eur"), m.secret("customer"), m.plain("flow"), owner, sepa, m.plain("status"),
        m.plain("usage"));
    var object = new StripeEvent.StripeObject(m.plain("cus"), m.plain("customer"),
        m.secret("name"), m.secretEmail(), m.secret("phone"), 4200L, m.plain("usd"),
        m.secret("customer"), m.plain("reason"), m.plain("status"), m.plain("type"),
        Map.of(m.plain("key"), m.plain("value")), source);
    return new StripeEvent(m.plain("evt"), m.plain("type"), m.plain("event"),
        Instant.ofEpochSecond(1736870400), false, m.plain("api"), 2,
        new StripeEvent.Data(object),
        new StripeEvent.Request(m.plain("req"), m.plain("idem")));
  }

  static GitHubPush gitHubPush(Markers m) {
    Person author = new Person(m.secret("author"), m.secretEmail(), m.plain("login"));
    Person committer = new Person(m.secret("committer"), m.secretEmail(), m.plain("login"));
    Commit commit = CommitBuilder.commit(m.plain("sha"), m.plain("message"), author, committer,
        List.of(m.plain("added.txt")));
    Account owner = new Account(m.plain("org"), 1, m.plain("node"), m.secret("ownerName"),
        m.secretEmail(), m.plain("avatar"), m.plain("html"), Account.AccountType.Organization,
        false);
    Repository repository = new Repository(2, m.plain("node"), m.plain("repo"), m.plain("full"),
        true, owner, m.plain("html"), m.plain("description"), false,
        Instant.ofEpochSecond(1736869221), 3, m.plain("main"), Set.of(m.plain("topic")));
    GitHubPush push = new GitHubPush();
    push.setRef(m.plain("ref"));
    push.setBefore(m.plain("before"));
    push.setAfter(m.plain("after"));
    push.setCompare(m.plain("compare"));
    push.setCommits(List.of(commit));
    push.setHeadCommit(commit);
    push.setRepository(repository);
    push.setPusher(new Person(m.secret("pusher"), m.secretEmail(), m.plain("pusherLogin")));
    push.setSender(new Account(m.plain("sender"), 3, m.plain("node"), m.secret("senderName"),
        m.secretEmail(), m.plain("avatar"), m.plain("html"), Account.AccountType.User, false));
    return push;
  }

  static ShopifyOrder shopifyOrder(Markers m) {
    MailingAddress billing = address(m);
    MailingAddress shipping = address(m);
    Customer customer = new Customer(7, m.secretEmail(), m.secret("first"), m.secret("last"),
        true, 3, new BigDecimal("1203.00"), m.plain("enabled"), true,
        OffsetDateTime.of(2023, 3, 2, 9, 15, 0, 0, ZoneOffset.ofHours(-5)), address(m));
    return new ShopifyOrder(820982911946154508L, m.plain("#9999"), 1234, m.secretEmail(),
        m.secretNumber(), OffsetDateTime.of(2025, 1, 14, 11, 2, 45, 0, ZoneOffset.ofHours(-5)),
        null, m.plain("USD"), new BigDecimal("403.00"), new BigDecimal("393.00"),
        BigDecimal.ZERO, m.plain("paid"), m.plain("bogus"), true, m.secret("ip"),
        m.secret("note"), m.secret("token"), m.secret("cartToken"), m.plain("tags"),
        List.of(new ShopifyOrder.LineItem(1, 2L, 3L, m.plain("title"), null, m.plain("sku"), 1,
            new BigDecimal("199.00"), 100, true, true,
            List.of(new ShopifyOrder.Property(m.plain("Engraving"), m.secret("engraving"))))),
        List.of(new ShopifyOrder.TaxLine(m.plain("State Tax"), BigDecimal.ZERO, 0.06)),
        List.of(new ShopifyOrder.DiscountCode(m.plain("TENOFF"), BigDecimal.TEN)),
        List.of(new ShopifyOrder.NoteAttribute(m.plain("gift"), m.secret("giftMessage"))),
        billing, shipping,
        new ShopifyOrder.PaymentDetails(m.secretNumber(), m.plain("Visa"), m.secret("bin"),
            m.plain("Y"), m.plain("M")),
        customer);
  }

  /** Every address in an order is masked as a whole, so even its plain parts must not show. */
  private static MailingAddress address(Markers m) {
    return new MailingAddress(m.secret("first"), m.secret("last"), m.secret("name"),
        m.secret("address1"), m.secret("address2"), m.secret("city"), m.secret("province"),
        m.secret("KY"), m.secret("country"), m.secret("US"), m.secret("zip"), m.secretNumber(),
        m.secret("company"), m.secretDecimal(), m.secretDecimal());
  }
}
