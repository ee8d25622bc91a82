package dev.hookguard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.audit.CollectingAuditSink;
import dev.hookguard.runtime.crypto.KeyException;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.crypto.ReencryptionProgress;
import dev.hookguard.runtime.crypto.ReencryptionReport;
import dev.hookguard.runtime.generated.FieldSpec;
import dev.hookguard.runtime.generated.GeneratedStores;
import dev.hookguard.runtime.generated.PayloadTable;
import dev.hookguard.runtime.generated.Protection;
import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.generated.StoredRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every backend must show, run once per backend by its subclass: storing and
 * reading, canaries absent from everything stored, tampering detected, rotation and
 * re-encryption, duplicates, access control and audit, two instances on one database.
 */
abstract class PayloadTableContract {

  static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
  static final String TYPE = "com.example.Order";

  static final StoreSchema SCHEMA =
      new StoreSchema(
          TYPE,
          OptionalInt.of(30),
          List.of(
              new FieldSpec("status", null, Protection.PLAIN, OptionalInt.empty()),
              new FieldSpec("email", Category.CONTACT, Protection.DETERMINISTIC, OptionalInt.empty()),
              new FieldSpec("card", Category.FINANCIAL, Protection.RANDOMIZED, OptionalInt.of(7)),
              new FieldSpec("notes", Category.PERSONAL, Protection.RANDOMIZED, OptionalInt.empty()),
              new FieldSpec("total", null, Protection.PLAIN, OptionalInt.empty())));

  static final Accessor SUPPORT = Accessor.of("support-desk", Category.CONTACT, Category.PERSONAL);
  static final Accessor BILLING =
      Accessor.of("billing", Category.CONTACT, Category.PERSONAL, Category.FINANCIAL);

  @TempDir Path work;

  StoreBackend backend;
  CollectingAuditSink audit;
  MasterKey masterKey;
  HookGuard hookGuard;
  PayloadTable orders;

  /** A fresh, empty database of this backend in {@code directory}. */
  abstract StoreBackend newBackend(Path directory) throws Exception;

  @BeforeEach
  void open() throws Exception {
    backend = newBackend(work);
    audit = new CollectingAuditSink();
    masterKey = MasterKey.localFile(work.resolve("keys").resolve("master.key"));
    hookGuard = newInstance();
    orders = GeneratedStores.table(hookGuard, SCHEMA);
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
    return backend
        .configure(HookGuard.builder())
        .masterKey(masterKey)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .auditSink(audit)
        .build();
  }

