package dev.hookguard.runtime.internal.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.hookguard.runtime.store.TamperedRecordException;
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
 * one field at a time. Both must read what either writes: a record of every protection, with two
 * days' keys and two data subjects, sealed one way opens the other way, with real keys (the
 * members of a field group, which only {@code seal} makes, each alone once the group is opened).
 * A field group binds its members to its record and to their paths.
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

  /** Each field opened alone; a field group's members each alone, once the group is opened. */
  private Map<String, String> openedOneByOne(SealedRecord record) {
    Map<String, String> json = new java.util.TreeMap<>();
    RecordCodec.verify(keys, record);
    for (SealedField field : record.fields()) {
      List<SealedField> opened = RecordCodec.isGroup(field)
          ? RecordCodec.members(opening(), record, field).orElseThrow()
          : List.of(field);
      for (SealedField each : opened) {
        json.put(each.path(), RecordCodec.openField(keys, dayKeys, record, each).orElseThrow());
      }
    }
    return new LinkedHashMap<>(json);
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
  void theFieldsARecordAboutSubjectsKeepsInItsRowAreSealedForThemOnceAsAGroup() throws Exception {
    List<PlainField> fields = fields(subjects);
    SealedRecord grouped = RecordCodec.seal(keys, dayKeys, "Order", "ord_5", NOW, null, fields);
    List<SealedField> oneByOne = new ArrayList<>();
    for (PlainField field : fields) {
      oneByOne.add(RecordCodec.sealField(keys, dayKeys, "Order", "ord_5", field));
    }

    // The fields with no token and the record's expiry (none) are the group's members; the
    // others keep a row of their own and their own subject layers.
    List<SealedField> groups = grouped.fields().stream().filter(RecordCodec::isGroup).toList();
    assertThat(groups).hasSize(1);
    assertThat(RecordCodec.memberPaths("Order", "ord_5", groups.get(0)))
        .containsExactly("id", "email", "total", "card");
    assertThat(grouped.fields()).extracting(SealedField::path)
        .containsExactly(RecordCodec.GROUP_PATH, "ip", "note", "phone", "sku");
    // One layer per subject for the four, not four: 2 x 3 x (key id, nonce, tag) fewer bytes.
    assertThat(storedBytes(grouped.fields())).isLessThan(storedBytes(oneByOne) - 200);
    // A record with a group has format 2, which versions before groups refuse as tampered.
    assertThat(grouped.format()).isEqualTo(2);
    // Not about anyone, or with one field to keep in its row: nothing to group, format 1.
    assertThat(RecordCodec.seal(keys, dayKeys, "Order", "ord_5", NOW, null, fields(List.of()))
        .fields()).noneMatch(RecordCodec::isGroup);
    SealedRecord single = RecordCodec.seal(keys, dayKeys, "Order", "ord_5", NOW, null,
        List.of(fields.get(0), fields.get(2), fields.get(5)));
    assertThat(single.fields()).noneMatch(RecordCodec::isGroup)
        .allSatisfy(field -> assertThat(field.protection() & RecordCodec.SUBJECT_SEALED)
            .isEqualTo(RecordCodec.SUBJECT_SEALED));
    assertThat(single.format()).isEqualTo(1);
    assertThat(RecordCodec.open(keys, dayKeys, single, path -> true, NOW).json())
        .containsOnlyKeys("id", "phone", "sku");
  }

  private RecordCodec.SubjectKeys opening() {
    return dayKeys.subjectKeys()::forOpening;
  }

  private static int storedBytes(List<SealedField> fields) {
    return fields.stream().mapToInt(field -> field.path().length() + field.value().length).sum();
  }

  @Test
  void aFieldGroupOpensOnlyInItsPlaceAndUnderItsMac() throws Exception {
    SealedRecord record =
        RecordCodec.seal(keys, dayKeys, "Order", "ord_6", NOW, null, fields(subjects));
    SealedField group = record.fields().get(0);
    assertThat(RecordCodec.isGroup(group)).isTrue();

    // A member renamed in the clear header: the record MAC shows it.
    byte[] renamed = group.value().clone();
    int at = indexOf(renamed, "total".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    renamed[at] = 'T';
    SealedRecord edited = withFirstField(record, new SealedField(
        group.path(), group.protection(), renamed, null, group.expiresAt()), record.mac());
    assertThatThrownBy(() -> RecordCodec.open(keys, dayKeys, edited, path -> true, NOW))
        .isInstanceOf(TamperedRecordException.class).hasMessageContaining("MAC");

    // Its members' paths swapped in the clear header, the record signed anew (a MAC key leaked):
    // the header is the group's associated data, so it no longer decrypts.
    List<String> paths = RecordCodec.memberPaths("Order", "ord_6", group);
    int headerLength = 3;
    for (String path : paths) {
      headerLength += 2 + path.length();
    }
    java.io.ByteArrayOutputStream swapped = new java.io.ByteArrayOutputStream();
    java.io.DataOutputStream out = new java.io.DataOutputStream(swapped);
    out.writeByte(1);
    out.writeShort(paths.size());
    out.writeUTF(paths.get(1));
    out.writeUTF(paths.get(0));
    for (int i = 2; i < paths.size(); i++) {
      out.writeUTF(paths.get(i));
    }
    out.write(group.value(), headerLength, group.value().length - headerLength);
    List<SealedField> reordered = new ArrayList<>(record.fields());
    reordered.set(0, new SealedField(
        group.path(), group.protection(), swapped.toByteArray(), null, group.expiresAt()));
    SealedRecord resignedSwap =
        RecordCodec.signed(keys, "Order", "ord_6", NOW, null, keys.generation(), reordered);
    assertThat(RecordCodec.memberPaths("Order", "ord_6", resignedSwap.fields().get(0)))
        .startsWith(paths.get(1), paths.get(0));
    assertThatThrownBy(() -> RecordCodec.open(keys, dayKeys, resignedSwap, path -> true, NOW))
        .isInstanceOf(TamperedRecordException.class)
        .hasMessageContaining("its field group does not decrypt in its place");

    // Moved into another record, even one signed anew (a MAC key leaked): it does not decrypt.
    SealedRecord other =
        RecordCodec.seal(keys, dayKeys, "Order", "ord_7", NOW, null, fields(subjects));
    List<SealedField> moved = new ArrayList<>(other.fields());
    moved.set(0, group);
    SealedRecord resigned =
        RecordCodec.signed(keys, "Order", "ord_7", NOW, null, keys.generation(), moved);
    assertThatThrownBy(() -> RecordCodec.open(keys, dayKeys, resigned, path -> true, NOW))
        .isInstanceOf(TamperedRecordException.class).hasMessageContaining("in its place");
  }

  @Test
  void aFieldGroupRegroupedWithoutAMemberOpensTheRestAndNothingOnceItsSubjectIsErased()
      throws Exception {
    SealedRecord record =
        RecordCodec.seal(keys, dayKeys, "Order", "ord_8", NOW, null, fields(subjects));
    SealedField group = record.fields().get(0);

    SealedField rest = RecordCodec.regroup(opening(), record, group, members -> members.stream()
        .filter(member -> !member.path().equals("total")).toList()).orElseThrow();
    List<SealedField> fields = new ArrayList<>(record.fields());
    fields.set(0, rest);
    SealedRecord regrouped =
        RecordCodec.signed(keys, "Order", "ord_8", NOW, null, keys.generation(), fields);
    OpenedFields opened = RecordCodec.open(keys, dayKeys, regrouped, path -> true, NOW);
    assertThat(opened.json()).doesNotContainKey("total")
        .containsEntry("card", "\"4242\"").containsEntry("id", "\"ord_1\"").hasSize(7);
    // Down to one member, the group is that field, sealed for the subjects on its own.
    SealedField single = RecordCodec.regroup(opening(), record, group, members -> members.stream()
        .filter(member -> member.path().equals("card")).toList()).orElseThrow();
    assertThat(single.path()).isEqualTo("card");
    assertThat(single.protection()).isEqualTo(RecordCodec.RANDOMIZED | RecordCodec.SUBJECT_SEALED);

    dayKeys.subjectKeys().destroy(dayKeys.subjectKeys().token("jenny@example.com"));
    assertThat(RecordCodec.regroup(opening(), regrouped, rest, members -> members)).isEmpty();
    assertThat(RecordCodec.members(opening(), regrouped, rest)).isEmpty();
  }

  private static SealedRecord withFirstField(SealedRecord record, SealedField first, byte[] mac) {
    List<SealedField> fields = new ArrayList<>(record.fields());
    fields.set(0, first);
    return new SealedRecord(record.payloadType(), record.id(), record.format(),
        record.receivedAt(), record.expiresAt(), record.keyGeneration(), mac, fields);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
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
