package dev.hookguard.runtime.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.audit.CollectingAuditSink;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.generated.FieldSpec;
import dev.hookguard.runtime.generated.GeneratedStores;
import dev.hookguard.runtime.generated.PayloadTable;
import dev.hookguard.runtime.generated.Protection;
import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.generated.StoredRecord;
import dev.hookguard.runtime.store.AccessDeniedException;
import dev.hookguard.runtime.store.PostgresBackend;
import dev.hookguard.runtime.store.Accessor;
import dev.hookguard.runtime.store.StoreBackend;
import dev.hookguard.runtime.store.StoreException;
import dev.hookguard.testsupport.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What data-subject requests must do on every backend, run once per backend by its subclass:
 * find, export and erase across payload types; an erasure that reaches backups taken before it;
 * an erasure stopped midway and finished by the next run.
 */
abstract class SubjectsContract {

  static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
  static final String ORDER = "com.example.Order";
  static final String TICKET = "com.example.Ticket";
  static final String NOTE = "com.example.Note";

  /** Orders name their customer in a nested object and in a list of CC addresses. */
  static final StoreSchema ORDERS = new StoreSchema(
      ORDER,
      OptionalInt.of(90),
      List.of(
          new FieldSpec("number", null, Protection.PLAIN, OptionalInt.empty()),
          new FieldSpec("customer", null, Protection.RANDOMIZED, OptionalInt.empty(),
              java.util.Set.of(Category.CONTACT)),
          new FieldSpec("cc", Category.CONTACT, Protection.RANDOMIZED, OptionalInt.of(30)),
          new FieldSpec("card", Category.FINANCIAL, Protection.DETERMINISTIC, OptionalInt.empty())),
      List.of("customer.email", "cc[]"));

  /** Tickets name their requester at the top level, in plain storage, kept for ever. */
  static final StoreSchema TICKETS = new StoreSchema(
      TICKET,
      OptionalInt.empty(),
      List.of(
          new FieldSpec("requester", Category.CONTACT, Protection.PLAIN, OptionalInt.empty()),
          new FieldSpec("text", Category.PERSONAL, Protection.RANDOMIZED, OptionalInt.empty())),
      List.of("requester"));

  /** Notes name their author; all three fields are kept in the record's row, sealed as a group. */
  static final StoreSchema NOTES = new StoreSchema(NOTE, OptionalInt.empty(), List.of(
      new FieldSpec("author", Category.CONTACT, Protection.PLAIN, OptionalInt.empty()),
      new FieldSpec("title", null, Protection.PLAIN, OptionalInt.empty()),
      new FieldSpec("body", Category.PERSONAL, Protection.RANDOMIZED, OptionalInt.empty())),
      List.of("author"));

  /** {@link #NOTES} as a later version declares it: the body kept 3 days. */
  static final StoreSchema NOTES_BODY_3_DAYS = new StoreSchema(NOTE, OptionalInt.empty(),
      NOTES.fields().stream()
          .map(f -> f.path().equals("body")
              ? new FieldSpec("body", Category.PERSONAL, Protection.RANDOMIZED, OptionalInt.of(3))
              : f)
          .toList(),
      List.of("author"));

  static final Accessor DPO =
      Accessor.of("dpo", Category.CONTACT, Category.FINANCIAL, Category.PERSONAL);

  @TempDir Path work;

  StoreBackend backend;
  TestClock clock;
  CollectingAuditSink audit;
  MasterKey masterKey;
  HookGuard hookGuard;
  PayloadTable orders;
  PayloadTable tickets;
  String run;

  abstract StoreBackend newBackend(Path directory) throws Exception;

  /** Points {@code builder} at this backend's record store and at its separate key store. */
  abstract HookGuard.Builder configure(HookGuard.Builder builder);

  /** A copy of the record store only (no key store), as a backup would hold it. */
  abstract Backup takeBackup() throws Exception;

  /** A backup of the record store, openable by a {@code HookGuard} with the live key store. */
  interface Backup extends AutoCloseable {

