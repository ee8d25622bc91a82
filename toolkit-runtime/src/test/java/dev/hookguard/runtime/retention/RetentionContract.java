package dev.hookguard.runtime.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookguard.api.Sensitive;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.audit.CollectingAuditSink;
import dev.hookguard.runtime.crypto.KeyException;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.generated.FieldSpec;
import dev.hookguard.runtime.generated.GeneratedStores;
import dev.hookguard.runtime.generated.PayloadTable;
import dev.hookguard.runtime.generated.Protection;
import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.generated.StoredRecord;
import dev.hookguard.runtime.store.Accessor;
import dev.hookguard.runtime.store.StoreBackend;
import dev.hookguard.runtime.store.StoredValues;
import dev.hookguard.testsupport.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code @Retain} must mean on every backend, run once per backend by its subclass: readable
 * before expiry, unreadable from the instant of expiry without a sweep, physically gone after a
 * sweep, shredded in backups taken before, and reported.
 */
abstract class RetentionContract {

  static final Instant T0 = Instant.parse("2026-03-01T10:15:30Z");
  static final Duration FIELD_RETENTION = Duration.ofDays(7);
  static final Duration RECORD_RETENTION = Duration.ofDays(30);
  static final String TYPE = "com.example.Signup";
  static final String LEDGER = "com.example.Ledger";

  /** A record kept 30 days; phone, card and ip only 7. */
  static final StoreSchema SIGNUPS =
      new StoreSchema(
          TYPE,
          OptionalInt.of(30),
          List.of(
              new FieldSpec("status", null, Protection.PLAIN, OptionalInt.empty()),
              new FieldSpec("email", Category.CONTACT, Protection.DETERMINISTIC, OptionalInt.empty()),
              new FieldSpec("phone", Category.CONTACT, Protection.DETERMINISTIC, OptionalInt.of(7)),
              new FieldSpec("card", Category.FINANCIAL, Protection.RANDOMIZED, OptionalInt.of(7)),
              new FieldSpec("ip", Category.LOCATION, Protection.PLAIN, OptionalInt.of(7)),
              new FieldSpec("notes", Category.PERSONAL, Protection.RANDOMIZED, OptionalInt.empty())));

  /** A type kept for ever. */
  static final StoreSchema LEDGER_SCHEMA =
      new StoreSchema(
          LEDGER,
          OptionalInt.empty(),
          List.of(
              new FieldSpec("entry", Category.FINANCIAL, Protection.RANDOMIZED, OptionalInt.empty()),
              new FieldSpec("memo", null, Protection.PLAIN, OptionalInt.empty())));

  static final Accessor DPO =
      Accessor.of(
          "dpo", Category.CONTACT, Category.FINANCIAL, Category.LOCATION, Category.PERSONAL);

  @TempDir Path work;

  StoreBackend backend;
  TestClock clock;
  CollectingAuditSink audit;
  MasterKey masterKey;
  HookGuard hookGuard;
  PayloadTable signups;
  PayloadTable ledger;
  String run;

  /** A fresh, empty database of this backend. */
  abstract StoreBackend newBackend(Path directory) throws Exception;

  /** Points {@code builder} at this backend's record store and at its separate key store. */
  abstract HookGuard.Builder configure(HookGuard.Builder builder);

  /** A copy of the record store only (no key store), as a backup would hold it. */
  abstract Backup takeBackup() throws Exception;

  /** A backup of the record store, openable by a {@code HookGuard}. */
  interface Backup extends AutoCloseable {

    /**
     * Points {@code builder} at the copy, with the live key store, or with a key store of its
     * own (empty) if {@code liveKeys} is false.
     */
    HookGuard.Builder configure(HookGuard.Builder builder, boolean liveKeys);
  }

  @BeforeEach
  void open() throws Exception {
    backend = newBackend(work);
    clock = new TestClock(T0);
    audit = new CollectingAuditSink();
    masterKey = MasterKey.localFile(work.resolve("keys").resolve("master.key"));
    hookGuard = newInstance();
    signups = GeneratedStores.table(hookGuard, SIGNUPS);
    ledger = GeneratedStores.table(hookGuard, LEDGER_SCHEMA);
    run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
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
    return configure(HookGuard.builder())
        .masterKey(masterKey)
        .clock(clock)
        .auditSink(audit)
        .build();
  }

