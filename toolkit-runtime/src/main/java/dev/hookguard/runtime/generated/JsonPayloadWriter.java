package dev.hookguard.runtime.generated;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/** Renders redacted JSON through Jackson's streaming generator, which does all the escaping. */
final class JsonPayloadWriter extends PayloadWriter implements AutoCloseable {

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private final StringWriter buffer = new StringWriter(256);
  private final JsonGenerator json = FACTORY.createGenerator(ObjectWriteContext.empty(), buffer);

  String result() {
    json.flush();
    return buffer.toString();
  }

  @Override
  public void close() {
    json.close();
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
