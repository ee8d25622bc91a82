package dev.hookguard.runtime.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditVerification.Problem;
import dev.hookguard.runtime.audit.internal.AuditChain;
import dev.hookguard.runtime.audit.internal.JdbcAuditTrail;
import dev.hookguard.runtime.generated.FieldSpec;
import dev.hookguard.runtime.generated.GeneratedStores;
import dev.hookguard.runtime.generated.PayloadTable;
import dev.hookguard.runtime.generated.Protection;
import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.receiver.ReceiptEvent;
import dev.hookguard.runtime.receiver.ReceiptEvent.Outcome;
import dev.hookguard.runtime.signature.WebhookVerificationException.Reason;
import dev.hookguard.runtime.store.AccessDeniedException;
import dev.hookguard.runtime.store.Accessor;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the audit trail must show on every backend, run by one subclass per backend: an intact chain
 * verifies; each kind of tampering is found at its sequence number; checkpoints prove the past;
 * concurrent appends keep one chain; entries hold no value.
 */
abstract class AuditTrailContract {

  static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123456Z");
  static final String TYPE = "com.example.Order";
  static final String MARKER = "CANARY-AUDIT-5521";
  static final StoreSchema SCHEMA =
      new StoreSchema(
          TYPE,
          OptionalInt.of(30),
          List.of(
              new FieldSpec("status", null, Protection.PLAIN, OptionalInt.empty()),
              new FieldSpec("email", Category.CONTACT, Protection.DETERMINISTIC, OptionalInt.empty()),
              new FieldSpec("card", Category.FINANCIAL, Protection.RANDOMIZED, OptionalInt.empty())));

  @TempDir Path work;

  TestDatabase database;
  HookGuard hookGuard;
  AuditTrail trail;

  abstract TestDatabase newDatabase(Path directory);

  @BeforeEach
  void open() {
    database = newDatabase(work);
    hookGuard = database.open(Clock.fixed(NOW, ZoneOffset.UTC));
    trail = hookGuard.audit();
  }

  @AfterEach
  void close() throws Exception {
    database.close();
  }

  static AuditEvent event(int i) {
    return new AuditEvent(
        NOW.plusSeconds(i),
        AuditEvent.Kind.REVEAL_GRANTED,
        TYPE,
        "ord_" + i,
        "support-desk",
        "ticket " + i,
        List.of("email", "card"),
        "granted");
  }

  void append(int n) {
    for (int i = 1; i <= n; i++) {
      trail.record(event(i));
    }
  }

  static void assertBroken(AuditVerification result, long sequence, Problem problem) {
    assertThat(result.ok()).as(result.toString()).isFalse();
    assertThat(result.firstBreak()).get().satisfies(b -> {
      assertThat(b.problem()).as(b.detail()).isEqualTo(problem);
      assertThat(b.sequence()).as(b.detail()).isEqualTo(sequence);
    });
  }

  // ------------------------------------------------------------------------------ intact chains

  @Test
  void anEmptyTrailIsIntactAtGenesis() {
    AuditVerification result = trail.verify();

    assertThat(result.ok()).isTrue();
    assertThat(result.entriesChecked()).isZero();
    assertThat(trail.checkpoint()).isEqualTo(new AuditCheckpoint(0, AuditChain.GENESIS));
    assertThat(trail.verify(trail.checkpoint()).ok()).isTrue();
  }

