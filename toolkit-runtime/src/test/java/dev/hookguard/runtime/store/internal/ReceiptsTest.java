package dev.hookguard.runtime.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookguard.api.Sensitive;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.generated.FieldSpec;
import dev.hookguard.runtime.generated.Protection;
import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.generated.StoredRecord;
import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.internal.jdbc.RowInsert;
import dev.hookguard.runtime.internal.keys.KeyRing;
import dev.hookguard.runtime.internal.keys.RetentionKeyStore;
import dev.hookguard.runtime.internal.records.RecordRows;
import dev.hookguard.runtime.internal.schema.Migrations;
import dev.hookguard.runtime.store.StoreException;
import dev.hookguard.testsupport.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receipt transaction on a real SQLite file (and, in {@code PostgresReceiptsTest}, on
 * PostgreSQL): all of a receipt commits or none of it, one bad receipt fails alone within a group
 * commit, and keys rotated by another instance between sealing and committing are caught by the
 * writer.
 */
class ReceiptsTest {

  static final StoreSchema SCHEMA = order(OptionalInt.empty());

  /** {@link #SCHEMA} with an email kept one day: a receipt's tag and token expire with it. */
  static final StoreSchema EXPIRING = order(OptionalInt.of(1));

  /** An order of an id and an email kept {@code emailDays}. */
  static StoreSchema order(OptionalInt emailDays) {
    return new StoreSchema(
        "Order",
        OptionalInt.empty(),
        List.of(
            new FieldSpec("id", null, Protection.PLAIN, OptionalInt.empty()),
            new FieldSpec("email", Sensitive.Category.CONTACT, Protection.RANDOMIZED, emailDays)));
  }

  @TempDir
  Path work;

  final Clock clock = Clock.systemUTC();
  Database database;
  KeyRing keys;
  RetentionKeyStore dayKeys;
  MasterKey masterKey;

  /** The database under test. */
  Database openDatabase() {
    return Database.sqlite(work.resolve("hookguard.db"));
  }

  /** The same database as another instance opens it. */
  Database otherInstance() {
    return Database.sqlite(work.resolve("hookguard.db"));
  }

  @BeforeEach
  void open() throws Exception {
    masterKey = MasterKey.localFile(work.resolve("master.key"));
    database = openDatabase();
    Migrations.migrate(database, clock);
    keys = KeyRing.open(database, masterKey, clock);
    dayKeys = RetentionKeyStore.open(
        Database.sqlite(work.resolve("hookguard.db.keys")), true, null, masterKey, clock);
    database.inTransaction("creating the participant's table", c -> {
      try (java.sql.Statement statement = c.createStatement()) {
        // A row per stored receipt, in commit order; a receipt "msg_bad" breaks its constraint.
        statement.execute("CREATE TABLE test_participant (seq "
            + database.dialect().autoIncrementKey() + ", message_id TEXT NOT NULL"
            + " CHECK (message_id <> 'msg_bad'))");
      }
      return null;
    });
  }

  /** A participant that inserts a row per stored receipt into {@code test_participant}. */
  static Receipts.Participant recording() {
    return stored -> {
      RowInsert rows = RowInsert.into("test_participant", "message_id", "(?)", Types.VARCHAR);
      stored.forEach(s -> rows.row(s.messageId()));
      return List.of(rows);
    };
  }

  /** A participant that writes nothing. */
  static Receipts.Participant none() {
    return stored -> List.of();
  }

  /** The message ids whose participant rows committed, in commit order. */
  List<String> participantSaw() {
    return database.inTransaction("reading the participant's rows", c -> {
      List<String> ids = new ArrayList<>();
      try (PreparedStatement select =
              c.prepareStatement("SELECT message_id FROM test_participant ORDER BY seq");
          ResultSet r = select.executeQuery()) {
        while (r.next()) {
          ids.add(r.getString(1));
        }
      }
      return ids;
    });
  }

  @AfterEach
  void close() throws Exception {
    dayKeys.close();
    database.close();
  }

  Receipts receipts(Receipts.Participant participant) {
    return new Receipts(database, keys, dayKeys, clock, participant);
  }

  static Map<String, String> fields(String id) {
    return Map.of("id", "\"" + id + "\"", "email", "\"buyer@example.com\"");
  }