    HookGuard.Builder configure(HookGuard.Builder builder);

    /** Everything the copy holds, to scan for values. */
    List<byte[]> everythingStored() throws Exception;

    @Override
    void close();
  }

  @BeforeEach
  void open() throws Exception {
    backend = newBackend(work);
    clock = new TestClock(T0);
    audit = new CollectingAuditSink();
    masterKey = MasterKey.localFile(work.resolve("keys").resolve("master.key"));
    hookGuard = newInstance();
    orders = GeneratedStores.table(hookGuard, ORDERS);
    tickets = GeneratedStores.table(hookGuard, TICKETS);
    run = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  @AfterEach
  void close() throws Exception {
    if (hookGuard != null) {
      hookGuard.close();
    }
    if (backend != null) {
      backend.close();
    }
  }

  HookGuard newInstance() {
    return configure(HookGuard.builder()).masterKey(masterKey).clock(clock).auditSink(audit).build();
  }

  String ada() {
    return "ada." + run + "@example.com";
  }

  String bob() {
    return "bob." + run + "@example.com";
  }

  /** An order by {@code customer}, copying {@code cc}; every value carries {@code tag}. */
  static Map<String, String> order(String customer, String tag, String... cc) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("number", "\"NUMBER-" + tag + "\"");
    fields.put("customer",
        "{\"name\":\"NAME-" + tag + "\",\"email\":\"" + customer + "\"}");
    StringBuilder list = new StringBuilder("[");
    for (String address : cc) {
      list.append(list.length() > 1 ? "," : "").append('"').append(address).append('"');
    }
    fields.put("cc", list.append(']').toString());
    fields.put("card", "\"CARD-" + tag + "\"");
    return fields;
  }