  @Test
  void appendedEntriesFormAnIntactChainReadBackInOrder() {
    append(5);

    AuditVerification result = trail.verify();

    assertThat(result.ok()).as(result.toString()).isTrue();
    assertThat(result.entriesChecked()).isEqualTo(5);
    assertThat(result.headSequence()).isEqualTo(5);
    List<AuditEntry> tail = trail.tail(2);
    assertThat(tail).extracting(AuditEntry::sequence).containsExactly(4L, 5L);
    assertThat(tail.get(1).event()).isEqualTo(event(5));
    assertThat(tail.get(1).hash()).isEqualTo(trail.head().hash());
    assertThat(trail.tail(100)).hasSize(5);
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteAnEntry() {
    append(2);

    assertThatThrownBy(() -> database.execute("UPDATE hg_audit_entries SET purpose = 'x'"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> database.execute("DELETE FROM hg_audit_entries"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("append-only");
    assertThat(trail.verify().ok()).isTrue();
  }

  // ------------------------------------------------------------------------------ tampering

  @Test
  void anEditedFieldIsFoundAtItsSequence() throws Exception {
    append(5);
    database.allowTampering();

    database.execute("UPDATE hg_audit_entries SET accessor = 'nobody' WHERE sequence = 3");

    AuditVerification result = trail.verify();
    assertBroken(result, 3, Problem.EDITED);
    assertThat(result.entriesChecked()).isEqualTo(2);
  }

  @Test
  void anEditedFieldListIsFoundAtItsSequence() throws Exception {
    append(5);
    database.allowTampering();

    database.execute("UPDATE hg_audit_entries SET fields = '[\"email\"]' WHERE sequence = 4");

    assertBroken(trail.verify(), 4, Problem.EDITED);
  }

  @Test
  void anEntryEditedAndRehashedIsFoundAtItsSequence() throws Exception {
    append(5);
    database.allowTampering();
    Row row = row(2);
    String forged = AuditChain.entryHash(2, row.time, row.kind, TYPE, "ord_2", "someone-else",
        "ticket 2", List.of("email", "card"), "granted", row.prevHash);

    database.execute("UPDATE hg_audit_entries SET accessor = 'someone-else', hash = '" + forged
        + "' WHERE sequence = 2");

    assertBroken(trail.verify(), 2, Problem.EDITED);
  }

  @Test
  void aDeletedEntryIsFoundAtItsSequence() throws Exception {
    append(5);
    database.allowTampering();

    database.execute("DELETE FROM hg_audit_entries WHERE sequence = 3");

    AuditVerification result = trail.verify();
    assertBroken(result, 3, Problem.DELETED);
    assertThat(result.entriesChecked()).isEqualTo(2);
  }

  @Test
  void aDeletedLastEntryIsFoundThroughTheHead() throws Exception {
    append(5);
    database.allowTampering();

    database.execute("DELETE FROM hg_audit_entries WHERE sequence = 5");

    assertBroken(trail.verify(), 5, Problem.DELETED);
  }

  @Test
  void aDeletedEntryWithTheRestRenumberedIsFoundAtItsSequence() throws Exception {
    append(5);
    database.allowTampering();

    database.execute(
        "DELETE FROM hg_audit_entries WHERE sequence = 2",
        "UPDATE hg_audit_entries SET sequence = sequence + 1000 WHERE sequence > 2",
        "UPDATE hg_audit_entries SET sequence = sequence - 1001 WHERE sequence > 1000",
        "UPDATE hg_audit_head SET sequence = 4");

    assertBroken(trail.verify(), 2, Problem.DELETED);
  }

  @Test
  void aForgedEntryAppendedAtTheEndIsInserted() throws Exception {
    append(5);
    database.allowTampering();

    insertForged(6, row(5).hash, "f".repeat(64));

    assertBroken(trail.verify(), 6, Problem.INSERTED);
  }

  @Test
  void aForgedEntryInsertedMidChainIsFoundAtItsSequence() throws Exception {
    append(5);
    database.allowTampering();
    shiftFrom(3);

    insertForged(3, row(2).hash, "0".repeat(64));

    assertBroken(trail.verify(), 3, Problem.INSERTED);
  }

  @Test
  void aCorrectlyHashedForgeryInsertedMidChainIsFoundAtItsSequence() throws Exception {
    append(5);
    database.allowTampering();
    String previous = row(2).hash;
    shiftFrom(3);
    String hash = AuditChain.entryHash(3, NOW.toString(), "REVEAL_GRANTED", TYPE, "ord_x",
        "intruder", "none", List.of(), "granted", previous);

    insertForged(3, previous, hash);

    assertBroken(trail.verify(), 3, Problem.INSERTED);
  }

  @Test
  void twoSwappedEntriesAreReorderedAtTheFirst() throws Exception {
    append(6);
    database.allowTampering();

    swap(2, 5);

    AuditVerification result = trail.verify();
    assertBroken(result, 2, Problem.REORDERED);
    assertThat(result.entriesChecked()).isEqualTo(1);
  }

  @Test
  void twoSwappedNeighboursAreReorderedAtTheFirst() throws Exception {
    append(6);
    database.allowTampering();

    swap(3, 4);

    assertBroken(trail.verify(), 3, Problem.REORDERED);
  }

  // ------------------------------------------------------------------------------ checkpoints

  @Test
  void aCheckpointPrintsAndParsesBack() {
    append(3);
    AuditCheckpoint head = trail.head();

    String printed = head.toString();

    assertThat(printed).matches("hookguard-audit-v1:3:[0-9a-f]{64}");
    assertThat(AuditCheckpoint.parse("  " + printed.toUpperCase(java.util.Locale.ROOT) + "\n"))
        .isEqualTo(head);
    assertThatThrownBy(() -> AuditCheckpoint.parse("hookguard-audit-v1:3:abc"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(trail.tail(1).get(0).checkpoint()).isEqualTo(head);
  }

  @Test
  void aCheckpointStillVerifiesAfterMoreAppends() {
    append(3);
    AuditCheckpoint exported = AuditCheckpoint.parse(trail.checkpoint().toString());

    trail.record(event(4));
    trail.record(event(5));

    AuditVerification result = trail.verify(exported);
    assertThat(result.ok()).as(result.toString()).isTrue();
    assertThat(result.entriesChecked()).isEqualTo(5);
  }

  @Test
  void aChainRewrittenUpToTheHeadIsCaughtOnlyByTheCheckpoint() throws Exception {
    append(5);
    AuditCheckpoint exported = trail.checkpoint();
    database.allowTampering();

    rewriteFrom(2, "rewritten purpose");

    assertThat(trail.verify().ok()).as("a full rewrite is self-consistent").isTrue();
    assertBroken(trail.verify(exported), 5, Problem.EDITED);
  }

  @Test
  void aTrailCutShortBelowTheCheckpointIsDeleted() throws Exception {
    append(5);
    AuditCheckpoint exported = trail.checkpoint();
    database.allowTampering();

    database.execute(
        "DELETE FROM hg_audit_entries WHERE sequence > 3",
        "UPDATE hg_audit_head SET sequence = 3, hash = '" + row(3).hash + "'");

    assertThat(trail.verify().ok()).isTrue();
    assertBroken(trail.verify(exported), 4, Problem.DELETED);
  }

  // ------------------------------------------------------------------------------ concurrency

  @Test
  void concurrentAppendsFromTwoInstancesKeepOneChain() throws Exception {
    HookGuard second = database.open(Clock.fixed(NOW, ZoneOffset.UTC));
    List<AuditTrail> trails = List.of(trail, second.audit(), trail, second.audit());
    int each = 15;
    ExecutorService threads = Executors.newFixedThreadPool(trails.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (AuditTrail t : trails) {
        done.add(threads.submit(() -> {
          start.await();
          for (int i = 1; i <= each; i++) {
            t.record(event(i));
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }

    AuditVerification result = second.audit().verify();
    assertThat(result.ok()).as(result.toString()).isTrue();
    assertThat(result.entriesChecked()).isEqualTo((long) each * trails.size());
  }

  // ------------------------------------------------------------------------------ reading it all

  /** Queues {@code n} events in one transaction, as receipts do; the next read chains them. */
  void appendInBulk(int n) throws Exception {
    List<AuditEvent> events = IntStream.rangeClosed(1, n).mapToObj(AuditTrailContract::event).toList();
    try (Connection connection = database.raw()) {
      connection.setAutoCommit(false);
      ((JdbcAuditTrail) trail).enqueue(connection, events);
      connection.commit();
    }
  }

  static List<Long> sequences(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }

  @Test
  void pagesReadTheTrailInOrderAfterAnySequence() {
    append(12);

    assertThat(trail.page(0, 5)).extracting(AuditEntry::sequence).isEqualTo(sequences(1, 5));
    assertThat(trail.page(5, 5)).extracting(AuditEntry::sequence).isEqualTo(sequences(6, 10));
    assertThat(trail.page(10, 5)).extracting(AuditEntry::sequence).containsExactly(11L, 12L);
    assertThat(trail.page(12, 5)).isEmpty();
    assertThat(trail.page(99, 5)).isEmpty();
    assertThat(trail.page(3, 1)).singleElement().satisfies(entry -> {
      assertThat(entry.sequence()).isEqualTo(4);
      assertThat(entry.event()).isEqualTo(event(4));
    });
    assertThat(trail.page(0, 100)).isEqualTo(trail.tail(12));
  }

  @Test
  void aPageStartsAtZeroOrAboveAndHoldsAtLeastOneEntry() {
    assertThatThrownBy(() -> trail.page(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> trail.page(0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(trail.page(0, 10)).as("an empty trail").isEmpty();
    try (Stream<AuditEntry> entries = trail.entries()) {
      assertThat(entries).isEmpty();
    }
  }

  @Test
  void entriesStreamTheWholeTrailInOrderOverSeveralPages() throws Exception {
    int total = 2 * AuditPages.PAGE_SIZE + 234;
    appendInBulk(total);

    List<AuditEntry> all;
    try (Stream<AuditEntry> entries = trail.entries()) {
      all = entries.toList();
    }

    assertThat(all).extracting(AuditEntry::sequence).isEqualTo(sequences(1, total));
    for (int i = 0; i < total; i++) {
      assertThat(all.get(i).event()).as("entry %d", i + 1).isEqualTo(event(i + 1));
    }
    assertThat(all.get(total - 1).checkpoint()).isEqualTo(trail.head());
    assertThat(trail.verify().ok()).isTrue();
  }

  @Test
  void smallPagesReadExactlyWhatOneReadReads() {
    append(23);

    assertThat(AuditPages.stream(trail, 0, 23, 4).toList()).isEqualTo(trail.page(0, 100));
    assertThat(AuditPages.stream(trail, 0, 23, 23).toList()).isEqualTo(trail.page(0, 100));
    assertThat(AuditPages.stream(trail, 20, 23, 4).map(AuditEntry::sequence))
        .containsExactly(21L, 22L, 23L);
    assertThat(AuditPages.stream(trail, 0, 9, 4).map(AuditEntry::sequence))
        .as("up to the sequence asked for, not past it")
        .isEqualTo(sequences(1, 9));
  }

  @Test
  void entriesAppendedWhileTheTrailIsStreamedNeitherBreakNorJoinIt() throws Exception {
    append(40);
    HookGuard second = database.open(Clock.fixed(NOW, ZoneOffset.UTC));
    int appendedElsewhere = 60;
    ExecutorService writer = Executors.newSingleThreadExecutor();
    CountDownLatch started = new CountDownLatch(1);
    List<Long> seen = new ArrayList<>();
    long head;
    try {
      Future<?> appends = writer.submit(() -> {
        started.countDown();
        for (int i = 1; i <= appendedElsewhere; i++) {
          second.audit().record(event(100 + i));
        }
        return null;
      });
      started.await();
      // The stream entries() returns, with pages of 3 so that appends land between many pages.
      head = trail.checkpoint().sequence();
      try (Stream<AuditEntry> entries = AuditPages.stream(trail, 0, head, 3)) {
        entries.forEach(entry -> {
          seen.add(entry.sequence());
          trail.record(event(1000 + seen.size())); // and one more from this instance, each time
        });
      }
      appends.get();
    } finally {
      writer.shutdownNow();
    }

    assertThat(head).isGreaterThanOrEqualTo(40);
    assertThat(seen).as("the trail as it was when the stream began").isEqualTo(sequences(1, head));
    long total = 40 + head + appendedElsewhere;
    List<AuditEntry> rest = trail.page(head, 1_000);
    assertThat(rest).extracting(AuditEntry::sequence)
        .as("what was appended meanwhile follows on the next pages")
        .isEqualTo(sequences(head + 1, total));
    AuditVerification result = trail.verify();
    assertThat(result.ok()).as(result.toString()).isTrue();
    assertThat(result.entriesChecked()).isEqualTo(total);
  }

  // ------------------------------------------------------------------------------ what is kept

  @Test
  void revealsAreAppendedWithoutAnyValue() throws Exception {
    PayloadTable orders = GeneratedStores.table(hookGuard, SCHEMA);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("status", "\"" + MARKER + "-status\"");
    fields.put("email", "\"" + MARKER + "@example.com\"");
    fields.put("card", "\"" + MARKER + "-4242\"");
    orders.put("ord_1", fields, false);

    assertThat(orders.reveal("ord_1", Accessor.of("billing", Category.CONTACT, Category.FINANCIAL),
        "refund")).isPresent();
    assertThatThrownBy(() -> orders.reveal("ord_1", Accessor.of("support", Category.CONTACT), "look"))
        .isInstanceOf(AccessDeniedException.class);

    assertThat(trail.tail(10))
        .extracting(e -> e.event().kind())
        .containsExactly(AuditEvent.Kind.REVEAL_GRANTED, AuditEvent.Kind.REVEAL_DENIED);
    assertThat(trail.tail(1).get(0).event().recordId()).isEqualTo("ord_1");
    assertThat(auditTablesAsText()).isNotEmpty().noneMatch(text -> text.contains(MARKER));
    assertThat(trail.verify().ok()).isTrue();
  }

  @Test
  void deletingPayloadRecordsNeverBreaksTheChain() throws Exception {
    PayloadTable orders = GeneratedStores.table(hookGuard, SCHEMA);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("status", "\"paid\"");
    fields.put("email", "\"a@example.com\"");
    fields.put("card", "\"4242\"");
    orders.put("ord_1", fields, false);
    orders.reveal("ord_1", Accessor.of("billing", Category.CONTACT, Category.FINANCIAL), "refund");

    assertThat(orders.delete("ord_1")).isTrue();
    database.execute("DELETE FROM hg_records");

    AuditVerification result = trail.verify();
    assertThat(result.ok()).as(result.toString()).isTrue();
    assertThat(result.entriesChecked()).isEqualTo(1);
  }

  @Test
  void anAdditionalSinkHearsEveryEventAfterTheTrail() {
    CollectingAuditSink collecting = new CollectingAuditSink();
    HookGuard withSink =
        database.builder()
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .auditSink(collecting)
            .build();
    try {
      PayloadTable orders = GeneratedStores.table(withSink, SCHEMA);
      orders.reveal("missing", Accessor.of("billing", Category.CONTACT, Category.FINANCIAL), "check");

      assertThat(collecting.events()).extracting(AuditEvent::kind)
          .containsExactly(AuditEvent.Kind.REVEAL_NOT_FOUND);
      assertThat(withSink.audit().tail(5)).extracting(e -> e.event().kind())
          .containsExactly(AuditEvent.Kind.REVEAL_NOT_FOUND);
    } finally {
      withSink.close();
    }
  }

  @Test
  void theReceiptListenerAppendsWhatAReceiverAnsweredToAuthenticatedRequests() {
    var listener = trail.receiptListener();
    listener.onReceipt(receipt(Outcome.ACCEPTED, null, "msg_1", 200));
    listener.onReceipt(receipt(Outcome.REJECTED, Reason.REPLAYED, "msg_1", 409));
    listener.onReceipt(receipt(Outcome.REJECTED, Reason.INVALID_PAYLOAD, "msg_3", 400));
    listener.onReceipt(receipt(Outcome.SINK_FAILED, null, "msg_2", 503));
    // Anyone on the network can cause these: counted by metrics, never appended.
    listener.onReceipt(receipt(Outcome.REJECTED, Reason.SIGNATURE_MISMATCH, null, 401));
    listener.onReceipt(receipt(Outcome.REJECTED, Reason.PAYLOAD_TOO_LARGE, null, 413));
    listener.onReceipt(receipt(Outcome.ADDRESS_NOT_ALLOWED, null, null, 403));
    listener.onReceipt(receipt(Outcome.NOT_HTTPS, null, null, 403));
    listener.onReceipt(receipt(Outcome.RATE_LIMITED_SOURCE, null, null, 429));

    List<AuditEntry> entries = trail.tail(10);
    assertThat(entries).extracting(e -> e.event().kind()).containsExactly(
        AuditEvent.Kind.RECEIVED, AuditEvent.Kind.REJECTED, AuditEvent.Kind.REJECTED,
        AuditEvent.Kind.RECEIVE_FAILED);
    assertThat(entries).extracting(e -> e.event().reason()).containsExactly(
        "ACCEPTED status=200", "REJECTED REPLAYED status=409",
        "REJECTED INVALID_PAYLOAD status=400", "SINK_FAILED status=503");
    assertThat(entries).extracting(e -> e.event().recordId())
        .containsExactly("msg_1", "msg_1", "msg_3", "msg_2");
    assertThat(entries.get(0).event().payloadType()).isEqualTo("Order");
    assertThat(trail.verify().ok()).isTrue();
  }

  // ------------------------------------------------------------------------------ helpers

  static ReceiptEvent receipt(Outcome outcome, Reason reason, String id, int status) {
    return new ReceiptEvent(NOW, "Order", outcome, Optional.ofNullable(reason),
        Optional.ofNullable(id), status, Duration.ofMillis(3));
  }

  /** One stored entry's columns that the tests need. */
  record Row(String time, String kind, String prevHash, String hash) {}

  Row row(long sequence) throws SQLException {
    try (Connection connection = database.raw();
        PreparedStatement select = connection.prepareStatement(
            "SELECT recorded_at, kind, prev_hash, hash FROM hg_audit_entries WHERE sequence = ?")) {
      select.setLong(1, sequence);
      try (ResultSet rows = select.executeQuery()) {
        assertThat(rows.next()).isTrue();
        return new Row(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4));
      }
    }
  }

  void insertForged(long sequence, String previous, String hash) throws SQLException {
    try (Connection connection = database.raw();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO hg_audit_entries (sequence, recorded_at, kind, payload_type, record_id,"
                + " accessor, purpose, fields, reason, prev_hash, hash)"
                + " VALUES (?, ?, 'REVEAL_GRANTED', ?, 'ord_x', 'intruder', 'none', '[]', 'granted',"
                + " ?, ?)")) {
      insert.setLong(1, sequence);
      insert.setString(2, NOW.toString());
      insert.setString(3, TYPE);
      insert.setString(4, previous);
      insert.setString(5, hash);
      insert.executeUpdate();
    }
  }

  /** Moves every entry from {@code sequence} on one place up, leaving a hole at it. */
  void shiftFrom(long sequence) throws SQLException {
    database.execute(
        "UPDATE hg_audit_entries SET sequence = sequence + 1000 WHERE sequence >= " + sequence,
        "UPDATE hg_audit_entries SET sequence = sequence - 999 WHERE sequence >= 1000");
  }

  void swap(long a, long b) throws SQLException {
    database.execute(
        "UPDATE hg_audit_entries SET sequence = -1 WHERE sequence = " + a,
        "UPDATE hg_audit_entries SET sequence = " + a + " WHERE sequence = " + b,
        "UPDATE hg_audit_entries SET sequence = " + b + " WHERE sequence = -1");
  }

  /** What a careful tamperer does: change entry {@code from} and re-hash it and all after it. */
  void rewriteFrom(long from, String purpose) throws SQLException {
    try (Connection connection = database.raw()) {
      List<Object[]> rows = new ArrayList<>();
      try (Statement select = connection.createStatement();
          ResultSet r = select.executeQuery(
              "SELECT sequence, recorded_at, kind, payload_type, record_id, accessor, purpose,"
                  + " fields, reason, prev_hash FROM hg_audit_entries ORDER BY sequence")) {
        while (r.next()) {
          rows.add(new Object[] {r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
              r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
              r.getString(10)});
        }
      }
      String previous = null;
      for (Object[] r : rows) {
        long sequence = (Long) r[0];
        if (sequence < from) {
          continue;
        }
        if (previous == null) {
          previous = (String) r[9];
        }
        String newPurpose = sequence == from ? purpose : (String) r[6];
        String hash = AuditChain.entryHash(sequence, (String) r[1], (String) r[2], (String) r[3],
            (String) r[4], (String) r[5], newPurpose, AuditChain.decodeFields((String) r[7]),
            (String) r[8], previous);
        try (PreparedStatement update = connection.prepareStatement(
            "UPDATE hg_audit_entries SET purpose = ?, prev_hash = ?, hash = ? WHERE sequence = ?")) {
          update.setString(1, newPurpose);
          update.setString(2, previous);
          update.setString(3, hash);
          update.setLong(4, sequence);
          update.executeUpdate();
        }
        try (PreparedStatement head = connection.prepareStatement(
            "UPDATE hg_audit_head SET hash = ? WHERE id = 1")) {
          head.setString(1, hash);
          head.executeUpdate();
        }
        previous = hash;
      }
    }
  }

  /** Every row of both audit tables as text. */
  List<String> auditTablesAsText() throws SQLException {
    List<String> texts = new ArrayList<>();
    try (Connection connection = database.raw()) {
      for (String table : List.of("hg_audit_entries", "hg_audit_head")) {
        try (Statement statement = connection.createStatement();
            ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            StringBuilder text = new StringBuilder();
            for (int c = 1; c <= columns; c++) {
              text.append(rows.getString(c)).append('|');
            }
            texts.add(text.toString());
          }
        }
      }
    }
    return texts;
  }
}