  static byte[] body(String id) {
    return ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  int rows(String table, String id) throws SQLException {
    return database.inTransaction("counting", c -> {
      try (PreparedStatement select =
          c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE record_id = ?")) {
        select.setString(1, id);
        try (ResultSet r = select.executeQuery()) {
          r.next();
          return r.getInt(1);
        }
      }
    });
  }

  @Test
  void aFailingParticipantLeavesNoRowOfTheReceipt() throws Exception {
    AtomicBoolean fail = new AtomicBoolean(true);
    try (Receipts receipts = receipts(stored -> fail.get()
        // The participant's table is gone: the database's state, not the receipt's data.
        ? List.of(RowInsert.into("test_no_such_table", "message_id", "(?)", Types.VARCHAR)
            .row(stored.get(0).messageId()))
        : recording().rows(stored))) {
      assertThatThrownBy(() -> receipts.store(SCHEMA, "msg_1", body("o1"), fields("o1"), false))
          .isInstanceOf(StoreException.class);
      assertThat(rows("hg_records", "msg_1")).isZero();
      assertThat(rows("hg_fields", "msg_1")).isZero();

      fail.set(false);
      assertThat(receipts.store(SCHEMA, "msg_1", body("o1"), fields("o1"), false))
          .isEqualTo(Receipts.Outcome.STORED);
      assertThat(rows("hg_records", "msg_1")).isEqualTo(1);
      // No field needs a row of its own: both are packed into the record's row.
      assertThat(rows("hg_fields", "msg_1")).isZero();
    }
    assertThat(participantSaw()).containsExactly("msg_1");
  }

  @Test
  void oneBadReceiptInAGroupCommitFailsAloneAndTheOthersCommit() throws Exception {
    // The participant's row of "msg_bad" breaks a constraint: what one receipt's data can cause.
    try (Receipts receipts = receipts(recording())) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Receipts.Outcome>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
          String id = i == 17 ? "msg_bad" : "msg_" + i;
          results.add(pool.submit(() -> receipts.store(SCHEMA, id, body(id), fields(id), false)));
        }
        for (int i = 0; i < 40; i++) {
          if (i == 17) {
            Future<Receipts.Outcome> bad = results.get(i);
            assertThatThrownBy(bad::get).hasCauseInstanceOf(StoreException.class);
          } else {
            assertThat(results.get(i).get()).isEqualTo(Receipts.Outcome.STORED);
            assertThat(rows("hg_records", "msg_" + i)).isEqualTo(1);
          }
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(rows("hg_records", "msg_bad")).isZero();
      assertThat(participantSaw()).hasSize(39).doesNotHaveDuplicates().doesNotContain("msg_bad");
    }
  }

