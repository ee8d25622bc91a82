package dev.hookguard.runtime.generated;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A test oracle: the calls a {@link PayloadWriter.ValueWriter} makes, replayed on Jackson's
 * streaming generator, which refuses calls out of order and nesting past its limit.
 */
public final class JacksonReplay extends PayloadWriter {

  private final JsonGenerator json;

  private JacksonReplay(JsonGenerator json) {
    this.json = json;
  }

  /** What Jackson's generator from {@code factory} writes for the calls of {@code writer}. */
  public static <T> String replay(ValueWriter<T> writer, JsonFactory factory) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = factory.createGenerator(ObjectWriteContext.empty(), text)) {
      writer.write(new JacksonReplay(json), null);
    }
    return text.toString();
  }

  @Override
  public void beginObject(String typeName) {
    json.writeStartObject();
  }

  @Override
  public void endObject() {
    json.writeEndObject();
  }

  @Override
  public void name(String javaName, String jsonName) {
    json.writeName(jsonName);
  }

  @Override
  void key(String key) {
    json.writeName(key);
  }

  @Override
  void beginArray() {
    json.writeStartArray();
  }

  @Override
  void endArray() {
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