  static Map<String, String> note(String author) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("author", "\"" + author + "\"");
    fields.put("title", "\"TITLE\"");
    fields.put("body", "\"BODY\"");
    return fields;
  }

  static Map<String, String> ticket(String requester, String tag) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("requester", "\"" + requester + "\"");
    fields.put("text", "\"TEXT-" + tag + "\"");
    return fields;
  }

  // ------------------------------------------------------------------------------------ find

  @Test
  void findListsTheRecordsAboutAPersonInEveryTypeWhateverTheCaseAndSpacing() {
    orders.put("o1", order(ada(), "A1"), false);
    orders.put("o2", order(bob(), "B1", ada()), false);
    orders.put("o3", order(bob(), "B2"), false);
    tickets.put("t1", ticket(ada().toUpperCase(java.util.Locale.ROOT), "A2"), false);
    tickets.put("t2", ticket(bob(), "B3"), false);

    List<SubjectRecord> found = hookGuard.subjects().find("  " + ada().toUpperCase() + " ");

    assertThat(found).extracting(SubjectRecord::payloadType, SubjectRecord::id)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ORDER, "o1"),
            org.assertj.core.groups.Tuple.tuple(ORDER, "o2"),
            org.assertj.core.groups.Tuple.tuple(TICKET, "t1"));
    assertThat(found.get(0).receivedAt()).isEqualTo(T0);
    assertThat(hookGuard.subjects().find(bob())).extracting(SubjectRecord::id)
        .containsExactly("o2", "o3", "t2");
    assertThat(hookGuard.subjects().find("nobody@example.com")).isEmpty();
    assertThat(audit.events()).filteredOn(e -> e.kind() == AuditEvent.Kind.SUBJECT_SEARCHED)
        .hasSize(3)
        .first()
        .satisfies(e -> {
          assertThat(e.fields()).containsExactly(ORDER, TICKET);
          assertThat(e.reason()).isEqualTo("3 records");
        });
    assertNoValueAudited();
  }

  @Test
  void findLeavesOutRecordsPastTheirRetentionAndFollowsOverwritesAndDeletes() {
    orders.put("o1", order(ada(), "A1"), false);
    tickets.put("t1", ticket(ada(), "A2"), false);
    orders.put("o2", order(ada(), "A3"), false);
    orders.put("o2", order(bob(), "B1"), true);
    tickets.delete("t1");
    assertThat(hookGuard.subjects().find(ada())).extracting(SubjectRecord::id).containsExactly("o1");
    assertThat(hookGuard.subjects().find(bob())).extracting(SubjectRecord::id).containsExactly("o2");

    clock.set(T0.plus(Duration.ofDays(91)));
    assertThat(hookGuard.subjects().find(ada())).isEmpty();
  }

  @Test
  void blankValuesAreRefused() {
    assertThatThrownBy(() -> hookGuard.subjects().find("  "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hookGuard.subjects().erase(ada(), " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aReasonThatNamesThePersonIsRefusedBeforeAnythingIsErased() {
    orders.put("o1", order(ada(), "A1"), false);
    assertThatThrownBy(() -> hookGuard.subjects().erase(ada(), "request from " + ada().toUpperCase()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(ada());
    assertThat(orders.get("o1")).isPresent();
  }

  @Test
  void aRecordNamingTooManyPeopleIsRefusedTypedAndStoredNowhere() throws Exception {
    String[] cc = new String[65];
    for (int i = 0; i < cc.length; i++) {
      cc[i] = "cc" + i + "." + run + "@example.com";
    }
    assertThatThrownBy(() -> orders.put("o1", order(ada(), "A1", cc), false))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("66 data subjects")
        .hasMessageNotContaining(run)
        .satisfies(e -> assertThat(((StoreException) e).reason())
            .isEqualTo(StoreException.Reason.INVALID_REQUEST));
    assertThat(orders.get("o1")).isEmpty();
    assertThat(hookGuard.subjects().find(ada())).isEmpty();
    orders.put("o2", order(ada(), "A2", java.util.Arrays.copyOf(cc, 63)), false);
    assertThat(hookGuard.subjects().find(cc[62])).extracting(SubjectRecord::id).containsExactly("o2");
  }

  @Test
  void recordsOfATypeWithoutSubjectsAreStoredAsBefore() {
    StoreSchema plain = new StoreSchema("com.example.Ping", OptionalInt.empty(),
        List.of(new FieldSpec("email", Category.CONTACT, Protection.PLAIN, OptionalInt.empty())));
    PayloadTable pings = GeneratedStores.table(hookGuard, plain);
    pings.put("p1", Map.of("email", "\"" + ada() + "\""), false);
    orders.put("o1", order(ada(), "A1"), false);

    assertThat(hookGuard.subjects().find(ada())).extracting(SubjectRecord::id).containsExactly("o1");
    assertThat(pings.get("p1").orElseThrow().fieldJson()).containsEntry("email", "\"" + ada() + "\"");
  }

  // ---------------------------------------------------------------------------------- export

  @Test
  void exportRevealsEveryRecordAboutThePersonToAnAccessorGrantedTheirCategories() {
    orders.put("o1", order(ada(), "A1"), false);
    orders.put("o2", order(bob(), "B1"), false);
    tickets.put("t1", ticket(ada(), "A2"), false);

    SubjectExport export = hookGuard.subjects().export(ada(), DPO, "access request 42");

    assertThat(export.records()).extracting(StoredRecord::id).containsExactly("o1", "t1");
    assertThat(export.records().get(0).fieldJson())
        .containsEntry("number", "\"NUMBER-A1\"")
        .containsEntry("card", "\"CARD-A1\"");
    String json = export.toJson();
    assertThat(json).contains("\"payload_type\":\"" + ORDER + "\"", "NAME-A1", "TEXT-A2", ada())
        .doesNotContain("B1", bob());
    assertThat(export.toString()).doesNotContain(ada(), "A1", "A2");
    assertThat(audit.events()).filteredOn(e -> e.kind() == AuditEvent.Kind.REVEAL_GRANTED)
        .extracting(AuditEvent::recordId, AuditEvent::purpose)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("o1", "access request 42"),
            org.assertj.core.groups.Tuple.tuple("t1", "access request 42"));
    assertNoValueAudited();
  }

  @Test
  void exportToAnAccessorLackingACategoryReturnsNothingAndIsAuditedAsRefused() {
    orders.put("o1", order(ada(), "A1"), false);
    tickets.put("t1", ticket(ada(), "A2"), false);
    Accessor support = Accessor.of("support", Category.CONTACT, Category.PERSONAL);

    assertThatThrownBy(() -> hookGuard.subjects().export(ada(), support, "curious"))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("FINANCIAL")
        .hasMessageNotContaining(ada());
    assertThat(audit.events()).filteredOn(e -> e.kind() == AuditEvent.Kind.REVEAL_DENIED)
        .extracting(AuditEvent::recordId).containsExactly("o1");
    assertThat(audit.events()).noneMatch(e -> e.kind() == AuditEvent.Kind.REVEAL_GRANTED);
  }

  @Test
  void exportRefusesWhenAStoreOfAFoundTypeIsNotOpenRatherThanAnswerInPart() throws Exception {
    orders.put("o1", order(ada(), "A1"), false);
    tickets.put("t1", ticket(ada(), "A2"), false);
    hookGuard.close();
    hookGuard = newInstance();
    GeneratedStores.table(hookGuard, ORDERS);

    assertThatThrownBy(() -> hookGuard.subjects().export(ada(), DPO, "access request"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(TICKET)
        .hasMessageContaining("not open");
    assertThat(hookGuard.subjects().find(ada())).hasSize(2);
  }

  // ----------------------------------------------------------------------------------- erase

  @Test
  void eraseRemovesThePersonEverywhereAndLeavesEveryoneElse() {
    orders.put("o1", order(ada(), "A1"), false);
    orders.put("o2", order(bob(), "B1", ada()), false);
    orders.put("o3", order(bob(), "B2"), false);
    tickets.put("t1", ticket(ada(), "A2"), false);
    tickets.put("t2", ticket(bob(), "B3"), false);

    ErasureReport report = hookGuard.subjects().erase(ada(), "erasure request 43");

    assertThat(report.recordsErased()).isEqualTo(3);
    assertThat(report.keysDestroyed()).isEqualTo(1);
    assertThat(hookGuard.subjects().find(ada())).isEmpty();
    assertThat(orders.get("o1")).isEmpty();
    assertThat(orders.get("o2")).isEmpty();
    assertThat(tickets.get("t1")).isEmpty();
    assertThat(orders.get("o3").orElseThrow().fieldJson()).containsEntry("number", "\"NUMBER-B2\"");
    assertThat(tickets.get("t2").orElseThrow().fieldJson()).containsEntry("text", "\"TEXT-B3\"");
    assertThat(hookGuard.subjects().find(bob())).extracting(SubjectRecord::id)
        .containsExactly("o3", "t2");

    List<AuditEvent> events = audit.events();
    assertThat(events).filteredOn(e -> e.kind() == AuditEvent.Kind.SUBJECT_RECORD_ERASED)
        .extracting(AuditEvent::recordId).containsExactlyInAnyOrder("o1", "o2", "t1");
    assertThat(events).filteredOn(e -> e.kind() == AuditEvent.Kind.SUBJECT_KEYS_DESTROYED)
        .singleElement().satisfies(e -> assertThat(e.recordId()).isEqualTo(report.erasureId()));
    assertThat(events).filteredOn(e -> e.kind() == AuditEvent.Kind.SUBJECT_ERASED)
        .singleElement().satisfies(e -> assertThat(e.reason()).isEqualTo("erasure request 43"));
    assertThat(hookGuard.audit().verify().ok()).isTrue();
    assertNoValueAudited();

    // The same person again later: a new key, found and erasable as before.
    orders.put("o4", order(ada(), "A4"), false);
    assertThat(orders.get("o4").orElseThrow().fieldJson()).containsEntry("number", "\"NUMBER-A4\"");
    assertThat(hookGuard.subjects().find(ada())).extracting(SubjectRecord::id).containsExactly("o4");
    assertThat(hookGuard.subjects().erase(ada(), "again").recordsErased()).isEqualTo(1);
  }

  @Test
  void anErasureReachesBackupsTakenBeforeItAndOnlyForThatPerson() throws Exception {
    orders.put("o1", order(ada(), "ADA" + run + "1"), false);
    tickets.put("t1", ticket(ada(), "ADA" + run + "2"), false);
    orders.put("o2", order(bob(), "BOB" + run + "1"), false);
    tickets.put("t2", ticket(bob(), "BOB" + run + "2"), false);

    try (Backup backup = takeBackup()) {
      hookGuard.subjects().erase(ada(), "erasure request 44");

      // The raw copy holds no value of either person in the clear: every field is sealed.
      assertNotStored(backup.everythingStored(), "ADA" + run, ada(), "BOB" + run, bob());
      try (HookGuard restored = backup.configure(HookGuard.builder())
          .masterKey(masterKey).clock(clock).build()) {
        PayloadTable oldOrders = GeneratedStores.table(restored, ORDERS);
        PayloadTable oldTickets = GeneratedStores.table(restored, TICKETS);

        // Everything of Bob opens, in both types.
        assertThat(oldOrders.get("o2").orElseThrow().fieldJson())
            .containsEntry("number", "\"NUMBER-BOB" + run + "1\"")
            .containsEntry("card", "\"CARD-BOB" + run + "1\"");
        assertThat(oldTickets.get("t2").orElseThrow().fieldJson())
            .containsEntry("requester", "\"" + bob() + "\"");
        // Nothing of Ada does: her records are there, every field unreadable.
        for (var found : List.of(oldOrders.get("o1"), oldTickets.get("t1"))) {
          StoredRecord record = found.orElseThrow();
          assertThat(record.fieldJson()).isEmpty();
          assertThat(record.expiredFields()).isNotEmpty();
        }
        if (backupsTakeWrites()) {
          // Requests audit, so only on a copy that can append to its trail.
          assertThat(restored.subjects().export(bob(), DPO, "restore check").records())
              .hasSize(2);
          SubjectExport adaExport = restored.subjects().export(ada(), DPO, "restore check");
          assertThat(adaExport.records()).hasSize(2);
          assertThat(adaExport.toJson()).doesNotContain("ADA" + run, ada());
        }
      }
    }
  }

  @Test
  void anErasureStoppedMidwayIsFinishedByResumeAndAuditsEachRecordOnce() {
    int count = 450;
    Map<String, Map<String, String>> many = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      many.put("a" + i, order(ada(), "A" + i));
    }
    orders.putAll(many, false);
    tickets.put("t2", ticket(bob(), "B"), false);

    List<ErasureProgress> seen = new ArrayList<>();
    assertThatThrownBy(() -> hookGuard.subjects().erase(ada(), "request 45", progress -> {
      seen.add(progress);
      if (progress.batches() == 1) {
        throw new IllegalStateException("stopped");
      }
    })).hasMessage("stopped");
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).keysDestroyed()).isEqualTo(1);
    long left = hookGuard.subjects().find(ada()).size();
    assertThat(left).isBetween(1L, count - 1L);

    List<ErasureReport> resumed = hookGuard.subjects().resumeErasures();

    assertThat(resumed).singleElement().satisfies(r -> {
      assertThat(r.recordsErased()).isEqualTo(left);
      assertThat(r.keysDestroyed()).isZero();
    });
    assertThat(hookGuard.subjects().find(ada())).isEmpty();
    assertThat(hookGuard.subjects().resumeErasures()).isEmpty();
    assertThat(audit.events()).filteredOn(e -> e.kind() == AuditEvent.Kind.SUBJECT_RECORD_ERASED)
        .extracting(AuditEvent::recordId).hasSize(count).doesNotHaveDuplicates();
    assertThat(audit.events()).filteredOn(e -> e.kind() == AuditEvent.Kind.SUBJECT_ERASED)
        .hasSize(1);
    assertThat(tickets.get("t2")).isPresent();
  }

  @Test
  void reencryptionKeepsRecordsSealedForTheirSubjects() throws Exception {
    orders.put("o1", order(ada(), "A1"), false);
    orders.put("o2", order(bob(), "B1"), false);
    // Kept for ever: its text is under the data keys, inside the fields it keeps in its row,
    // sealed for Ada as a group; only re-encryption keeps it readable once the old keys go.
    tickets.put("t1", ticket(ada(), "T1"), false);
    hookGuard.keys().rotate();
    hookGuard.keys().reencrypt();
    hookGuard.keys().destroyRetiredKeys();

    assertThat(orders.get("o1").orElseThrow().fieldJson())
        .containsEntry("card", "\"CARD-A1\"")
        .containsEntry("number", "\"NUMBER-A1\"");
    assertThat(tickets.get("t1").orElseThrow().fieldJson())
        .containsEntry("text", "\"TEXT-T1\"")
        .containsEntry("requester", "\"" + ada() + "\"");
    try (Backup backup = takeBackup()) {
      hookGuard.subjects().erase(ada(), "after rotation");
      try (HookGuard restored = backup.configure(HookGuard.builder())
          .masterKey(masterKey).clock(clock).build()) {
        assertThat(GeneratedStores.table(restored, ORDERS).get("o1").orElseThrow().fieldJson())
            .isEmpty();
        assertThat(GeneratedStores.table(restored, ORDERS).get("o2").orElseThrow().fieldJson())
            .containsEntry("card", "\"CARD-B1\"");
      }
    }
  }

  /**
   * A record about a person keeps the fields of its row sealed for them as one group: a retention
   * shortened after storing reaches one of them alone, and the sweep removes that one and keeps
   * the others readable (then has nothing left to do).
   */
  @Test
  void aRetentionShortenedAfterStoringReachesOneFieldOfTheGroupOfARecordAboutAPerson()
      throws Exception {
    GeneratedStores.table(hookGuard, NOTES).put("n1", note(ada()), false);
    hookGuard.close();
    hookGuard = newInstance();
    PayloadTable now = GeneratedStores.table(hookGuard, NOTES_BODY_3_DAYS);
    clock.set(T0.plus(Duration.ofDays(4)));

    assertThat(now.get("n1").orElseThrow().fieldJson())
        .containsOnlyKeys("author", "title");
    assertThat(hookGuard.retention().sweep().fieldsDeleted()).isEqualTo(1);
    StoredRecord swept = now.get("n1").orElseThrow();
    assertThat(swept.fieldJson())
        .containsEntry("author", "\"" + ada() + "\"").containsEntry("title", "\"TITLE\"")
        .doesNotContainKey("body");
    assertThat(swept.expiredFields()).containsExactly("body");
    try (Connection raw = backend.rawConnection();
        Statement statement = raw.createStatement();
        ResultSet row = statement.executeQuery(
            "SELECT packed_paths FROM hg_records WHERE record_id = 'n1'")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getString(1)).isEqualTo("author\ntitle");
    }
    assertThat(hookGuard.retention().sweep().fieldsDeleted()).as("nothing left to sweep").isZero();
    assertThat(hookGuard.subjects().find(ada())).extracting(SubjectRecord::id).contains("n1");
  }

  /**
   * A record's subject rows go with it, whatever deletes it: HookGuard's own deletions, and a
   * statement of its own (as an instance of a version before schema version 8 deletes, relying on
   * the foreign key's cascade that PostgreSQL's trigger now stands in for). A row left behind would
   * tie a later record of the same id to the person.
   */
  @Test
  void aRecordDeletedByAnyStatementTakesItsSubjectRowsWithIt() throws Exception {
    orders.put("o1", order(ada(), "A1"), false);
    orders.put("o2", order(ada(), "A2", bob()), false);
    orders.put("o3", order(bob(), "B1"), false);
    assertThat(subjectRows()).containsExactlyInAnyOrder("o1", "o2", "o2", "o3");

    try (Connection raw = backend.rawConnection();
        Statement statement = raw.createStatement()) {
      if (raw.getMetaData().getDatabaseProductName().equals("SQLite")) {
        statement.execute("PRAGMA foreign_keys = ON"); // as every HookGuard connection has it
      }
      statement.executeUpdate("DELETE FROM hg_fields WHERE record_id = 'o1'");
      // The count SQLite's driver returns includes the cascade's rows.
      statement.executeUpdate("DELETE FROM hg_records WHERE record_id = 'o1'");
    }
    assertThat(orders.get("o1")).isEmpty();
    assertThat(orders.delete("o2")).isTrue();
    assertThat(subjectRows()).containsExactly("o3");

    orders.put("o1", order(bob(), "B2"), false);
    orders.put("o2", order(bob(), "B3"), false);
    assertThat(hookGuard.subjects().find(ada())).isEmpty();
    assertThat(hookGuard.subjects().find(bob())).extracting(SubjectRecord::id)
        .containsExactlyInAnyOrder("o1", "o2", "o3");
  }

  /**
   * An erasure that meets a subject row whose record is gone (left by something that deleted the
   * record without it) deletes the row and ends, instead of finding it again batch after batch.
   */
  @Test
  void anErasureMovesOnPastASubjectRowWhoseRecordIsGone() throws Exception {
    orders.put("o1", order(ada(), "A1"), false);
    try (Connection raw = backend.rawConnection();
        Statement statement = raw.createStatement()) {
      // Not checked: SQLite's foreign keys are off on a connection that does not turn them on.
      statement.executeUpdate("INSERT INTO hg_subjects (subject_token, payload_type, record_id)"
          + " SELECT subject_token, payload_type, 'gone' FROM hg_subjects WHERE record_id = 'o1'");
    }
    assertThat(subjectRows()).containsExactlyInAnyOrder("o1", "gone");

    ErasureReport report = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(30), () -> hookGuard.subjects().erase(ada(), "request 7"));

    assertThat(report.recordsErased()).isEqualTo(1);
    assertThat(subjectRows()).isEmpty();
    assertThat(orders.get("o1")).isEmpty();
  }

  /** The record id of every row of {@code hg_subjects}, once per subject. */
  private List<String> subjectRows() throws Exception {
    try (Connection raw = backend.rawConnection();
        Statement statement = raw.createStatement();
        ResultSet rows = statement.executeQuery("SELECT record_id FROM hg_subjects")) {
      List<String> ids = new java.util.ArrayList<>();
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
      return ids;
    }
  }

  @Test
  void subjectValuesAreNeitherInTheRecordStoreNorInTheKeyStore() throws Exception {
    orders.put("o1", order(ada(), "A1"), false);
    assertNotStored(backend.everythingStored(), ada(), "NAME-A1", "CARD-A1");
    try (Connection raw = backend.rawConnection();
        Statement statement = raw.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM hg_subjects")) {
      rows.next();
      assertThat(rows.getLong(1)).isEqualTo(1);
    }
  }

  /** None of {@code values} in {@code stored}, as text or as PostgreSQL's hex of a byte string. */
  static void assertNotStored(List<byte[]> stored, String... values) {
    for (byte[] part : stored) {
      String text = new String(part, StandardCharsets.ISO_8859_1);
      for (String value : values) {
        assertThat(text).doesNotContain(value).doesNotContain(PostgresBackend.hex(value));
      }
    }
  }

  /** Whether a backup of this backend can append to its audit trail (a full copy can). */
  boolean backupsTakeWrites() {
    return true;
  }

  void assertNoValueAudited() {
    for (AuditEvent event : audit.events()) {
      assertThat(event.toString()).doesNotContain(ada(), bob(), "NAME-", "CARD-", "TEXT-");
    }
  }
}