  @Test
  void aDuplicateAndAConflictAreToldApartByTheKeyedBodyTag() throws Exception {
    try (Receipts receipts = receipts(none())) {
      assertThat(receipts.store(SCHEMA, "msg_1", body("o1"), fields("o1"), false))
          .isEqualTo(Receipts.Outcome.STORED);
      assertThat(receipts.store(SCHEMA, "msg_1", body("o1"), fields("o1"), false))
          .isEqualTo(Receipts.Outcome.DUPLICATE);
      assertThat(receipts.store(SCHEMA, "msg_1", body("o2"), fields("o2"), false))
          .isEqualTo(Receipts.Outcome.CONFLICT);
      assertThat(receipts.find(SCHEMA, "msg_1", body("o1"), false)).contains(Receipts.Outcome.DUPLICATE);
      assertThat(receipts.find(SCHEMA, "msg_1", body("o2"), false)).contains(Receipts.Outcome.CONFLICT);
      assertThat(receipts.find(SCHEMA, "msg_2", body("o1"), false)).isEmpty();
      // The tag is a MAC, not a bare digest of the body.
      byte[] stored = database.inTransaction("reading the tag",
          c -> RecordRows.receiptTag(c, "Order", "msg_1", clock.millis())).orElseThrow();
      byte[] sha256 = java.security.MessageDigest.getInstance("SHA-256").digest(body("o1"));
      assertThat(new String(stored, StandardCharsets.ISO_8859_1))
          .doesNotContain(new String(sha256, StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void keysRotatedByAnotherInstanceAfterSealingAreCaughtBeforeTheCommit() throws Exception {
    // Another instance rotates; this one's cached keys are then a generation behind.
    try (Database other = otherInstance()) {
      KeyRing otherKeys = KeyRing.open(other, masterKey, clock);
      other.inTransaction("rotating", c -> otherKeys.rotate(c, otherKeys.forChange(c)));
    }
    assertThat(keys.cached().generation()).isEqualTo(1);
    try (Receipts receipts = receipts(none())) {
      assertThat(receipts.store(SCHEMA, "msg_1", body("o1"), fields("o1"), false))
          .isEqualTo(Receipts.Outcome.STORED);
    }
    StoredRecord record = new JdbcPayloadTable(
        SCHEMA, database, keys, dayKeys, clock, (AuditEvent event) -> {}).get("msg_1").orElseThrow();
    assertThat(record.fieldJson()).containsEntry("email", "\"buyer@example.com\"");
    int generation = database.inTransaction("reading the generation", c -> {
      try (PreparedStatement select = c.prepareStatement(
          "SELECT key_generation FROM hg_records WHERE record_id = 'msg_1'");
          ResultSet r = select.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    });
    assertThat(generation).isEqualTo(2);
  }

  @Test
  void whereTheIdIsNotSignedAStoredBodyUnderANewIdIsADuplicate() throws Exception {
    try (Receipts receipts = receipts(recording())) {
      assertThat(receipts.store(SCHEMA, "delivery-1", body("o1"), fields("o1"), true))
          .isEqualTo(Receipts.Outcome.STORED);
      // A captured body resent under another (unsigned) delivery id.
      assertThat(receipts.find(SCHEMA, "delivery-2", body("o1"), true))
          .contains(Receipts.Outcome.DUPLICATE);
      assertThat(receipts.store(SCHEMA, "delivery-2", body("o1"), fields("o1"), true))
          .isEqualTo(Receipts.Outcome.DUPLICATE);
      assertThat(receipts.store(SCHEMA, "delivery-3", body("o3"), fields("o3"), true))
          .isEqualTo(Receipts.Outcome.STORED);
      // Where the id is signed, the same body under another id is another event.
      assertThat(receipts.store(SCHEMA, "msg_4", body("o1"), fields("o1"), false))
          .isEqualTo(Receipts.Outcome.STORED);
    }
    assertThat(rows("hg_records", "delivery-2")).isZero();
    assertThat(participantSaw()).containsExactly("delivery-1", "delivery-3", "msg_4");
  }

  @Test
  void aRedeliveryAfterTheTagsKeyWasDestroyedIsStillADuplicate() throws Exception {
    try (Receipts receipts = receipts(none())) {
      receipts.store(SCHEMA, "msg_1", body("o1"), fields("o1"), false);
      database.inTransaction("rotating", c -> keys.rotate(c, keys.forChange(c)));
      database.inTransaction("destroying", c -> keys.destroyRetired(c, keys.forChange(c)));
      assertThat(keys.cached().keyCount()).isEqualTo(4);

      assertThat(receipts.store(SCHEMA, "msg_1", body("o1"), fields("o1"), false))
          .as("the body can no longer be compared, but the event is stored")
          .isEqualTo(Receipts.Outcome.DUPLICATE);
    }
  }

  @Test
  void tagsAndTokensAreIgnoredFromTheRecordsEarliestExpiryAndErasedBySweeping() throws Exception {
    TestClock later = new TestClock(clock.instant());
    try (Receipts receipts = new Receipts(database, keys, dayKeys, later, none())) {
      receipts.store(EXPIRING, "delivery-1", body("o1"), fields("o1"), true);
      assertThat(receipts.find(EXPIRING, "delivery-2", body("o1"), true))
          .contains(Receipts.Outcome.DUPLICATE);

      later.advance(java.time.Duration.ofDays(2));
      // Past the email's expiry the body is no longer recognised, under another id or as a
      // conflicting body under the same id: nothing may confirm what the email was.
      assertThat(receipts.find(EXPIRING, "delivery-2", body("o1"), true)).isEmpty();
      assertThat(receipts.find(EXPIRING, "delivery-1", body("other"), true))
          .contains(Receipts.Outcome.DUPLICATE);
      int erased = database.inTransaction("forgetting",
          c -> RecordRows.forgetReceipts(c, later.millis(), 100));
      assertThat(erased).isEqualTo(1);
      byte[] tag = database.inTransaction("reading the tag",
          c -> RecordRows.receiptTag(c, "Order", "delivery-1", 0L)).orElseThrow();
      assertThat(tag).isEmpty();
    }
  }

  @Test
  void aBodyWhoseTokenOutlivedItsReceiptIsANewEventEvenBeforeTheSweep() throws Exception {
    TestClock later = new TestClock(clock.instant());
    try (Receipts receipts = new Receipts(database, keys, dayKeys, later, recording())) {
      assertThat(receipts.store(EXPIRING, "delivery-1", body("o1"), fields("o1"), true))
          .isEqualTo(Receipts.Outcome.STORED);
      assertThat(receipts.store(EXPIRING, "delivery-2", body("o1"), fields("o1"), true))
          .isEqualTo(Receipts.Outcome.DUPLICATE);

      later.advance(java.time.Duration.ofDays(2));
      // No sweep ran: the first record's token is still in its row, but no longer counts.
      assertThat(receipts.store(EXPIRING, "delivery-3", body("o1"), fields("o1"), true))
          .isEqualTo(Receipts.Outcome.STORED);
      assertThat(receipts.store(EXPIRING, "delivery-4", body("o1"), fields("o1"), true))
          .as("the new record's token counts from now on")
          .isEqualTo(Receipts.Outcome.DUPLICATE);
    }
    assertThat(rows("hg_records", "delivery-1")).isEqualTo(1);
    assertThat(participantSaw()).containsExactly("delivery-1", "delivery-3");
  }

  @Test
  void aBodyStoredUnderARetiredTokenKeyIsStillADuplicateUnderANewId() throws Exception {
    try (Receipts receipts = receipts(none())) {
      assertThat(receipts.store(SCHEMA, "delivery-1", body("o1"), fields("o1"), true))
          .isEqualTo(Receipts.Outcome.STORED);
      // Rotated, not yet re-encrypted: the stored token is the old PRF key's.
      database.inTransaction("rotating", c -> keys.rotate(c, keys.forChange(c)));
      assertThat(receipts.store(SCHEMA, "delivery-2", body("o1"), fields("o1"), true))
          .isEqualTo(Receipts.Outcome.DUPLICATE);
      assertThat(receipts.store(SCHEMA, "delivery-3", body("o3"), fields("o3"), true))
          .isEqualTo(Receipts.Outcome.STORED);
    }
    assertThat(rows("hg_records", "delivery-2")).isZero();
  }

  @Test
  void aReceiptWritesItsLookupTokensAndDataSubjectsWithItsRecord() throws Exception {
    StoreSchema indexed = new StoreSchema("Order", OptionalInt.empty(), List.of(
        new FieldSpec("id", null, Protection.DETERMINISTIC, OptionalInt.empty()),
        new FieldSpec("email", Sensitive.Category.CONTACT, Protection.RANDOMIZED,
            OptionalInt.empty())), List.of("email"));
    try (Receipts receipts = receipts(recording())) {
      assertThat(receipts.store(indexed, "msg_1", body("o1"), fields("o1"), false))
          .isEqualTo(Receipts.Outcome.STORED);
    }
    // The deterministic field's row (its lookup token), and the subject's index row.
    assertThat(rows("hg_fields", "msg_1")).isEqualTo(1);
    assertThat(rows("hg_subjects", "msg_1")).isEqualTo(1);
    assertThat(participantSaw()).containsExactly("msg_1");
    JdbcPayloadTable table =
        new JdbcPayloadTable(indexed, database, keys, dayKeys, clock, (AuditEvent event) -> {});
    assertThat(table.idsByValue("id", "\"o1\"")).containsExactly("msg_1");
  }

  @Test
  void aClosedStoreRefusesReceipts() {
    Receipts receipts = receipts(none());
    receipts.close();
    assertThatThrownBy(() -> receipts.store(SCHEMA, "msg_1", body("o1"), fields("o1"), false))
        .isInstanceOf(StoreException.class).hasMessageContaining("closed");
  }
}
