package dev.hookguard.benchmarks;

import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.receiver.ReceiptStore;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import dev.hookguard.runtime.store.Accessor;
import dev.hookguard.samples.shopify.ShopifyOrder;
import dev.hookguard.samples.shopify.ShopifyOrderStore;
import dev.hookguard.samples.shopify.ShopifyOrderVerifier;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The encrypted store against storing the same JSON in plaintext, through the same connection
 * with the same durability (issue 13's storage target: {@code put} within 1.5x of plaintext).
 *
 * <p>Both sides write through the store's own {@code Database} ({@link BenchBackend#database()}):
 * on SQLite its one connection behind its lock, WAL with {@code synchronous=FULL}; on PostgreSQL
 * its pool, server defaults ({@code synchronous_commit=on}). The plaintext table is what a user
 * who did not encrypt would write: the id as primary key, the email in an indexed column, the
 * order's JSON ({@code ShopifyOrderVerifier.toJson}, written per call as the store writes its
 * fields per call) in a text column. Its reads select by primary key or by the email index, one
 * statement outside a transaction (as {@code find} reads), and parse the JSON back into the record
 * ({@code readTrusted}), as {@code find} returns a record.
 *
 * <ul>
 *   <li>{@code put}: sealed fields, record MAC, look-up token, one transaction; against {@code
 *       plainPut}, one {@code INSERT} in one transaction. {@code receipt}: the same order stored
 *       as a receiver stores it (receipt tag and audit entry in the same transaction).
 *   <li>{@code putAll} and {@code plainPutAll}: {@value #BATCH} records in one transaction, score
 *       per record; {@code put / putAll} is the batch gain.
 *   <li>{@code find} (masked), {@code reveal} (access check, opened fields, audit entry
 *       committed), {@code findByEmail} (keyed token index): against {@code plainFind} and
 *       {@code plainFindByEmail}.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dorg.slf4j.simpleLogger.log.com.zaxxer.hikari=warn"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StoreVsPlaintextBenchmark {

  /** Records per {@code putAll}; the score is per record. */
  static final int BATCH = 200;

  private static final String CREATE_PLAIN =
      "CREATE TABLE bench_plain_orders (id VARCHAR(200) PRIMARY KEY, email TEXT NOT NULL,"
          + " body TEXT NOT NULL)";
  private static final String INDEX_PLAIN =
      "CREATE INDEX bench_plain_orders_email ON bench_plain_orders (email)";
  private static final String INSERT_PLAIN =
      "INSERT INTO bench_plain_orders (id, email, body) VALUES (?, ?, ?)";

  @Param({"sqlite", "postgres"})
  public String backend;

  private BenchBackend store;
  private Database database;
  private ShopifyOrderStore orders;
  private ReceiptStore<ShopifyOrder> receipts;
  private byte[] orderBody;
  private ShopifyOrder order;
  private ShopifyOrderVerifier reader;
  private Accessor auditor;
  private long nextId;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    store = BenchBackend.open(backend, null);
    database = store.database();
    orders = ShopifyOrderStore.create(store.hookGuard);
    receipts = store.hookGuard.receipts(orders);
    orderBody = Samples.payload(Samples.SHOPIFY_ORDER);
    reader = ShopifyOrderVerifier.create(Signatures.shopify(Samples.SHOPIFY_SECRET));
    order = reader.readTrusted(Samples.payload(Samples.SHOPIFY_ORDER));
    auditor = Accessor.of("benchmark", Category.values());
    database.inTransaction("creating the plaintext table", connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute(CREATE_PLAIN);
        statement.execute(INDEX_PLAIN);
      }
      return null;
    });
    orders.put("order-to-find", order);
    plainInsert(List.of("order-to-find"));
    // The look-ups must find what they look for, on both sides.
    check(orders.find("order-to-find").isPresent(), "find");
    check(orders.reveal("order-to-find", auditor, "benchmark").orElseThrow().email()
        .equals(order.email()), "reveal");
    check(orders.findByEmail(order.email()).size() == 1, "findByEmail");
    check(plainFind().orElseThrow().email().equals(order.email()), "plainFind");
    check(plainFindByEmail().size() == 1, "plainFindByEmail");
    // Stored after the look-ups above, which expect one order with that e-mail.
    check(receipts.store("msg-stored", true, orderBody, order) == ReceiptStore.Result.STORED,
        "receipt");
    check(receipts.find("msg-stored", true, orderBody).isPresent(), "receiptFind");
  }

  private static void check(boolean holds, String what) {
    if (!holds) {
      throw new IllegalStateException(what + " does not find the stored order");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    if (store != null) {
      store.close();
    }
  }

  @Benchmark
  public void put() {
    orders.put("order-" + nextId++, order);
  }

  /**
   * The order as a receiver stores it: a new message id, the sealed record, its receipt tag and
   * audit entry in one durable transaction (alone, one sender: one commit per receipt).
   */
  @Benchmark
  public ReceiptStore.Result receipt() {
    ReceiptStore.Result result = receipts.store("msg-" + nextId++, true, orderBody, order);
    if (result != ReceiptStore.Result.STORED) {
      throw new IllegalStateException("a new receipt was " + result);
    }
    return result;
  }

  /**
   * What a receiver with a handler asks before handling a delivery: is this message id stored
   * already? (Here it is: the receipt stored in setup.)
   */
  @Benchmark
  public Optional<ReceiptStore.Result> receiptFind() {
    return receipts.find("msg-stored", true, orderBody);
  }

  @Benchmark
  public void plainPut() {
    plainInsert(List.of("order-" + nextId++));
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void putAll() {
    Map<String, ShopifyOrder> batch = new LinkedHashMap<>();
    for (int i = 0; i < BATCH; i++) {
      batch.put("order-" + nextId++, order);
    }
    orders.putAll(batch);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void plainPutAll() {
    List<String> ids = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      ids.add("order-" + nextId++);
    }
    plainInsert(ids);
  }

  @Benchmark
  public Optional<ShopifyOrder> find() {
    return orders.find("order-to-find");
  }

  @Benchmark
  public Optional<ShopifyOrder> reveal() {
    return orders.reveal("order-to-find", auditor, "benchmark");
  }

  @Benchmark
  public List<ShopifyOrder> findByEmail() {
    return orders.findByEmail(order.email());
  }

  @Benchmark
  public Optional<ShopifyOrder> plainFind() {
    return database.withoutTransaction("plain find", connection -> {
      try (PreparedStatement select =
          connection.prepareStatement("SELECT body FROM bench_plain_orders WHERE id = ?")) {
        select.setString(1, "order-to-find");
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.of(parse(row.getString(1))) : Optional.empty();
        }
      }
    });
  }

  @Benchmark
  public List<ShopifyOrder> plainFindByEmail() {
    return database.withoutTransaction("plain find by email", connection -> {
      try (PreparedStatement select =
          connection.prepareStatement("SELECT body FROM bench_plain_orders WHERE email = ?")) {
        select.setString(1, order.email());
        List<ShopifyOrder> found = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            found.add(parse(rows.getString(1)));
          }
        }
        return found;
      }
    });
  }

  private void plainInsert(List<String> ids) {
    database.inTransaction("plain put", connection -> {
      try (PreparedStatement insert = connection.prepareStatement(INSERT_PLAIN)) {
        for (String id : ids) {
          insert.setString(1, id);
          insert.setString(2, order.email());
          insert.setString(3, ShopifyOrderVerifier.toJson(order));
          if (ids.size() == 1) {
            insert.executeUpdate();
          } else {
            insert.addBatch();
          }
        }
        if (ids.size() > 1) {
          insert.executeBatch();
        }
      }
      return null;
    });
  }

  private ShopifyOrder parse(String json) {
    try {
      return reader.readTrusted(json.getBytes(StandardCharsets.UTF_8));
    } catch (WebhookVerificationException e) {
      throw new IllegalStateException("the stored plaintext does not parse", e);
    }
  }
}
