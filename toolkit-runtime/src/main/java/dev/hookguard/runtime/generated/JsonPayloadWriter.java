package dev.hookguard.runtime.generated;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * Renders JSON through Jackson's streaming generator, which does all the escaping: a whole
 * document, or ({@link #splitting()}) each top-level property's value on its own.
 */
final class JsonPayloadWriter extends PayloadWriter implements AutoCloseable {

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  /** The same, writing consecutive root-level values with nothing between them. */
  private static final JsonFactory SPLITTING =
      JsonFactory.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .rootValueSeparator((String) null)
          .build();

  private final StringWriter buffer = new StringWriter(256);
  private final JsonGenerator json;

  /**
   * Splitting: the payload's own object is not written; each of its properties' values is written
   * as a root-level value and cut out of the buffer into {@link #fields}.
   */
  private final Map<String, String> fields;
  /** Splitting: objects and arrays open, the payload's own object included. */
  private int depth;
  /** Splitting: the property being written and where its value starts in the buffer. */
  private String property;
  private int start;

  JsonPayloadWriter() {
    this.json = FACTORY.createGenerator(ObjectWriteContext.empty(), buffer);
    this.fields = null;
  }

  private JsonPayloadWriter(Map<String, String> fields) {
    this.json = SPLITTING.createGenerator(ObjectWriteContext.empty(), buffer);
    this.fields = fields;
  }

  /** A writer of a payload's top-level properties, each as its own JSON text. */
  static JsonPayloadWriter splitting() {
    return new JsonPayloadWriter(new LinkedHashMap<>());
  }

  String result() {
    json.flush();
    return buffer.toString();
  }

  /**
   * Splitting: the JSON text of each top-level property written, by JSON name, in the order
   * written: what {@link StoredDocuments#split} makes of the whole document.
   *
   * @throws IllegalArgumentException if what was written is not one JSON object
   */
  Map<String, String> fields() {
    json.flush();
    if (depth != 0 || property != null || buffer.getBuffer().length() > 0 && fields.isEmpty()) {
      throw new IllegalArgumentException("a stored payload must be a JSON object");
    }
    return fields;
  }

  /** Whether this call writes the payload's own object, which splitting leaves out. */
  private boolean payloadObject() {
    return fields != null && depth == 0;
  }

  /** Splitting, at the payload's top level: ends the property being written, if any. */
  private void endProperty() {
    if (property != null) {
      json.flush();
      fields.put(property, buffer.getBuffer().substring(start));
      property = null;
    }
  }

  private void beginProperty(String jsonName) {
    endProperty();
    json.flush();
    property = jsonName;
    start = buffer.getBuffer().length();
  }

  @Override
  public void close() {
    json.close();
  }

  @Override
  public void beginObject(String typeName) {
    boolean payload = payloadObject();
    if (fields != null) {
      depth++;
    }
    if (!payload) {
      json.writeStartObject();
    }
  }

  @Override
  public void endObject() {
    if (fields != null && --depth == 0) {
      endProperty();
      return;
    }
    json.writeEndObject();
  }

  @Override
  public void name(String javaName, String jsonName) {
    if (fields != null && depth == 1) {
      beginProperty(jsonName);
      return;
    }
    json.writeName(jsonName);
  }

  @Override
  void key(String key) {
    if (fields != null && depth == 1) {
      beginProperty(key);
      return;
    }
    json.writeName(key);
  }

  @Override
  void beginArray() {
    if (fields != null) {
      depth++;
    }
    json.writeStartArray();
  }

  @Override
  void endArray() {
    if (fields != null) {
      depth--;
    }
    json.writeEndArray();
  }

  @Override
  public void nullValue() {
    json.writeNull();
  }

  @Override
  public void string(String value) {
    json.writeString(value);
  }

  @Override
  public void number(long value) {
    json.writeNumber(value);
  }

  @Override
  public void number(double value) {
    json.writeNumber(value);
  }

  @Override
  public void number(float value) {
    json.writeNumber(value);
  }

  @Override
  void bigNumber(Object value) {
    if (value instanceof BigDecimal decimal) {
      json.writeNumber(decimal);
    } else {
      json.writeNumber((BigInteger) value);
    }
  }

  @Override
  public void bool(boolean value) {
    json.writeBoolean(value);
  }

  @Override
  public void masked(String mask) {
    json.writeString(mask);
  }
}
