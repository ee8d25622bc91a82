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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Random, valid sample payloads from a seeded {@link Random}: random text (any Unicode,
 * escapes, empty), extreme numbers, nulls wherever a property may be null, empty and long lists.
 */
final class RandomPayloads {

  private static final String ALPHABET =
      "abcXYZ019 _-./\\\"'\n\t\u00e9\u00df\u4e2d\u6587\ud83d\ude00\u2028<>&{}[]:,";

  private final Random random;

  RandomPayloads(Random random) {
    this.random = random;
  }

  StripeEvent stripeEvent() {
    var owner = nullable(() -> new StripeEvent.Owner(
        nullable(() -> new StripeEvent.Address(text(), text(), text(), text(), text(), text())),
        text(), text(), text()));
    var sepa = nullable(() -> new StripeEvent.SepaDebit(text(), text(), text(), text(), text(), text()));
    var source = nullable(() -> new StripeEvent.Source(required(), required(), text(), text(), text(),
        text(), owner, sepa, text(), text()));
    var object = new StripeEvent.StripeObject(required(), required(), text(), text(), text(),
        nullable(random::nextLong), text(), text(), text(), text(), text(), map(), source);
    return new StripeEvent(required(), required(), required(), instant(), random.nextBoolean(),
        text(), nullable(random::nextInt), new StripeEvent.Data(object),
        nullable(() -> new StripeEvent.Request(required(), text())));
  }

  ShopifyOrder shopifyOrder() {
    return new ShopifyOrder(random.nextLong(), required(), random.nextInt(), required(), text(),
        offsetDateTime(), nullable(this::offsetDateTime), required(), decimal(), decimal(),
        nullable(this::decimal), text(), text(), random.nextBoolean(), text(), text(), text(),
        text(), text(), list(this::lineItem), nullable(() -> list(this::taxLine)),
        nullable(() -> list(() -> new ShopifyOrder.DiscountCode(required(), decimal()))),
        nullable(() -> list(() -> new ShopifyOrder.NoteAttribute(required(), required()))),
        nullable(this::address), nullable(this::address),
        nullable(() -> new ShopifyOrder.PaymentDetails(text(), text(), text(), text(), text())),
        nullable(() -> new Customer(random.nextLong(), text(), text(), text(),
            random.nextBoolean(), random.nextInt(), nullable(this::decimal), text(), random.nextBoolean(),
            nullable(this::offsetDateTime), nullable(this::address))));
  }

  GitHubPush gitHubPush() {
    Person author = new Person(text(), text(), text());
    List<Commit> commits = list(() -> CommitBuilder.commit(required(), required(), author,
        new Person(text(), text(), text()), list(this::required)));
    GitHubPush push = new GitHubPush();
    push.setRef(required());
    push.setBefore(required());
    push.setAfter(required());
    push.setCreated(random.nextBoolean());
    push.setDeleted(random.nextBoolean());
    push.setForced(random.nextBoolean());
    push.setBaseRef(text());
    push.setCompare(required());
    push.setCommits(commits);
    push.setHeadCommit(commits.isEmpty() ? null : commits.get(0));
    push.setRepository(new Repository(random.nextLong(), text(), required(), required(),
        random.nextBoolean(), account(), text(), text(), random.nextBoolean(),
        nullable(this::instant), nullable(random::nextInt), text(), nullable(this::topics)));
    push.setPusher(new Person(text(), text(), text()));
    push.setSender(account());
    return push;
  }

  private Account account() {
    Account.AccountType[] types = Account.AccountType.values();
    return new Account(required(), random.nextLong(), text(), text(), text(), text(), text(),
        nullable(() -> types[random.nextInt(types.length)]), random.nextBoolean());
  }

  private ShopifyOrder.LineItem lineItem() {
    return new ShopifyOrder.LineItem(random.nextLong(), nullable(random::nextLong),
        nullable(random::nextLong), required(), text(), text(), random.nextInt(1000), decimal(),
        random.nextInt(), random.nextBoolean(), random.nextBoolean(),
        nullable(() -> list(() -> new ShopifyOrder.Property(required(), required()))));
  }

  private ShopifyOrder.TaxLine taxLine() {
    return new ShopifyOrder.TaxLine(required(), decimal(), random.nextInt(10_000) / 1000.0);
  }

  private MailingAddress address() {
    return new MailingAddress(text(), text(), text(), text(), text(), text(), text(), text(),
        text(), text(), text(), text(), text(), nullable(this::decimal), nullable(this::decimal));
  }

  private Set<String> topics() {
    Set<String> topics = new LinkedHashSet<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      topics.add(required());
    }
    return topics;
  }

  private Map<String, String> map() {
    if (random.nextInt(4) == 0) {
      return null;
    }
    Map<String, String> map = new LinkedHashMap<>();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      map.put(required(), required());
    }
    return map;
  }

  private <T> List<T> list(Supplier<T> element) {
    int n = random.nextInt(4);
    List<T> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      list.add(element.get());
    }
    return List.copyOf(list);
  }

  private <T> T nullable(Supplier<T> value) {
    return random.nextInt(4) == 0 ? null : value.get();
  }

  private String text() {
    return nullable(this::required);
  }

  private String required() {
    int length = random.nextInt(12);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int at = random.nextInt(ALPHABET.length());
      if (Character.isHighSurrogate(ALPHABET.charAt(at))) {
        text.append(ALPHABET, at, at + 2);
      } else if (!Character.isLowSurrogate(ALPHABET.charAt(at))) {
        text.append(ALPHABET.charAt(at));
      }
    }
    return text.toString();
  }

  private BigDecimal decimal() {
    return new BigDecimal(random.nextLong()).movePointLeft(random.nextInt(6));
  }

  private Instant instant() {
    return Instant.ofEpochSecond(random.nextInt(2_000_000_000));
  }

  private OffsetDateTime offsetDateTime() {
    return OffsetDateTime.ofInstant(instant(), ZoneOffset.ofHours(random.nextInt(25) - 12));
  }
}
