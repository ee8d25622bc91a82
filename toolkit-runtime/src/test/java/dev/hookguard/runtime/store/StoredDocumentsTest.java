package dev.hookguard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookguard.runtime.generated.PayloadReader;
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