  static Map<String, String> order(String email, String card, String notes) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("status", "\"paid\"");
    fields.put("email", "\"" + email + "\"");
    fields.put("card", "\"" + card + "\"");
    fields.put("notes", notes == null ? "null" : "\"" + notes + "\"");
    fields.put("total", "1999");
    return fields;
  }

  // ---------------------------------------------------------------- put / get

  @Test
  void storedRecordReadsBackWithEveryFieldAndReceiptTime() {
    orders.put("ord_1", order("alice@example.com", "4242424242424242", "leave at door"), false);

    StoredRecord record = orders.get("ord_1").orElseThrow();

    assertThat(record.id()).isEqualTo("ord_1");
    assertThat(record.payloadType()).isEqualTo(TYPE);
    assertThat(record.receivedAt()).isEqualTo(NOW.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    assertThat(record.fieldJson())
        .containsExactly(
            Map.entry("status", "\"paid\""),
            Map.entry("email", "\"alice@example.com\""),
            Map.entry("card", "\"4242424242424242\""),
            Map.entry("notes", "\"leave at door\""),
            Map.entry("total", "1999"));
  }

  @Test
  void jsonNullIsKeptAndAnOmittedFieldReadsAsAbsent() {
    Map<String, String> fields = order("bob@example.com", "5555555555554444", null);
    fields.remove("total");
    orders.put("ord_null", fields, false);

    StoredRecord record = orders.get("ord_null").orElseThrow();

    assertThat(record.fieldJson()).containsEntry("notes", "null").doesNotContainKey("total");
  }

  @Test
  void missingRecordIsEmpty() {
    assertThat(orders.get("nope")).isEmpty();
  }

  @Test
  void unknownFieldAndMalformedJsonAreRefusedWithoutEchoingTheValue() {
    assertThatThrownBy(() -> orders.put("x", Map.of("secret", "\"s3cr3t\""), false))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("secret")
        .satisfies(e -> assertThat(((StoreException) e).reason())
            .isEqualTo(StoreException.Reason.INVALID_REQUEST));
    // Beside known fields too, and in a batch: the whole call is refused.
    assertThatThrownBy(() -> orders.putAll(Map.of("y", Map.of("card", "\"4242\"",
        "secret", "\"s3cr3t\""), "z", Map.of("card", "\"4343\"")), false))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("field secret is not in the schema")
        .hasMessageNotContaining("s3cr3t");
    assertThat(orders.get("y")).isEmpty();
    assertThat(orders.get("z")).isEmpty();
    assertThatThrownBy(() -> orders.put("x", Map.of("card", "\"4242 unterminated"), false))
        .isInstanceOf(StoreException.class)
        .hasMessageNotContaining("4242");
    assertThat(orders.get("x")).isEmpty();
  }

  @Test
  void deleteRemovesTheRecordAndReportsWhetherThereWasOne() {
    orders.put("ord_d", order("d@example.com", "4000000000000002", "n"), false);

    assertThat(orders.delete("ord_d")).isTrue();
    assertThat(orders.delete("ord_d")).isFalse();
    assertThat(orders.get("ord_d")).isEmpty();
    assertThat(orders.idsByValue("email", "\"d@example.com\"")).isEmpty();
  }

  /**
   * A record's field rows go with it, whichever way it goes: SQLite's foreign key cascades, and on
   * PostgreSQL, which has no key since schema version 8, a trigger deletes them.
   */
  @Test
  void noFieldRowOutlivesItsRecord() throws SQLException {
    for (String id : List.of("gone", "replaced", "replaced_in_batch")) {
      orders.put(id, order(id + "@example.com", "4242424242424242", "old " + id), false);
    }
    assertThat(fieldRows()).as("email and card of three records").hasSize(6);

    assertThat(orders.delete("gone")).isTrue();
    orders.put("replaced", order("new@example.com", "5555555555554444", "new"), true);
    Map<String, Map<String, String>> batch = new LinkedHashMap<>();
    batch.put("replaced_in_batch", order("batch@example.com", "5555555555554444", "new"));
    batch.put("added_in_batch", order("added@example.com", "5555555555554444", "new"));
    orders.putAll(batch, true);

    assertThat(fieldRows())
        .containsExactlyInAnyOrder(
            "replaced/card", "replaced/email", "replaced_in_batch/card", "replaced_in_batch/email",
            "added_in_batch/card", "added_in_batch/email");
    assertThat(orders.idsByValue("email", "\"gone@example.com\"")).isEmpty();
    assertThat(orders.idsByValue("email", "\"replaced@example.com\"")).isEmpty();
    assertThat(orders.get("replaced").orElseThrow().fieldJson())
        .containsEntry("email", "\"new@example.com\"");
  }

  /** Every row of {@code hg_fields} of this type, as {@code record/path}, whether or not its record is there. */
  List<String> fieldRows() throws SQLException {
    try (Connection raw = backend.rawConnection();
        PreparedStatement select =
            raw.prepareStatement(
                "SELECT record_id, path FROM hg_fields WHERE payload_type = ?")) {
      select.setString(1, TYPE);
      List<String> rows = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          rows.add(row.getString(1) + "/" + row.getString(2));
        }
      }
      return rows;
    }
  }

  @Test
  void payloadTypesDoNotSeeEachOthersRecords() {
    PayloadTable refunds =
        GeneratedStores.table(hookGuard, new StoreSchema("com.example.Refund", OptionalInt.empty(), SCHEMA.fields()));
    orders.put("same_id", order("o@example.com", "4111111111111111", "o"), false);
    refunds.put("same_id", order("r@example.com", "4111111111111111", "r"), false);

    assertThat(orders.get("same_id").orElseThrow().fieldJson()).containsEntry("notes", "\"o\"");
    assertThat(refunds.get("same_id").orElseThrow().fieldJson()).containsEntry("notes", "\"r\"");
    assertThat(refunds.idsByValue("email", "\"o@example.com\"")).isEmpty();
  }

  // ---------------------------------------------------------------- duplicates

  @Test
  void duplicateIdIsATypedErrorAndLeavesTheFirstRecordIntact() {
    orders.put("ord_dup", order("first@example.com", "4242424242424242", "first"), false);

    assertThatThrownBy(
            () -> orders.put("ord_dup", order("second@example.com", "1", "second"), false))
        .isInstanceOf(DuplicateRecordException.class)
        .satisfies(e -> assertThat(((StoreException) e).reason())
            .isEqualTo(StoreException.Reason.DUPLICATE_RECORD));

    assertThat(orders.get("ord_dup").orElseThrow().fieldJson()).containsEntry("notes", "\"first\"");
    assertThat(orders.idsByValue("email", "\"second@example.com\"")).isEmpty();
  }

  @Test
  void overwriteReplacesTheRecordWhenAskedFor() {
    orders.put("ord_ow", order("first@example.com", "4242424242424242", "first"), false);
    orders.put("ord_ow", order("second@example.com", "4242424242424242", "second"), true);

    assertThat(orders.get("ord_ow").orElseThrow().fieldJson())
        .containsEntry("email", "\"second@example.com\"");
    assertThat(orders.idsByValue("email", "\"first@example.com\"")).isEmpty();
    assertThat(orders.idsByValue("email", "\"second@example.com\"")).containsExactly("ord_ow");
  }

  @Test
  void putAllStoresEveryRecordInBatchesAcrossStatementLimits() {
    Map<String, Map<String, String>> records = new LinkedHashMap<>();
    for (int i = 0; i < 2_345; i++) {
      records.put("bulk_" + i, order("bulk" + (i % 7) + "@example.com", "4242" + i, "n" + i));
    }

    orders.putAll(records, false);

    assertThat(orders.get("bulk_0").orElseThrow().fieldJson()).isEqualTo(records.get("bulk_0"));
    assertThat(orders.get("bulk_1500").orElseThrow().fieldJson())
        .isEqualTo(records.get("bulk_1500"));
    assertThat(orders.get("bulk_2344").orElseThrow().fieldJson())
        .isEqualTo(records.get("bulk_2344"));
    assertThat(orders.idsByValue("email", "\"bulk3@example.com\""))
        .hasSize((int) records.keySet().stream()
            .filter(id -> Integer.parseInt(id.substring(5)) % 7 == 3).count());
  }

  @Test
  void putAllIsAllOrNothingOnADuplicateAndReplacesWithOverwrite() {
    orders.put("ord_b", order("first@example.com", "1", "first"), false);
    Map<String, Map<String, String>> records = new LinkedHashMap<>();
    records.put("ord_a", order("a@example.com", "2", "a"));
    records.put("ord_b", order("b@example.com", "3", "b"));
    records.put("ord_c", order("c@example.com", "4", "c"));

    assertThatThrownBy(() -> orders.putAll(records, false))
        .isInstanceOf(DuplicateRecordException.class)
        .hasMessageContaining("ord_b");
    assertThat(orders.get("ord_a")).isEmpty();
    assertThat(orders.get("ord_c")).isEmpty();
    assertThat(orders.get("ord_b").orElseThrow().fieldJson()).containsEntry("notes", "\"first\"");

    orders.putAll(records, true);
    assertThat(orders.get("ord_a").orElseThrow().fieldJson()).isEqualTo(records.get("ord_a"));
    assertThat(orders.get("ord_b").orElseThrow().fieldJson()).containsEntry("notes", "\"b\"");
    assertThat(orders.idsByValue("email", "\"first@example.com\"")).isEmpty();
  }

  @Test
  void putAllSealedChunkByChunkStoresEachRecordUnderItsOwnIdAndADuplicateInALaterChunkUndoesAll() {
    // A batch is sealed in chunks by another thread while the chunk before is inserted: every
    // record must still carry its own fields, and a duplicate found in the last chunk must take
    // back the chunks already inserted.
    orders.put("chunk_130", order("taken@example.com", "1", "taken"), false);
    Map<String, Map<String, String>> records = new LinkedHashMap<>();
    for (int i = 0; i < 131; i++) {
      records.put("chunk_" + i, order("c" + i + "@example.com", "4000" + i, "note " + i));
    }

    assertThatThrownBy(() -> orders.putAll(records, false))
        .isInstanceOf(DuplicateRecordException.class)
        .hasMessageContaining("chunk_130");
    assertThat(orders.get("chunk_0")).isEmpty();
    assertThat(orders.get("chunk_129")).isEmpty();
    assertThat(orders.idsByValue("email", "\"c5@example.com\"")).isEmpty();
    assertThat(orders.get("chunk_130").orElseThrow().fieldJson())
        .containsEntry("notes", "\"taken\"");

    records.remove("chunk_130");
    orders.putAll(records, false);
    for (Map.Entry<String, Map<String, String>> record : records.entrySet()) {
      assertThat(orders.get(record.getKey()).orElseThrow().fieldJson())
          .as(record.getKey())
          .isEqualTo(record.getValue());
    }
    assertThat(orders.idsByValue("email", "\"c77@example.com\"")).containsExactly("chunk_77");
  }

  @Test
  void putAllRefusesABadFieldBeforeWritingAnything() {
    Map<String, Map<String, String>> records = new LinkedHashMap<>();
    records.put("ord_ok", order("ok@example.com", "1", "ok"));
    Map<String, String> bad = order("bad@example.com", "2", "bad");
    bad.put("nope", "1");
    records.put("ord_bad", bad);

    assertThatThrownBy(() -> orders.putAll(records, false)).isInstanceOf(StoreException.class);
    assertThat(orders.get("ord_ok")).isEmpty();
  }

  // ---------------------------------------------------------------- look-ups

  @Test
  void deterministicFieldFindsEveryRecordWithThatValueInCanonicalForm() {
    orders.put("a", order("same@example.com", "1", "x"), false);
    orders.put("b", order("other@example.com", "2", "y"), false);
    orders.put("c", order("same@example.com", "3", "z"), false);

    assertThat(orders.idsByValue("email", "\"same@example.com\"")).containsExactly("a", "c");
    assertThat(orders.idsByValue("email", "  \"same@example.com\"\n")).containsExactly("a", "c");
    assertThat(orders.idsByValue("email", "\"nobody@example.com\"")).isEmpty();
  }

  @Test
  void lookUpOnANonDeterministicFieldIsRefused() {
    assertThatThrownBy(() -> orders.idsByValue("card", "\"4242\""))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("card")
        .hasMessageNotContaining("4242");
  }

  @Test
  void lookUpUsesTheTokenIndex() throws SQLException {
    try (Connection raw = backend.rawConnection();
        ResultSet rows =
            raw.getMetaData().getIndexInfo(null, raw.getSchema(), "hg_fields", false, false)) {
      List<String> indexed = new ArrayList<>();
      while (rows.next()) {
        if ("hg_fields_lookup".equalsIgnoreCase(rows.getString("INDEX_NAME"))) {
          indexed.add(rows.getString("COLUMN_NAME"));
        }
      }
      assertThat(indexed).containsExactly("payload_type", "path", "lookup_token", "record_id");
    }
  }

  // ---------------------------------------------------------------- canaries

  @Test
  void canariesOfEncryptedFieldsAppearNowhereInTheDatabaseNorInKeyFiles() throws Exception {
    String run = UUID.randomUUID().toString().replace("-", "");
    List<String> secret = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String randomized = "CANARYR" + run + i;
      String deterministic = "CANARYD" + run + i + "@example.com";
      secret.add(randomized);
      secret.add(deterministic);
      Map<String, String> fields = order(deterministic, randomized, "NOTE" + randomized);
      fields.put("status", "\"PLAINVISIBLE" + run + "\"");
      orders.put("ord_" + i, fields, false);
    }
    orders.put("ord_0", order("CANARYD" + run + "0@example.com", "CANARYR" + run + "0", "n"), true);
    hookGuard.keys().rotate();
    hookGuard.keys().reencrypt();

    List<byte[]> stored = backend.everythingStored();
    // The scan can see plaintext: the plain field's marker is found.
    assertThat(containsAnywhere(stored, "PLAINVISIBLE" + run)).isTrue();
    for (String canary : secret) {
      assertThat(containsAnywhere(stored, canary)).as("canary %s in the database", canary).isFalse();
    }

    List<byte[]> keyFiles = new ArrayList<>();
    try (Stream<Path> files = Files.walk(work.resolve("keys"))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        keyFiles.add(Files.readAllBytes(file));
      }
    }
    assertThat(keyFiles).isNotEmpty();
    for (String canary : secret) {
      assertThat(containsAnywhere(keyFiles, canary)).isFalse();
    }
  }

  static boolean containsAnywhere(List<byte[]> contents, String marker) {
    for (String form : List.of(marker, PostgresBackend.hex(marker))) {
      byte[] needle = form.getBytes(StandardCharsets.UTF_8);
      for (byte[] haystack : contents) {
        if (indexOf(haystack, needle) >= 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
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

  // ---------------------------------------------------------------- tampering

  byte[] fieldValue(String id, String path) throws SQLException {
    try (Connection raw = backend.rawConnection()) {
      return StoredValues.value(raw, TYPE, id, path);
    }
  }

  void setFieldValue(String id, String path, byte[] value) throws SQLException {
    try (Connection raw = backend.rawConnection()) {
      StoredValues.setValue(raw, TYPE, id, path, value);
    }
  }

  byte[] recordMac(String id) throws SQLException {
    try (Connection raw = backend.rawConnection();
        PreparedStatement select =
            raw.prepareStatement(
                "SELECT mac FROM hg_records WHERE payload_type = ? AND record_id = ?")) {
      select.setString(1, TYPE);
      select.setString(2, id);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        return row.getBytes(1);
      }
    }
  }

  void setRecordMac(String id, byte[] mac) throws SQLException {
    try (Connection raw = backend.rawConnection();
        PreparedStatement update =
            raw.prepareStatement(
                "UPDATE hg_records SET mac = ? WHERE payload_type = ? AND record_id = ?")) {
      update.setBytes(1, mac);
      update.setString(2, TYPE);
      update.setString(3, id);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  void rawUpdate(String sql, String id) throws SQLException {
    try (Connection raw = backend.rawConnection();
        PreparedStatement update = raw.prepareStatement(sql)) {
      update.setString(1, id);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  void twoRecords() {
    orders.put("A", order("a@example.com", "4242424242424242", "note a"), false);
    orders.put("B", order("b@example.com", "5555555555554444", "note b"), false);
  }

  @Test
  void ciphertextSwappedBetweenRecordsIsTampering() throws SQLException {
    twoRecords();
    setFieldValue("A", "card", fieldValue("B", "card"));

    assertThatThrownBy(() -> orders.get("A")).isInstanceOf(TamperedRecordException.class);
    assertThat(orders.get("B")).isPresent();
  }

  @Test
  void ciphertextAndMacSwappedBetweenRecordsIsStillTampering() throws SQLException {
    twoRecords();
    for (String path : List.of("status", "email", "card", "notes", "total")) {
      setFieldValue("A", path, fieldValue("B", path));
    }
    setRecordMac("A", recordMac("B"));

    assertThatThrownBy(() -> orders.get("A"))
        .isInstanceOf(TamperedRecordException.class)
        .hasMessageNotContaining("5555");
  }

  @Test
  void deterministicCiphertextSwappedBetweenRecordsIsTampering() throws SQLException {
    twoRecords();
    setFieldValue("A", "email", fieldValue("B", "email"));

    assertThatThrownBy(() -> orders.get("A")).isInstanceOf(TamperedRecordException.class);
  }

  @Test
  void ciphertextsSwappedBetweenFieldsAreTampering() throws SQLException {
    twoRecords();
    byte[] card = fieldValue("A", "card");
    setFieldValue("A", "card", fieldValue("A", "notes"));
    setFieldValue("A", "notes", card);

    assertThatThrownBy(() -> orders.get("A")).isInstanceOf(TamperedRecordException.class);
  }

  @Test
  void editedPlaintextColumnIsTampering() throws SQLException {
    twoRecords();
    setFieldValue("A", "total", "1".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> orders.get("A"))
        .isInstanceOf(TamperedRecordException.class)
        .hasMessageContaining("MAC");
  }

  @Test
  void editedReceiptTimeIsTampering() throws SQLException {
    twoRecords();
    rawUpdate(
        "UPDATE hg_records SET received_at = received_at - 86400000 WHERE record_id = ?", "A");

    assertThatThrownBy(() -> orders.get("A")).isInstanceOf(TamperedRecordException.class);
  }

  @Test
  void removedFieldRowIsTampering() throws SQLException {
    twoRecords();
    rawUpdate("DELETE FROM hg_fields WHERE record_id = ? AND path = 'card'", "A");

    assertThatThrownBy(() -> orders.get("A")).isInstanceOf(TamperedRecordException.class);
  }

  @Test
  void truncatedCiphertextIsTampering() throws SQLException {
    twoRecords();
    byte[] card = fieldValue("A", "card");
    setFieldValue("A", "card", java.util.Arrays.copyOf(card, card.length - 1));

    assertThatThrownBy(() -> orders.get("A")).isInstanceOf(TamperedRecordException.class);
  }

  // ---------------------------------------------------------------- keys

  @Test
  void rotationThenReencryptionThenDestructionLeavesEveryRecordReadable() throws SQLException {
    for (int i = 0; i < 130; i++) {
      orders.put("old_" + i, order("user" + (i % 7) + "@example.com", "card" + i, "n" + i), false);
    }
    byte[] oldCard = fieldValue("old_0", "card");
    byte[] oldMac = recordMac("old_0");
    assertThat(hookGuard.keys().generation()).isEqualTo(1);

    assertThat(hookGuard.keys().rotate()).isEqualTo(2);
    orders.put("new_0", order("user0@example.com", "fresh", "n"), false);
    // Old keys still decrypt and old tokens still match before re-encryption.
    assertThat(orders.get("old_5").orElseThrow().fieldJson()).containsEntry("card", "\"card5\"");
    assertThat(orders.idsByValue("email", "\"user0@example.com\"")).contains("old_0", "new_0");
    assertThatThrownBy(() -> hookGuard.keys().destroyRetiredKeys())
        .isInstanceOf(KeyException.class)
        .satisfies(e -> assertThat(((KeyException) e).reason())
            .isEqualTo(KeyException.Reason.REENCRYPTION_INCOMPLETE));

    List<ReencryptionProgress> progress = new ArrayList<>();
    ReencryptionReport report = hookGuard.keys().reencrypt(progress::add);

    assertThat(report).isEqualTo(new ReencryptionReport(130, 0, 2));
    assertThat(progress)
        .extracting(ReencryptionProgress::done)
        .containsExactly(100L, 130L);
    assertThat(progress).allSatisfy(p -> assertThat(p.total()).isEqualTo(130));
    assertThat(fieldValue("old_0", "card")).isNotEqualTo(oldCard);

    assertThat(hookGuard.keys().destroyRetiredKeys()).isEqualTo(4);
    assertThat(hookGuard.keys().destroyRetiredKeys()).isZero();

    for (int i = 0; i < 130; i++) {
      assertThat(orders.get("old_" + i).orElseThrow().fieldJson())
          .containsEntry("card", "\"card" + i + "\"");
    }
    assertThat(orders.idsByValue("email", "\"user0@example.com\"")).contains("old_0", "new_0");
    try (HookGuard restarted = newInstance()) {
      assertThat(GeneratedStores.table(restarted, SCHEMA).get("old_129")).isPresent();
    }

    // A copy of the record taken before re-encryption no longer opens: its key is gone.
    setFieldValue("old_0", "card", oldCard);
    setRecordMac("old_0", oldMac);
    rawUpdate("UPDATE hg_records SET key_generation = 1 WHERE record_id = ?", "old_0");
    assertThatThrownBy(() -> orders.get("old_0")).isInstanceOf(TamperedRecordException.class);
  }

  @Test
  void interruptedReencryptionResumesAndLosesNothing() {
    for (int i = 0; i < 250; i++) {
      orders.put("r" + i, order("u" + i + "@example.com", "c" + i, "n" + i), false);
    }
    hookGuard.keys().rotate();

    assertThatThrownBy(
            () ->
                hookGuard
                    .keys()
                    .reencrypt(
                        p -> {
                          throw new IllegalStateException("simulated crash after first batch");
                        }))
        .isInstanceOf(IllegalStateException.class);
    for (int i = 0; i < 250; i++) {
      assertThat(orders.get("r" + i)).isPresent();
    }

    ReencryptionReport resumed = hookGuard.keys().reencrypt();

    assertThat(resumed).isEqualTo(new ReencryptionReport(150, 0, 2));
    hookGuard.keys().destroyRetiredKeys();
    for (int i = 0; i < 250; i++) {
      assertThat(orders.get("r" + i).orElseThrow().fieldJson()).containsEntry("card", "\"c" + i + "\"");
    }
  }

  @Test
  void aDifferentMasterKeyCannotOpenTheStore() {
    hookGuard.close();
    hookGuard = null;
    MasterKey other = MasterKey.localFile(work.resolve("other.key"));

    assertThatThrownBy(
            () -> backend.configure(HookGuard.builder()).masterKey(other).build().close())
        .isInstanceOf(KeyException.class)
        .satisfies(e -> assertThat(((KeyException) e).reason())
            .isEqualTo(KeyException.Reason.KEYSET_UNREADABLE));
  }

  // ---------------------------------------------------------------- access and audit

  @Test
  void revealWithoutACategoryIsRefusedWholeAndAudited() {
    orders.put("ord_s", order("s@example.com", "4242424242424242", "secret note"), false);

    assertThatThrownBy(() -> orders.reveal("ord_s", SUPPORT, "ticket 7"))
        .isInstanceOf(AccessDeniedException.class)
        .satisfies(e -> assertThat(((AccessDeniedException) e).missing())
            .containsExactly(Category.FINANCIAL))
        .hasMessageNotContaining("4242");

    assertThat(audit.events()).hasSize(1);
    AuditEvent event = audit.events().get(0);
    assertThat(event.kind()).isEqualTo(AuditEvent.Kind.REVEAL_DENIED);
    assertThat(event.accessor()).isEqualTo("support-desk");
    assertThat(event.purpose()).isEqualTo("ticket 7");
    assertThat(event.recordId()).isEqualTo("ord_s");
    assertThat(event.time()).isEqualTo(NOW);
    assertThat(event.reason()).contains("FINANCIAL");
  }

  @Test
  void revealWithEveryCategoryGivesPlaintextAndIsAudited() {
    orders.put("ord_s", order("s@example.com", "4242424242424242", "secret note"), false);

    StoredRecord revealed = orders.reveal("ord_s", BILLING, "chargeback 12").orElseThrow();

    assertThat(revealed.fieldJson()).containsEntry("card", "\"4242424242424242\"");
    AuditEvent event = audit.events().get(0);
    assertThat(event.kind()).isEqualTo(AuditEvent.Kind.REVEAL_GRANTED);
    assertThat(event.fields()).containsExactly("status", "email", "card", "notes", "total");
  }

  @Test
  void revealOfChosenFieldsNeedsOnlyTheirCategories() {
    orders.put("ord_s", order("s@example.com", "4242424242424242", "secret note"), false);

    StoredRecord revealed =
        orders.reveal("ord_s", SUPPORT, "ticket 7", Set.of("email", "notes")).orElseThrow();

    assertThat(revealed.fieldJson()).containsOnlyKeys("email", "notes");
    assertThat(audit.events().get(0).fields()).containsExactly("email", "notes");
    assertThatThrownBy(() -> orders.reveal("ord_s", SUPPORT, "ticket 7", Set.of("card")))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void everyRevealOutcomeIsAuditedAndNoEventHoldsAValue() throws SQLException {
    orders.put("ord_s", order("s@example.com", "4242424242424242", "secret note"), false);
    orders.put("ord_t", order("t@example.com", "5555555555554444", "other note"), false);
    setFieldValue("ord_t", "notes", fieldValue("ord_s", "notes"));

    orders.reveal("ord_s", BILLING, "p1");
    orders.reveal("missing", BILLING, "p2");
    assertThatThrownBy(() -> orders.reveal("ord_s", SUPPORT, "p3"))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> orders.reveal("ord_t", BILLING, "p4"))
        .isInstanceOf(TamperedRecordException.class);

    assertThat(audit.events())
        .extracting(AuditEvent::kind)
        .containsExactly(
            AuditEvent.Kind.REVEAL_GRANTED,
            AuditEvent.Kind.REVEAL_NOT_FOUND,
            AuditEvent.Kind.REVEAL_DENIED,
            AuditEvent.Kind.REVEAL_TAMPERED);
    for (AuditEvent event : audit.events()) {
      assertThat(event.toString())
          .doesNotContain("4242", "5555", "secret note", "other note", "s@example.com", "paid");
    }
  }

  @Test
  void aFailingAuditSinkMeansNoPlaintext() {
    orders.put("ord_s", order("s@example.com", "4242424242424242", "secret note"), false);
    hookGuard.close();
    hookGuard =
        backend
            .configure(HookGuard.builder())
            .masterKey(masterKey)
            .auditSink(
                event -> {
                  throw new IllegalStateException("audit store down");
                })
            .build();

    assertThatThrownBy(() -> GeneratedStores.table(hookGuard, SCHEMA).reveal("ord_s", BILLING, "p"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("audit store down");
  }

  // ---------------------------------------------------------------- two instances

  @Test
  void twoInstancesShareRecordsAndKeyChanges() {
    try (HookGuard second = newInstance()) {
      PayloadTable secondOrders = GeneratedStores.table(second, SCHEMA);
      orders.put("from_first", order("f@example.com", "1111", "first"), false);
      secondOrders.put("from_second", order("s@example.com", "2222", "second"), false);

      assertThat(secondOrders.get("from_first")).isPresent();
      assertThat(orders.get("from_second")).isPresent();

      // The first rotates; the second notices, on its next read as on its next write, and
      // writes under the new primary.
      hookGuard.keys().rotate();
      assertThat(secondOrders.get("from_first")).isPresent();
      assertThat(second.keys().generation()).isEqualTo(2);
      secondOrders.put("after_rotation", order("r@example.com", "3333", "r"), false);
      assertThat(second.keys().generation()).isEqualTo(2);
      assertThat(orders.get("after_rotation")).isPresent();

      // The second re-encrypts and destroys; the first still reads everything (its first read
      // finds its cached keys stale and loads them) and writes.
      assertThat(second.keys().reencrypt().remaining()).isZero();
      second.keys().destroyRetiredKeys();
      assertThat(orders.get("from_second")).isPresent();
      orders.put("after_destruction", order("d@example.com", "4444", "d"), false);
      for (String id : List.of("from_first", "from_second", "after_rotation", "after_destruction")) {
        assertThat(orders.get(id)).as(id).isPresent();
        assertThat(secondOrders.get(id)).as(id).isPresent();
      }
    }
  }
}
