package dev.hookguard.runtime.outbox.internal;

import dev.hookguard.runtime.internal.jdbc.RowInsert;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** Writes outbox rows inside a receipt's transaction. */
public final class OutboxRows {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  /**
   * One event to forward.
   *
   * @param payloadJson what {@code Forwarding.payloadJson} gave: redacted JSON
   * @param expiresAt the record's earliest expiry (epoch millis), after which the row goes; null
   *     if it has none
   */
  public record Row(
      String topic,
      String payloadType,
      String messageId,
      String recordId,
      Instant receivedAt,
      String payloadJson,
      Long expiresAt) {

    /** Names the event; leaves its JSON out. */
    @Override
    public String toString() {
      return "Row[" + payloadType + "/" + messageId + " -> " + topic + "]";
    }
  }

  private OutboxRows() {}

  /** Inserts {@code rows}, due at once, in the transaction of {@code connection}. */
  public static void insert(Connection connection, List<Row> rows) throws SQLException {
    insertOf(rows).execute(connection);
  }

  /** The insert of {@code rows}, due at once, to run or to send with other statements. */
  public static RowInsert insertOf(List<Row> rows) {
    RowInsert insert = RowInsert.into("hg_outbox",
        "topic, payload_type, message_id, record_id, received_at, body, expires_at, attempts,"
            + " next_attempt_at",
        "(?, ?, ?, ?, ?, ?, ?, 0, ?)",
        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR,
        Types.BIGINT, Types.BIGINT);
    for (Row row : rows) {
      insert.row(row.topic(), row.payloadType(), row.messageId(), row.recordId(),
          row.receivedAt().toEpochMilli(), envelope(row), row.expiresAt(),
          row.receivedAt().toEpochMilli());
    }
    return insert;
  }

  /** The forwarded body: the event's names and time around the payload's JSON. */
  static String envelope(Row row) {
    StringWriter out = new StringWriter(row.payloadJson().length() + 160);
    try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      generator.writeStartObject();
      generator.writeStringProperty("type", row.payloadType());
      generator.writeStringProperty("messageId", row.messageId());
      generator.writeStringProperty("recordId", row.recordId());
      generator.writeStringProperty("receivedAt", row.receivedAt().toString());
      generator.writeName("payload");
      generator.writeRawValue(row.payloadJson());
      generator.writeEndObject();
    }
    return out.toString();
  }
}
