package dev.hookguard.runtime.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.generated.FieldSpec;
import dev.hookguard.runtime.generated.Protection;
import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.internal.keys.KeyRing;
import dev.hookguard.runtime.internal.keys.RetentionKeyStore;
import dev.hookguard.runtime.internal.keys.SubjectKeyStore;
import dev.hookguard.runtime.internal.schema.Migrations;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key store in the record store's database (the default): a {@code put} about a person whose key
 * was found a moment ago seals under that key without looking it up again, and checks in its own
 * transaction that the key is still live (on PostgreSQL in its one round trip). An erasure by
 * another instance in between is caught there, and the record is sealed again under the person's
 * new key. Receipts do the same, their writer checking the keys of a whole batch. Run on each
 * backend by a subclass.
 */
abstract class RecentSubjectKeysContract {

  /** Tickets name their requester, who is their data subject. */
  static final StoreSchema TICKETS = new StoreSchema(
      "Ticket",
      OptionalInt.empty(),
      List.of(
          new FieldSpec("requester", Category.CONTACT, Protection.PLAIN, OptionalInt.empty()),
          new FieldSpec("text", Category.PERSONAL, Protection.RANDOMIZED, OptionalInt.empty())),
      List.of("requester"));

  @TempDir Path work;

  private final Clock clock = Clock.systemUTC();
  private final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
  private Database database;
  private MasterKey masterKey;
  private RetentionKeyStore dayKeys;
  private JdbcPayloadTable tickets;

  /** The record store's database, opened in {@code work}. */
  abstract Database openDatabase(Path work) throws Exception;

  /** Another instance's connection to the same database, as a second process would open it. */
  abstract Database anotherInstance();

  /** A database other than the record store's, for a key store kept apart. */
  abstract Database anotherDatabase();

  /**
   * Batches the receipts' writer wrote twice after another instance's erasure: on PostgreSQL, once
   * as all new (refused), then receipt by receipt; elsewhere none (the keys are read first).
   */
  abstract int batchesRewrittenAfterAnErasure();

  /** Closes what {@link #openDatabase} opened beside the database. */
  void closeBackend() throws Exception {}

  @BeforeEach
  void open() throws Exception {
    database = openDatabase(work);
    Migrations.migrate(database, clock);
    masterKey = MasterKey.localFile(work.resolve("master.key"));
    KeyRing keys = KeyRing.open(database, masterKey, clock);
    dayKeys = RetentionKeyStore.open(database, false, null, masterKey, clock);
    tickets = new JdbcPayloadTable(TICKETS, database, keys, dayKeys, clock, audited::add);
  }

  @AfterEach
  void close() throws Exception {
    dayKeys.close();
    database.close();
    closeBackend();
  }

  static Map<String, String> ticket(String requester, String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("requester", "\"" + requester + "\"");
    fields.put("text", "\"" + text + "\"");
    return fields;
  }

  @Test
  void aPutAboutAPersonFoundAMomentAgoLooksNoKeyUp() {
    SubjectKeyStore subjects = dayKeys.subjectKeys();
    assertThat(subjects.isIn(database)).isTrue();

    tickets.put("t1", ticket("ada@example.com", "first"), false);
    long afterFirst = subjects.lookups();
    tickets.put("t2", ticket("ada@example.com", "second"), false);
    tickets.put("t3", ticket("bob@example.com", "third"), false);

    assertThat(afterFirst).isEqualTo(1);
    // Ada's key came from the first put; Bob, new, was looked up (and his key created).
    assertThat(subjects.lookups()).isEqualTo(2);
    assertThat(tickets.get("t2").orElseThrow().fieldJson()).containsEntry("text", "\"second\"");
    assertThat(tickets.get("t3").orElseThrow().fieldJson()).containsEntry("text", "\"third\"");
  }

  @Test
  void aKeyAnotherInstanceDestroyedIsCaughtAndTheRecordSealedUnderTheNewKey() throws Exception {
    tickets.put("t1", ticket("ada@example.com", "before"), false);
    assertThat(anotherInstanceErases("ada@example.com")).isEqualTo(1);

    tickets.put("t2", ticket("ada@example.com", "after"), false);

    // Sealed under the key erased, t2 would open without its text, as t1 does.
    assertThat(textsOnAFreshInstance("t1", "t2"))
        .containsExactly(Optional.empty(), Optional.of("\"after\""));
    assertThat(dayKeys.subjectKeys().lookups()).isEqualTo(2);
    // And the new key is found again without a look-up.
    tickets.put("t3", ticket("ada@example.com", "later"), false);
    assertThat(dayKeys.subjectKeys().lookups()).isEqualTo(2);
    assertThat(tickets.get("t3").orElseThrow().fieldJson()).containsEntry("text", "\"later\"");
  }