  /** A signup whose every value carries {@code tag}, so that a scan can look for it. */
  static Map<String, String> signup(String tag) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("status", "\"STATUS" + tag + "\"");
    fields.put("email", "\"EMAIL" + tag + "@example.com\"");
    fields.put("phone", "\"PHONE" + tag + "\"");
    fields.put("card", "\"CARD" + tag + "\"");
    fields.put("ip", "\"IP" + tag + "\"");
    fields.put("notes", "\"NOTE" + tag + "\"");
    return fields;
  }

  void at(Duration sinceT0) {
    clock.set(T0.plus(sinceT0));
  }

  static LocalDate day(Duration sinceT0) {
    return LocalDate.ofInstant(T0.plus(sinceT0), ZoneOffset.UTC);
  }

  // ------------------------------------------------------------ a retention shortened later

  /**
   * Stored under a 30-day schema (its phone 7 days, its notes unbounded), read by an instance
   * whose schema keeps the type 10 days and the notes 3: the earlier of the stored expiry and the
   * current schema's wins, in reads, reports and sweeps.
   */
  @Test
  void aRetentionShortenedAfterStoringReachesStoredRecords() throws Exception {
    signups.put("s1", signup(run), false);
    StoreSchema shorter = new StoreSchema(TYPE, OptionalInt.of(10), SIGNUPS.fields().stream()
        .map(f -> switch (f.path()) {
          case "notes" ->
              new FieldSpec("notes", Category.PERSONAL, Protection.RANDOMIZED, OptionalInt.of(3));
          case "phone" ->
              new FieldSpec("phone", Category.CONTACT, Protection.DETERMINISTIC, OptionalInt.of(3));
          default -> f;
        })
        .toList());
    hookGuard.close();
    hookGuard = newInstance();
    PayloadTable now = GeneratedStores.table(hookGuard, shorter);

    at(Duration.ofDays(2));
    assertThat(now.idsByValue("phone", "\"PHONE" + run + "\"")).containsExactly("s1");
    at(Duration.ofDays(4));
    StoredRecord record = now.get("s1").orElseThrow();
    assertThat(record.expiredFields()).contains("notes", "phone");
    assertThat(record.fieldJson()).doesNotContainKeys("notes", "phone").containsKey("status");
    assertThat(now.idsByValue("phone", "\"PHONE" + run + "\""))
        .as("a look-up by a field past its shortened retention finds nothing").isEmpty();
    assertThat(now.idsByValue("email", "\"EMAIL" + run + "@example.com\"")).containsExactly("s1");
    // The sweep removes both now: 3 days before the expiry stored with the phone, 26 before the
    // record's, under which the notes were stored (packed into the record's row).
    assertThat(hookGuard.retention().sweep().fieldsDeleted()).isEqualTo(2);
    assertThatThrownBy(() -> fieldValue(TYPE, "s1", "notes"))
        .isInstanceOf(SQLException.class).hasMessage("no packed field notes");
    assertThatThrownBy(() -> fieldValue(TYPE, "s1", "phone"))
        .isInstanceOf(SQLException.class).hasMessage("no packed field phone");
    StoredRecord swept = now.get("s1").orElseThrow();
    assertThat(swept.fieldJson()).containsKeys("status", "email").doesNotContainKeys("notes", "phone");
    assertThat(swept.expiredFields()).contains("notes", "phone");
    assertThat(hookGuard.retention().sweep().fieldsDeleted()).as("nothing left to sweep").isZero();

    at(Duration.ofDays(11));
    assertThat(now.get("s1")).as("past the 10 days the schema keeps it now").isEmpty();
    assertThat(now.idsByValue("email", "\"EMAIL" + run + "@example.com\"")).isEmpty();
    assertThat(hookGuard.retention().report().recordsPastExpiry()).isEqualTo(1);

    hookGuard.retention().sweep();
    assertThat(hookGuard.retention().report().recordsPastExpiry()).isZero();
    assertThat(rows("hg_records", TYPE)).as("swept, 19 days before its stored expiry").isZero();
    assertThat(rows("hg_fields", TYPE)).as("its field rows with it").isZero();
  }

  // ------------------------------------------------------------------ read-time enforcement

  @Test
  void justBeforeExpiryEveryFieldIsReadable() {
    signups.put("s1", signup(run), false);
    at(FIELD_RETENTION.minusMillis(1));

    StoredRecord record = signups.get("s1").orElseThrow();

    assertThat(record.fieldJson()).containsExactlyEntriesOf(signup(run));
    assertThat(record.expiredFields()).isEmpty();
    assertThat(signups.idsByValue("phone", "\"PHONE" + run + "\"")).containsExactly("s1");
    assertThat(signups.reveal("s1", DPO, "audit").orElseThrow().fieldJson()).hasSize(6);
  }

  @Test
  void aFieldRetentionShorterThanTheRecordsHidesThatFieldFromTheInstantOfExpiry() {
    signups.put("s1", signup(run), false);
    at(FIELD_RETENTION);

    StoredRecord record = signups.get("s1").orElseThrow();

    assertThat(record.fieldJson()).containsOnlyKeys("status", "email", "notes");
    assertThat(record.expiredFields()).containsExactly("phone", "card", "ip");
    assertThat(record.isExpired("card")).isTrue();
    assertThat(record.toString()).doesNotContain(run);
    assertThat(signups.idsByValue("phone", "\"PHONE" + run + "\"")).isEmpty();
    assertThat(signups.idsByValue("email", "\"EMAIL" + run + "@example.com\""))
        .containsExactly("s1");

    StoredRecord revealed = signups.reveal("s1", DPO, "subject access request").orElseThrow();
    assertThat(revealed.fieldJson()).containsOnlyKeys("status", "email", "notes");
    AuditEvent granted = audit.events().get(audit.events().size() - 1);
    assertThat(granted.kind()).isEqualTo(AuditEvent.Kind.REVEAL_GRANTED);
    assertThat(granted.fields()).containsExactly("status", "email", "notes");

    StoredRecord cardOnly = signups.reveal("s1", DPO, "chargeback", Set.of("card")).orElseThrow();
    assertThat(cardOnly.fieldJson()).isEmpty();
    assertThat(cardOnly.expiredFields()).containsExactly("card");
  }

  @Test
  void aRecordPastItsRetentionIsUnreadableAtOnceWithoutASweep() {
    signups.put("old", signup(run), false);
    at(Duration.ofDays(1));
    signups.put("young", signup(run + "y"), false);
    at(RECORD_RETENTION);

    assertThat(signups.get("old")).isEmpty();
    assertThat(signups.reveal("old", DPO, "audit")).isEmpty();
    assertThat(audit.events().get(audit.events().size() - 1).kind())
        .isEqualTo(AuditEvent.Kind.REVEAL_NOT_FOUND);
    assertThat(signups.idsByValue("email", "\"EMAIL" + run + "@example.com\"")).isEmpty();
    assertThat(signups.get("young").orElseThrow().fieldJson())
        .containsEntry("notes", "\"NOTE" + run + "y\"");
    assertThat(hookGuard.retention().report().recordsPastExpiry()).isEqualTo(1);
  }

  // ------------------------------------------------------------------ sweep

  @Test
  void afterTheSweepExpiredFieldsAndRecordsArePhysicallyGone() throws Exception {
    signups.put("a", signup(run + "a"), false);
    signups.put("b", signup(run + "b"), false);
    ledger.put("kept", Map.of("entry", "\"ENTRY" + run + "\"", "memo", "\"MEMO" + run + "\""), false);
    byte[] cardCiphertext = fieldValue(TYPE, "a", "card");
    byte[] phoneCiphertext = fieldValue(TYPE, "a", "phone");
    byte[] notesCiphertext = fieldValue(TYPE, "a", "notes");
    at(FIELD_RETENTION.plusDays(1));
    // The scan sees plaintext: plain fields are found before the sweep.
    assertThat(found("IP" + run + "a")).isTrue();
    assertThat(found(cardCiphertext)).isTrue();

    SweepReport fields = hookGuard.retention().sweep();

    assertThat(fields.fieldsDeleted()).isEqualTo(6);
    assertThat(fields.recordsDeleted()).isZero();
    assertThat(fields.dayKeysDestroyed()).isEqualTo(1);
    for (String gone : List.of("IP" + run + "a", "IP" + run + "b")) {
      assertThat(found(gone)).as(gone).isFalse();
    }
    assertThat(found(cardCiphertext)).isFalse();
    assertThat(found(phoneCiphertext)).isFalse();
    assertThat(found("STATUS" + run + "a")).isTrue();
    StoredRecord a = signups.get("a").orElseThrow();
    assertThat(a.fieldJson()).containsOnlyKeys("status", "email", "notes");
    assertThat(a.expiredFields()).containsExactly("phone", "card", "ip");

    at(RECORD_RETENTION.plusDays(1));
    SweepReport records = hookGuard.retention().sweep();

    assertThat(records.recordsDeleted()).isEqualTo(2);
    assertThat(records.fieldsDeleted()).isZero();
    assertThat(rows("hg_fields", TYPE)).as("the records' field rows with them").isZero();
    assertThat(records.dayKeysDestroyed()).isEqualTo(1);
    for (String gone : List.of("STATUS" + run + "a", "STATUS" + run + "b")) {
      assertThat(found(gone)).as(gone).isFalse();
    }
    assertThat(found(notesCiphertext)).isFalse();
    assertThat(found("MEMO" + run)).isTrue();
    assertThat(ledger.get("kept").orElseThrow().fieldJson())
        .containsEntry("entry", "\"ENTRY" + run + "\"");
  }

  @Test
  void theSweepAuditsEachDeletionAndDestructionOnceWithoutValues() {
    signups.put("a", signup(run + "a"), false);
    signups.put("b", signup(run + "b"), false);
    at(RECORD_RETENTION.plusDays(1));

    SweepReport report = hookGuard.retention().sweep();
    SweepReport again = hookGuard.retention().sweep();

    assertThat(report.recordsDeleted()).isEqualTo(2);
    assertThat(report.dayKeysDestroyed()).isEqualTo(2);
    assertThat(again.recordsDeleted() + again.fieldsDeleted() + again.dayKeysDestroyed()).isZero();
    List<AuditEvent> events = audit.events();
    assertThat(events)
        .filteredOn(e -> e.kind() == AuditEvent.Kind.SWEEP_RECORD_DELETED)
        .extracting(AuditEvent::recordId)
        .containsExactlyInAnyOrder("a", "b");
    assertThat(events)
        .filteredOn(e -> e.kind() == AuditEvent.Kind.SWEEP_RECORD_DELETED)
        .allSatisfy(
            e -> assertThat(e.fields())
                .containsExactlyInAnyOrder("status", "email", "phone", "card", "ip", "notes"));
    assertThat(events)
        .filteredOn(e -> e.kind() == AuditEvent.Kind.RETENTION_KEY_DESTROYED)
        .extracting(AuditEvent::recordId)
        .containsExactlyInAnyOrder(
            "day:" + day(FIELD_RETENTION), "day:" + day(RECORD_RETENTION));
    assertThat(events.toString()).doesNotContain(run);
  }

  /**
   * Records past the expiry stored with them and records only a shortened retention expires are
   * swept alike, in batches that take the first kind first and fill up with the second.
   */
  @Test
  void recordsPastTheirStoredExpiryAndPastAShortenedRetentionAreSweptInMixedBatches() {
    for (int i = 0; i < 4; i++) {
      signups.put("kept30-" + i, signup(run + "a" + i), false); // stored to expire on day 30
    }
    StoreSchema shorter = new StoreSchema(TYPE, OptionalInt.of(10), SIGNUPS.fields());
    hookGuard.close();
    hookGuard = newInstance();
    PayloadTable now = GeneratedStores.table(hookGuard, shorter);
    for (int i = 0; i < 4; i++) {
      now.put("kept10-" + i, signup(run + "b" + i), false); // stored to expire on day 10
    }

    at(Duration.ofDays(11));
    List<SweepProgress> progress = new ArrayList<>();
    SweepReport report = hookGuard.retention()
        .sweep(SweepOptions.defaults().withBatchSize(3).withListener(progress::add));

    assertThat(report.recordsDeleted()).isEqualTo(8);
    assertThat(progress)
        .filteredOn(p -> p.phase() == SweepProgress.Phase.RECORDS)
        .extracting(SweepProgress::recordsDeleted)
        .containsExactly(3L, 6L, 8L);
    for (int i = 0; i < 4; i++) {
      assertThat(now.get("kept30-" + i)).isEmpty();
      assertThat(now.get("kept10-" + i)).isEmpty();
    }
    assertThat(hookGuard.retention().report().recordsPastExpiry()).isZero();
  }

  /** A batch larger than one delete statement takes is deleted whole, every record audited. */
  @Test
  void aBatchOfMoreRecordsThanOneStatementTakesIsSweptWholeAndAudited() {
    Map<String, Map<String, String>> many = new LinkedHashMap<>();
    for (int i = 0; i < 1_203; i++) {
      many.put("bulk-" + i, signup(run + "bulk" + i));
    }
    signups.putAll(many, false);
    at(RECORD_RETENTION.plusDays(1));

    SweepReport report =
        hookGuard.retention().sweep(SweepOptions.defaults().withBatchSize(2_000));

    assertThat(report.recordsDeleted()).isEqualTo(1_203);
    assertThat(report.batches()).isEqualTo(1);
    assertThat(signups.get("bulk-0")).isEmpty();
    assertThat(signups.get("bulk-1202")).isEmpty();
    assertThat(audit.events())
        .filteredOn(e -> e.kind() == AuditEvent.Kind.SWEEP_RECORD_DELETED)
        .hasSize(1_203)
        .allSatisfy(e -> assertThat(e.fields())
            .containsExactly("card", "email", "ip", "notes", "phone", "status"));
  }

  @Test
  void progressIsReportedPerBatch() {
    for (int i = 0; i < 7; i++) {
      signups.put("r" + i, signup(run + i), false);
    }
    at(RECORD_RETENTION);
    List<SweepProgress> progress = new ArrayList<>();

    SweepReport report =
        hookGuard.retention().sweep(SweepOptions.defaults().withBatchSize(3).withListener(progress::add));

    assertThat(report.recordsDeleted()).isEqualTo(7);
    assertThat(report.batches()).isEqualTo(3);
    assertThat(progress)
        .filteredOn(p -> p.phase() == SweepProgress.Phase.RECORDS)
        .extracting(SweepProgress::recordsDeleted)
        .containsExactly(3L, 6L, 7L);
  }

  // ------------------------------------------------------------------ report

  @Test
  void theReportShowsRetentionPerTypeAndFieldAndNothingPastExpiryAfterASweep() {
    for (int i = 0; i < 3; i++) {
      signups.put("first" + i, signup(run + "f" + i), false);
    }
    at(Duration.ofDays(1));
    signups.put("second0", signup(run + "s0"), false);
    signups.put("second1", signup(run + "s1"), false);
    ledger.put("kept", Map.of("entry", "1", "memo", "\"m\""), false);
    at(FIELD_RETENTION.plusHours(1));

    RetentionReport before = hookGuard.retention().report();

    RetentionReport.PayloadTypeRetention type = before.type(TYPE).orElseThrow();
    assertThat(type.retainDays()).hasValue(30);
    assertThat(type.records()).isEqualTo(5);
    assertThat(type.oldestReceivedAt()).contains(T0);
    assertThat(type.recordsByExpiryDay())
        .containsExactly(
            Map.entry(day(RECORD_RETENTION), 3L),
            Map.entry(day(RECORD_RETENTION.plusDays(1)), 2L));
    assertThat(type.recordsPastExpiry()).isZero();
    RetentionReport.FieldRetention card = type.field("card").orElseThrow();
    assertThat(card.retainDays()).hasValue(7);
    assertThat(card.valuesByExpiryDay())
        .containsExactly(
            Map.entry(day(FIELD_RETENTION), 3L), Map.entry(day(FIELD_RETENTION.plusDays(1)), 2L));
    assertThat(card.valuesPastExpiry()).isEqualTo(3);
    assertThat(before.fieldsPastExpiry()).isEqualTo(9);
    assertThat(before.liveDayKeys())
        .contains(day(FIELD_RETENTION), day(RECORD_RETENTION), day(RECORD_RETENTION.plusDays(1)));
    assertThat(before.type(LEDGER).orElseThrow().retainDays()).isEmpty();
    assertThat(before.type(LEDGER).orElseThrow().records()).isEqualTo(1);
    assertThat(before.lastSweepFinishedAt()).isEmpty();

    hookGuard.retention().sweep();
    RetentionReport after = hookGuard.retention().report();

    assertThat(after.recordsPastExpiry()).isZero();
    assertThat(after.fieldsPastExpiry()).isZero();
    assertThat(after.type(TYPE).orElseThrow().field("card").orElseThrow().valuesByExpiryDay())
        .containsExactly(Map.entry(day(FIELD_RETENTION.plusDays(1)), 2L));
    assertThat(after.lastSweepFinishedAt()).contains(clock.instant());
    assertThat(after.toString()).doesNotContain(run);
  }

  // ------------------------------------------------------------------ crypto-shredding

  @Test
  void aBackupTakenBeforeExpiryCannotBeDecryptedOnceTheSweepDestroyedItsDayKey() throws Exception {
    signups.put("a", signup(run), false);
    at(Duration.ofDays(1));
    try (Backup backup = takeBackup()) {
      at(FIELD_RETENTION.plusDays(1));
      assertThat(hookGuard.retention().sweep().dayKeysDestroyed()).isEqualTo(1);
      assertThat(hookGuard.retention().report().liveDayKeys()).doesNotContain(day(FIELD_RETENTION));

      // Whoever restores the backup may also turn its clock back: read-time enforcement does not
      // stop them, the destroyed key does.
      TestClock rewound = new TestClock(T0.plus(Duration.ofDays(1)));
      try (HookGuard restored =
          backup.configure(HookGuard.builder(), true).masterKey(masterKey).clock(rewound).build()) {
        StoredRecord fromBackup = GeneratedStores.table(restored, SIGNUPS).get("a").orElseThrow();

        assertThat(fromBackup.expiredFields()).containsExactly("card");
        assertThat(fromBackup.fieldJson()).doesNotContainKey("card");
        assertThat(fromBackup.fieldJson().values()).noneMatch(v -> v.contains("CARD"));
        // Randomized fields of live days still open: the key store is the live one.
        assertThat(fromBackup.fieldJson()).containsEntry("notes", "\"NOTE" + run + "\"");
        // Documented limit: deterministic and plain fields are deleted by the sweep, not
        // shredded, so a backup taken before the sweep still holds them.
        assertThat(fromBackup.fieldJson()).containsKeys("phone", "ip");
      }

      // A key store that never held the record's day keys is an error, never plaintext.
      try (HookGuard foreignKeys =
          backup.configure(HookGuard.builder(), false).masterKey(masterKey).clock(rewound).build()) {
        assertThatThrownBy(() -> GeneratedStores.table(foreignKeys, SIGNUPS).get("a"))
            .isInstanceOf(KeyException.class)
            .satisfies(e -> assertThat(((KeyException) e).reason())
                .isEqualTo(KeyException.Reason.DAY_KEY_MISSING))
            .hasMessageNotContaining(run);
        // A reveal that fails so is on the audit trail all the same.
        assertThatThrownBy(() -> GeneratedStores.table(foreignKeys, SIGNUPS)
                .reveal("a", Accessor.of("support", Sensitive.Category.values()), "ticket 7"))
            .isInstanceOf(KeyException.class);
        if (!backupsTakeWrites()) {
          return;
        }
        assertThat(foreignKeys.audit().tail(1))
            .singleElement()
            .satisfies(entry -> {
              assertThat(entry.event().kind()).isEqualTo(AuditEvent.Kind.REVEAL_FAILED);
              assertThat(entry.event().reason()).isEqualTo("failed: KeyException");
              assertThat(entry.event().purpose()).isEqualTo("ticket 7");
            });
      }
    }
  }

  /** Whether a restored backup can be written to (its audit trail too). */
  boolean backupsTakeWrites() {
    return true;
  }

  @Test
  void reencryptionKeepsDayKeyedFieldsUnderTheirDayAndDropsNothingUnexpired() {
    signups.put("a", signup(run), false);
    hookGuard.keys().rotate();
    assertThat(hookGuard.keys().reencrypt().remaining()).isZero();
    hookGuard.keys().destroyRetiredKeys();

    at(FIELD_RETENTION.minusMillis(1));
    assertThat(signups.get("a").orElseThrow().fieldJson()).containsExactlyEntriesOf(signup(run));
    at(FIELD_RETENTION.plusDays(1));
    hookGuard.retention().sweep();
    assertThat(signups.get("a").orElseThrow().fieldJson())
        .containsEntry("notes", "\"NOTE" + run + "\"");
  }

  @Test
  void reencryptionPastAFieldsExpiryNeitherOpensNorSealsItAgain() throws Exception {
    signups.put("a", signup(run), false);
    hookGuard.keys().rotate();
    byte[] card = fieldValue(TYPE, "a", "card");
    at(FIELD_RETENTION.plusDays(1)); // phone, card and ip expired; no sweep has run

    assertThat(hookGuard.keys().reencrypt().remaining()).isZero();

    // The card, sealed under its day key, is kept byte for byte for the sweep to shred; the
    // phone (under the data keys) and the plain ip are dropped, as the sweep would drop them.
    assertThat(fieldValue(TYPE, "a", "card")).isEqualTo(card);
    assertThatThrownBy(() -> fieldValue(TYPE, "a", "phone"))
        .isInstanceOf(SQLException.class).hasMessage("no packed field phone");
    assertThatThrownBy(() -> fieldValue(TYPE, "a", "ip"))
        .isInstanceOf(SQLException.class).hasMessage("no packed field ip");
    hookGuard.keys().destroyRetiredKeys();
    assertThat(signups.get("a").orElseThrow().fieldJson())
        .containsEntry("notes", "\"NOTE" + run + "\"")
        .doesNotContainKeys("phone", "card", "ip");
    hookGuard.retention().sweep();
    assertThatThrownBy(() -> fieldValue(TYPE, "a", "card"))
        .isInstanceOf(SQLException.class).hasMessage("no packed field card");
  }

  // ------------------------------------------------------------------ helpers

  /** How many rows of payload type {@code type} {@code table} holds. */
  long rows(String table, String type) throws SQLException {
    try (Connection raw = backend.rawConnection();
        PreparedStatement count = raw.prepareStatement(
            "SELECT COUNT(*) FROM " + table + " WHERE payload_type = ?")) {
      count.setString(1, type);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  byte[] fieldValue(String type, String id, String path) throws SQLException {
    try (Connection raw = backend.rawConnection()) {
      return StoredValues.value(raw, type, id, path);
    }
  }



  boolean found(String marker) throws Exception {
    return found(marker.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether {@code needle} occurs anywhere in the record store, raw or in hex rendering. */
  boolean found(byte[] needle) throws Exception {
    byte[] hex = HexFormat.of().formatHex(needle).getBytes(StandardCharsets.US_ASCII);
    for (byte[] haystack : backend.everythingStored()) {
      if (indexOf(haystack, needle) >= 0 || indexOf(haystack, hex) >= 0) {
        return true;
      }
    }
    return false;
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
