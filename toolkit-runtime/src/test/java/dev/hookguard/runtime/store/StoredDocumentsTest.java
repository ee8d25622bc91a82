package dev.hookguard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookguard.runtime.generated.PayloadReader;
import dev.hookguard.runtime.generated.PayloadWriter;
import dev.hookguard.runtime.generated.PropertyNames;
import dev.hookguard.runtime.generated.StoredDocuments;
import dev.hookguard.runtime.generated.StoredRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredDocumentsTest {

  @Test
  void splitKeepsEveryFieldExactlyAndInOrder() {
    Map<String, String> fields = StoredDocuments.split(
        "{\"id\":\"o-1\",\"total\":403.00,\"big\":12345678901234567890.10,\"tags\":[\"a\",null],"
            + "\"address\":{\"city\":\"Berlin\"},\"note\":null}");
    assertThat(fields).containsExactly(
        Map.entry("id", "\"o-1\""),
        Map.entry("total", "403.00"),
        Map.entry("big", "12345678901234567890.10"),
        Map.entry("tags", "[\"a\",null]"),
        Map.entry("address", "{\"city\":\"Berlin\"}"),
        Map.entry("note", "null"));
  }

  @Test
  void joinIsTheInverseOfSplit() {
    String document = "{\"id\":\"o-1\",\"total\":403.00,\"nested\":{\"a\":[1,2.50]}}";
    assertThat(StoredDocuments.join(StoredDocuments.split(document))).isEqualTo(document);
  }

  @Test
  void splitRefusesWhatIsNotAnObject() {
    assertThatThrownBy(() -> StoredDocuments.split("[1]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StoredDocuments.split("{\"a\":")).isInstanceOf(IllegalArgumentException.class);
  }

  /** A random document's writer: a few properties of every kind, nested a few levels deep. */
  private static PayloadWriter.ValueWriter<Long> randomDocument() {
    return (out, seed) -> writeObject(out, new java.util.Random(seed), 0);
  }

  private static void writeObject(PayloadWriter out, java.util.Random random, int depth) {
    out.beginObject("Doc");
    int properties = random.nextInt(depth == 0 ? 12 : 4);
    for (int i = 0; i < properties; i++) {
      out.name("p" + i, random.nextBoolean() ? "p_" + i : "p\u00e9\"" + i);
      writeValue(out, random, depth);
    }
    out.endObject();
  }

  private static void writeValue(PayloadWriter out, java.util.Random random, int depth) {
    switch (random.nextInt(depth < 3 ? 10 : 7)) {
      case 0 -> out.nullValue();
      case 1 -> out.string(randomText(random));
      case 2 -> out.number(random.nextLong() >> random.nextInt(64));
      case 3 -> out.number(random.nextBoolean() ? random.nextDouble() * 1e12 : Double.MIN_VALUE);
      case 4 -> out.number((Number) new java.math.BigDecimal(
          java.math.BigInteger.valueOf(random.nextLong()), random.nextInt(30) - 10));
      case 5 -> out.bool(random.nextBoolean());
      case 6 -> out.masked("***");
      case 7 -> writeObject(out, random, depth + 1);
      case 8 -> out.list(java.util.List.of(1, 2, 3).subList(0, random.nextInt(4)),
          (o, e) -> writeValue(o, random, depth + 1));
      default -> {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
          map.put(randomText(random), i);
        }
        out.map(map, (o, e) -> writeValue(o, random, depth + 1));
      }
    }
  }

  private static String randomText(java.util.Random random) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(8); i > 0; i--) {
      text.append(switch (random.nextInt(6)) {
        case 0 -> '"';
        case 1 -> '\\';
        case 2 -> (char) random.nextInt(0x20);
        case 3 -> '\u00fc';
        case 4 -> '\ud83d';
        default -> (char) ('a' + random.nextInt(26));
      });
    }
    return text.toString();
  }

  @Test
  void fieldsAreWhatSplitMakesOfTheWrittenDocument() {
    PayloadWriter.ValueWriter<Long> writer = randomDocument();
    for (long seed = 0; seed < 3_000; seed++) {
      Map<String, String> fields = StoredDocuments.fields(seed, writer);
      assertThat(fields)
          .as("seed %d", seed)
          .containsExactlyEntriesOf(StoredDocuments.split(PayloadWriter.toJson(seed, writer)));
      assertThat(StoredDocuments.isWritten(fields)).isTrue();
    }
  }

  @Test
  void onlyWrittenFieldsAreKnownAsWrittenAndTheyCannotBeChanged() {
    Map<String, String> written = StoredDocuments.fields(7L, randomDocument());
    assertThat(StoredDocuments.isWritten(StoredDocuments.split("{\"a\":1}"))).isFalse();
    assertThat(StoredDocuments.isWritten(new LinkedHashMap<>(written))).isFalse();
    assertThatThrownBy(() -> written.put("p_0", "1"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void fieldsRefuseAWriterThatWritesNoObject() {
    assertThatThrownBy(() -> StoredDocuments.fields("x", (out, v) -> out.string(v)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StoredDocuments.fields("x", (out, v) -> out.nullValue()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StoredDocuments.fields(java.util.List.of("x"),
        (out, v) -> out.list(v, PayloadWriter::string)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(StoredDocuments.fields("x", (out, v) -> {
      out.beginObject("Empty");
      out.endObject();
    })).isEmpty();
  }

  @Test
  void readRunsTheReaderOverTheJoinedFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", "\"o-1\"");
    StoredRecord record = new StoredRecord("o-1", "Order", Instant.EPOCH, fields);
    PayloadReader.ValueReader<String> idReader = in -> {
      in.beginObject(PropertyNames.of("id"));
      String id = null;
      while (in.nextProperty()) {
        id = in.readString();
      }
      in.require(id != null, "id");
      in.endObject();
      return id;
    };
    assertThat(StoredDocuments.read(record, idReader)).isEqualTo("o-1");
  }

  @Test
  void recordThatNoLongerReadsAsItsTypeIsReportedAsSuch() {
    StoredRecord record = new StoredRecord("o-1", "Order", Instant.EPOCH, Map.of("id", "5"));
    assertThatThrownBy(() -> StoredDocuments.read(record, PayloadReader::readString))
        .isInstanceOfSatisfying(StoreException.class,
            e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.TAMPERED_RECORD))
        .hasMessageNotContaining("o-1\"");
  }
}