  @Test
  void aReceiptUnderAKeyAnotherInstanceDestroyedIsSealedAgainUnderTheNewKey() throws Exception {
    KeyRing keys = KeyRing.open(database, masterKey, clock);
    try (Receipts receipts =
        new Receipts(database, keys, dayKeys, clock, stored -> List.of(), 1)) {
      assertThat(receipts.store(TICKETS, "msg_1", bytes("one"), ticket("ada@example.com", "one"),
          false)).isEqualTo(Receipts.Outcome.STORED);
      assertThat(receipts.store(TICKETS, "msg_2", bytes("two"), ticket("ada@example.com", "two"),
          false)).isEqualTo(Receipts.Outcome.STORED);
      assertThat(dayKeys.subjectKeys().lookups()).isEqualTo(1);
      assertThat(receipts.rewrittenBatches()).isZero();

      assertThat(anotherInstanceErases("ada@example.com")).isEqualTo(1);
      // Sealed under the destroyed key (this instance still found it a moment ago): caught in the
      // writer's transaction (PostgreSQL: its one round trip is refused, and the receipt written
      // again), and sealed under a new key.
      assertThat(receipts.store(TICKETS, "msg_3", bytes("three"),
          ticket("ada@example.com", "three"), false)).isEqualTo(Receipts.Outcome.STORED);
      assertThat(receipts.rewrittenBatches()).isEqualTo(batchesRewrittenAfterAnErasure());
    }
    assertThat(textsOnAFreshInstance("msg_2", "msg_3"))
        .containsExactly(Optional.empty(), Optional.of("\"three\""));
  }

  @Test
  void inOneBatchOnlyTheReceiptUnderADestroyedKeyIsSealedAgain() throws Exception {
    KeyRing keys = KeyRing.open(database, masterKey, clock);
    CountDownLatch hold = new CountDownLatch(1);
    try (Receipts receipts = new Receipts(database, keys, dayKeys, clock, stored -> {
      if (stored.get(0).messageId().equals("msg_first")) {
        await(hold);
      }
      return List.of();
    }, 1)) {
      for (String person : List.of("ada", "bob")) {
        assertThat(receipts.store(TICKETS, "msg_" + person + "_0", bytes(person),
            ticket(person + "@example.com", person + "-0"), false))
            .isEqualTo(Receipts.Outcome.STORED);
      }
      assertThat(anotherInstanceErases("ada@example.com")).isEqualTo(1);
      // The writer is held by a first receipt while Ada's and Bob's queue behind it: one batch.
      CompletableFuture<Receipts.Outcome> first = CompletableFuture.supplyAsync(() ->
          receipts.store(TICKETS, "msg_first", bytes("first"), ticket("carol@example.com", "c"),
              false));
      Thread.sleep(200);
      List<CompletableFuture<Receipts.Outcome>> batch = new ArrayList<>();
      for (String person : List.of("ada", "bob")) {
        batch.add(CompletableFuture.supplyAsync(() -> receipts.store(TICKETS, "msg_" + person + "_1",
            bytes(person + "1"), ticket(person + "@example.com", person + "-1"), false)));
      }
      Thread.sleep(300);
      hold.countDown();
      assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(Receipts.Outcome.STORED);
      for (CompletableFuture<Receipts.Outcome> outcome : batch) {
        assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo(Receipts.Outcome.STORED);
      }
      assertThat(receipts.rewrittenBatches()).isEqualTo(batchesRewrittenAfterAnErasure());
    }
    assertThat(textsOnAFreshInstance("msg_ada_0", "msg_ada_1", "msg_bob_0", "msg_bob_1"))
        .containsExactly(Optional.empty(), Optional.of("\"ada-1\""), Optional.of("\"bob-0\""),
            Optional.of("\"bob-1\""));
  }

  /** Another instance on the same database erases {@code person}: the keys it destroyed. */
  private int anotherInstanceErases(String person) {
    try (RetentionKeyStore other = RetentionKeyStore.open(
        anotherInstance(), true, null, masterKey, clock)) {
      return other.subjectKeys().destroy(other.subjectKeys().token(person));
    }
  }

  /**
   * The {@code text} of each record {@code ids} names, as an instance with nothing cached reads it
   * (its own key store on its own connection): empty where the record's subject key is destroyed.
   */
  private List<Optional<String>> textsOnAFreshInstance(String... ids) {
    try (RetentionKeyStore fresh = RetentionKeyStore.open(
        anotherInstance(), true, null, masterKey, clock)) {
      JdbcPayloadTable read = new JdbcPayloadTable(TICKETS, database,
          KeyRing.open(database, masterKey, clock), fresh, clock, audited::add);
      List<Optional<String>> texts = new ArrayList<>();
      for (String id : ids) {
        texts.add(Optional.ofNullable(read.get(id).orElseThrow().fieldJson().get("text")));
      }
      return texts;
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void aKeyStoreInAnotherDatabaseIsLookedUpForEveryPut() throws Exception {
    try (RetentionKeyStore apart = RetentionKeyStore.open(
        anotherDatabase(), true, null, masterKey, clock)) {
      KeyRing keys = KeyRing.open(database, masterKey, clock);
      JdbcPayloadTable table =
          new JdbcPayloadTable(TICKETS, database, keys, apart, clock, audited::add);
      assertThat(apart.subjectKeys().isIn(database)).isFalse();

      table.put("t1", ticket("ada@example.com", "first"), false);
      table.put("t2", ticket("ada@example.com", "second"), false);

      assertThat(apart.subjectKeys().lookups()).isEqualTo(2);
      assertThat(table.get("t2").orElseThrow().fieldJson()).containsEntry("text", "\"second\"");
    }
  }
}
