package dev.hookguard.runtime.subject;

import dev.hookguard.runtime.generated.StoredRecord;
import java.io.StringWriter;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Everything the store holds about one data subject, revealed: the answer to an access request.
 * Its {@code toString} names the records, never a value; {@link #toJson()} is the document to hand
 * to the person.
 *
 * @param records the records, in plaintext, ordered by payload type and id; fields past their
 *     retention are listed in each record's {@code expiredFields()}
 */
public record SubjectExport(List<StoredRecord> records) {

  private static final JsonFactory JSON = JsonFactory.builder().build();

  /** Copies the list. */
  public SubjectExport {
    records = List.copyOf(records);
  }

  /**
   * The export as one JSON document: {@code {"records": [{"payload_type", "id", "received_at",
   * "fields": {path: value}, "expired_fields": [path]}]}}, each field's value as stored (JSON).
   */
  public String toJson() {
    StringWriter out = new StringWriter();
    try (JsonGenerator json =
        JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      json.writeStartObject();
      json.writeArrayPropertyStart("records");
      for (StoredRecord record : records) {
        json.writeStartObject();
        json.writeStringProperty("payload_type", record.payloadType());
        json.writeStringProperty("id", record.id());
        json.writeStringProperty("received_at", record.receivedAt().toString());
        json.writeObjectPropertyStart("fields");
        for (var field : record.fieldJson().entrySet()) {
          json.writeName(field.getKey());
          json.writeRawValue(field.getValue());
        }
        json.writeEndObject();
        json.writeArrayPropertyStart("expired_fields");
        for (String path : record.expiredFields()) {
          json.writeString(path);
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return out.toString();
  }

  /** Names the records, never their values. */
  @Override
  public String toString() {
    return "SubjectExport" + records;
  }
}
