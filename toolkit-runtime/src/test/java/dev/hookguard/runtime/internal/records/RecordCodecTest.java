package dev.hookguard.runtime.internal.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.generated.Protection;
import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.internal.keys.DataKeys;
import dev.hookguard.runtime.internal.keys.KeyRing;
import dev.hookguard.runtime.internal.keys.RetentionKeyStore;
import dev.hookguard.runtime.internal.keys.SubjectKeyStore;
import dev.hookguard.runtime.internal.records.RecordCodec.OpenedFields;
import dev.hookguard.runtime.internal.records.RecordCodec.PlainField;
import dev.hookguard.runtime.internal.records.RecordCodec.SealedField;
import dev.hookguard.runtime.internal.records.RecordCodec.SealedRecord;
import dev.hookguard.runtime.internal.schema.Migrations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RecordCodec#seal} and {@link RecordCodec#open} work key by key (every field under one key
 * before the next key), while {@link RecordCodec#sealField} and {@link RecordCodec#openField} work
 * one field at a time. Both must give and read the same format: a record of every protection, with
 * two days' keys and two data subjects, sealed one way opens the other way, with real keys.
 */
class RecordCodecTest {

  private static final long NOW = Clock.systemUTC().millis();
  private static final long DAY = Duration.ofDays(1).toMillis();

  @TempDir Path work;

  private Database database;
  private RetentionKeyStore dayKeys;
  private DataKeys keys;
  private List<SubjectKeyStore.SealingKey> subjects;

  @BeforeEach
  void open() throws Exception {
    Clock clock = Clock.systemUTC();
    MasterKey masterKey = MasterKey.localFile(work.resolve("master.key"));
    database = Database.sqlite(work.resolve("records.db"));
    Migrations.migrate(database, clock);
    keys = KeyRing.open(database, masterKey, clock).cached();
    dayKeys = RetentionKeyStore.open(
        Database.sqlite(work.resolve("records.db.keys")), true, null, masterKey, clock);
    SubjectKeyStore subjectKeys = dayKeys.subjectKeys();
    subjects = subjectKeys.forSealing(
        List.of(subjectKeys.token("jenny@example.com"), subjectKeys.token("ada@example.com")));
  }

  @AfterEach
  void close() {
    dayKeys.close();
    database.close();
  }

  /** A field of each protection, day-keyed ones on two days, all about {@code about}. */
  private List<PlainField> fields(List<SubjectKeyStore.SealingKey> about) {
    return List.of(
        new PlainField("id", Protection.PLAIN, "\"ord_1\"", null, about),
        new PlainField("email", Protection.RANDOMIZED, "\"jenny@example.com\"", null, about),
        new PlainField("phone", Protection.RANDOMIZED, "\"+15555550100\"", NOW + 30 * DAY, about),
        new PlainField("total", Protection.PLAIN, "12.50", null, about),
        new PlainField("note", Protection.RANDOMIZED, "\"ring twice\"", NOW + 7 * DAY, about),
        new PlainField("sku", Protection.DETERMINISTIC, "\"SKU-1\"", null, about),
        new PlainField("ip", Protection.RANDOMIZED, "\"192.0.2.1\"", NOW + 30 * DAY, about),
        new PlainField("card", Protection.RANDOMIZED, "\"4242\"", null, about));
  }

  private static Map<String, String> expected(List<PlainField> fields) {
    Map<String, String> json = new LinkedHashMap<>();
    fields.stream()
        .sorted(java.util.Comparator.comparing(PlainField::path))
        .forEach(field -> json.put(field.path(), field.json()));
    return json;
  }

  private Map<String, String> openedOneByOne(SealedRecord record) {
    Map<String, String> json = new LinkedHashMap<>();
    RecordCodec.verify(keys, record);
    for (SealedField field : record.fields()) {
      json.put(field.path(), RecordCodec.openField(keys, dayKeys, record, field).orElseThrow());
    }
    return json;
  }

  @Test
  void aRecordSealedKeyByKeyOpensFieldByFieldAndKeyByKey() throws Exception {
    for (List<SubjectKeyStore.SealingKey> about :
        List.of(List.<SubjectKeyStore.SealingKey>of(), subjects.subList(0, 1), subjects)) {
      List<PlainField> fields = fields(about);
      SealedRecord record = RecordCodec.seal(keys, dayKeys, "Order", "ord_1", NOW, null, fields);

      assertThat(record.fields()).allSatisfy(field ->
          assertThat((field.protection() & RecordCodec.SUBJECT_SEALED) != 0)
              .isEqualTo(!about.isEmpty()));
      assertThat(openedOneByOne(record)).isEqualTo(expected(fields));
      OpenedFields opened = RecordCodec.open(keys, dayKeys, record, path -> true, NOW);
      assertThat(opened.json()).isEqualTo(expected(fields));
      assertThat(opened.expired()).isEmpty();
    }
  }

  @Test
  void aRecordSealedFieldByFieldOpensKeyByKey() throws Exception {
    List<PlainField> fields = fields(subjects);
    List<SealedField> sealed = new ArrayList<>();
    for (PlainField field : fields) {
      sealed.add(RecordCodec.sealField(keys, dayKeys, "Order", "ord_2", field));
    }
    SealedRecord record =
        RecordCodec.signed(keys, "Order", "ord_2", NOW, null, keys.generation(), sealed);

    OpenedFields opened = RecordCodec.open(keys, dayKeys, record, path -> true, NOW);

    assertThat(opened.json()).isEqualTo(expected(fields));
  }

  @Test
  void openingKeyByKeySkipsUnwantedFieldsAndReportsExpiredOnesInFieldOrder() throws Exception {
    SealedRecord record =
        RecordCodec.seal(keys, dayKeys, "Order", "ord_3", NOW, null, fields(subjects));

    OpenedFields opened = RecordCodec.open(
        keys, dayKeys, record, path -> !path.equals("email"), NOW + 10 * DAY);

    assertThat(opened.json()).containsOnlyKeys("card", "id", "ip", "phone", "sku", "total");
    assertThat(opened.expired()).containsExactly("note");
  }

  @Test
  void aFieldOfAnErasedSubjectIsReportedAsGoneWhileTheRecordStillVerifies() throws Exception {
    SealedRecord record =
        RecordCodec.seal(keys, dayKeys, "Order", "ord_4", NOW, null, fields(subjects));

    assertThat(dayKeys.subjectKeys().destroy(dayKeys.subjectKeys().token("ada@example.com")))
        .isEqualTo(1);
    OpenedFields opened = RecordCodec.open(keys, dayKeys, record, path -> true, NOW);

    assertThat(opened.json()).isEmpty();
    assertThat(opened.expired())
        .containsExactly("card", "email", "id", "ip", "note", "phone", "sku", "total");
  }

  @Test
  void aFieldsAssociatedDataKeepsItsFormat() throws Exception {
    // Records already stored were sealed with this exact encoding; a change would make them
    // unreadable, so it is written out here by hand rather than through the codec.
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
    for (Object part : new Object[] {"dev.hookguard.field", 1, "shop.Order", "ord_é", "total"}) {
      if (part instanceof Integer format) {
        out.writeInt(format);
      } else {
        byte[] utf8 = ((String) part).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
      }
    }

    assertThat(RecordCodec.associatedData("shop.Order", "ord_é", "total"))
        .isEqualTo(bytes.toByteArray());
  }
}
