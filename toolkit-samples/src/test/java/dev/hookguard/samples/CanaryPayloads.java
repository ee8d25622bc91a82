package dev.hookguard.samples;

import dev.hookguard.samples.github.Account;
import dev.hookguard.samples.github.Commit;
import dev.hookguard.samples.github.CommitBuilder;
import dev.hookguard.samples.github.GitHubPush;
import dev.hookguard.samples.github.Person;
import dev.hookguard.samples.github.Repository;
import dev.hookguard.samples.shopify.Customer;
import dev.hookguard.samples.shopify.MailingAddress;
import dev.hookguard.samples.shopify.ShopifyOrder;
import dev.hookguard.samples.stripe.StripeEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The sample payload types with a unique marker in every property: canaries. Every {@code
 * @Sensitive} property holds a secret marker, every other one a plain marker, and the secrets of
 * {@code @Encrypt} properties are also listed as sealed (they may reach no byte of the database).
 */
public final class CanaryPayloads {

  private CanaryPayloads() {}

  /**
   * Hands out unique values and remembers which ones are secret, sealed and plain. Markers of
   * different series never share a value, so several payloads can be told apart.
   */
  public static final class Markers {
    public final List<String> secret = new ArrayList<>();
    public final List<String> plain = new ArrayList<>();
    /** The secrets of {@code @Encrypt} properties (and of everything nested in one). */
    public final List<String> sealed = new ArrayList<>();
    private int next;
    private boolean sealing;

    public Markers() {
      this(0);
    }

    /** Markers of {@code series} (0 to 99). */
    public Markers(int series) {
      this.next = 1000 + series * 100_000;
    }

    /** Every marker handed out, secret or plain. */
    public List<String> all() {
      List<String> all = new ArrayList<>(secret);
      all.addAll(plain);
      return all;
    }

    /** What {@code build} makes, its secrets recorded as sealed: an {@code @Encrypt} value. */
    <T> T sealed(Supplier<T> build) {
      boolean outer = sealing;
      sealing = true;
      try {
        return build.get();
      } finally {
        sealing = outer;
      }
    }

    String secret(String what) {
      String marker = "SECRET" + (next++) + what;
      remember(marker);
      return marker;
    }

    /** A secret that must still be a plausible e-mail address, so its mask shows the domain. */
    String secretEmail() {
      String local = "secret" + (next++);
      remember(local);
      return local + "@example.com";
    }

    /** A long secret whose last four characters a LAST4 mask keeps; the rest must not show. */
    String secretNumber() {
      String head = "9" + (next++) + "77";
      remember(head);
      return head + "1234";
    }

    BigDecimal secretDecimal() {
      String value = "0." + (next++) + "31337";
      remember(value);
      return new BigDecimal(value);
    }

    String plain(String what) {
      String value = "plain" + (next++) + what;
      plain.add(value);
      return value;
    }

    private void remember(String marker) {
      secret.add(marker);
      if (sealing) {
        sealed.add(marker);
      }
    }
  }

  public static StripeEvent stripeEvent(Markers m) {
    // The owner's address is masked as a whole, so even its plain parts must not show.
    var address = m.sealed(() -> new StripeEvent.Address(m.secret("city"), m.secret("country"),
        m.secret("line1"), m.secret("line2"), m.secret("postal"), m.secret("state")));
    var owner = m.sealed(() ->
        new StripeEvent.Owner(address, m.secretEmail(), m.secret("name"), m.secretNumber()));
    var sepa = new StripeEvent.SepaDebit(m.sealed(m::secretNumber), m.plain("country"),
        m.plain("fp"), m.plain("last4"), m.sealed(() -> m.secret("mandate")),
        m.sealed(() -> m.secret("mandateUrl")));
    var source = new StripeEvent.Source(m.plain("src"), m.plain("source"),
        m.sealed(() -> m.secret("clientSecret")), m.plain("eur"), m.secret("customer"),
        m.plain("flow"), owner, sepa, m.plain("status"), m.plain("usage"));
    var object = new StripeEvent.StripeObject(m.plain("cus"), m.plain("customer"),
        m.secret("name"), m.sealed(m::secretEmail), m.sealed(() -> m.secret("phone")), 4200L,
        m.plain("usd"), m.secret("customer"), m.plain("reason"), m.plain("status"),
        m.plain("type"), Map.of(m.plain("key"), m.plain("value")), source);
    return new StripeEvent(m.plain("evt"), m.plain("type"), m.plain("event"),
        Instant.ofEpochSecond(1736870400), false, m.plain("api"), 2,
        new StripeEvent.Data(object),
        new StripeEvent.Request(m.plain("req"), m.plain("idem")));
  }

  public static GitHubPush gitHubPush(Markers m) {
    Person author = new Person(m.sealed(() -> m.secret("author")), m.sealed(m::secretEmail),
        m.plain("login"));
    Person committer = new Person(m.sealed(() -> m.secret("committer")),
        m.sealed(m::secretEmail), m.plain("login"));
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
    push.setPusher(new Person(m.sealed(() -> m.secret("pusher")), m.sealed(m::secretEmail),
        m.plain("pusherLogin")));
    push.setSender(new Account(m.plain("sender"), 3, m.plain("node"), m.secret("senderName"),
        m.secretEmail(), m.plain("avatar"), m.plain("html"), Account.AccountType.User, false));
    return push;
  }

  public static ShopifyOrder shopifyOrder(Markers m) {
    MailingAddress billing = m.sealed(() -> address(m));
    MailingAddress shipping = m.sealed(() -> address(m));
    Customer customer = new Customer(7, m.sealed(m::secretEmail),
        m.sealed(() -> m.secret("first")), m.sealed(() -> m.secret("last")), true, 3,
        new BigDecimal("1203.00"), m.plain("enabled"), true,
        OffsetDateTime.of(2023, 3, 2, 9, 15, 0, 0, ZoneOffset.ofHours(-5)), address(m));
    return new ShopifyOrder(820982911946154508L, m.plain("#9999"), 1234, m.sealed(m::secretEmail),
        m.sealed(m::secretNumber),
        OffsetDateTime.of(2025, 1, 14, 11, 2, 45, 0, ZoneOffset.ofHours(-5)),
        null, m.plain("USD"), new BigDecimal("403.00"), new BigDecimal("393.00"),
        BigDecimal.ZERO, m.plain("paid"), m.plain("bogus"), true,
        m.sealed(() -> m.secret("ip")), m.sealed(() -> m.secret("note")),
        m.sealed(() -> m.secret("token")), m.sealed(() -> m.secret("cartToken")),
        m.plain("tags"),
        List.of(new ShopifyOrder.LineItem(1, 2L, 3L, m.plain("title"), null, m.plain("sku"), 1,
            new BigDecimal("199.00"), 100, true, true,
            List.of(new ShopifyOrder.Property(m.plain("Engraving"), m.secret("engraving"))))),
        List.of(new ShopifyOrder.TaxLine(m.plain("State Tax"), BigDecimal.ZERO, 0.06)),
        List.of(new ShopifyOrder.DiscountCode(m.plain("TENOFF"), BigDecimal.TEN)),
        List.of(new ShopifyOrder.NoteAttribute(m.plain("gift"), m.secret("giftMessage"))),
        billing, shipping,
        new ShopifyOrder.PaymentDetails(m.sealed(m::secretNumber), m.plain("Visa"),
            m.sealed(() -> m.secret("bin")), m.plain("Y"), m.plain("M")),
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
