package dev.hookguard.runtime.generated;

import dev.hookguard.runtime.json.JsonLimits;
import dev.hookguard.runtime.store.Revealed;
import dev.hookguard.runtime.store.StoreException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Between a payload's JSON document and the per-field JSON a {@link PayloadTable} stores: a
 * generated {@code XStore} writes the whole payload with its generated writer and {@link #split}s
 * it into top-level fields, each sealed on its own; reading {@link #read joins} them back and
 * runs the generated reader. Fields that expired are absent and excused from being required.
 */
public final class StoredDocuments {

  private static final JsonFactory JSON = JsonFactory.builder().build();

  /**
   * Stored documents passed a verifier once, under whatever limits it had, and their integrity
   * is checked: read them back under wide limits, so a larger accepted payload never reads as
   * tampered. Only the exponent bound stays tight, as no payload needs a huge one.
   */
  private static final JsonLimits STORED =
      new JsonLimits(Integer.MAX_VALUE, 1_000, Integer.MAX_VALUE, 1_000, 100_000, Integer.MAX_VALUE);

  private StoredDocuments() {}

  /** The top-level properties of a JSON object, each as its own JSON text, in document order. */
  public static Map<String, String> split(String document) {
    Map<String, String> fields = new LinkedHashMap<>();
    try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), document)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("a stored payload must be a JSON object");
      }
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        // Each value is cut out of the document as written (the parser has checked it), not
        // copied through a generator: the text is the generated writer's, already compact.
        long start = parser.currentTokenLocation().getCharOffset();
        parser.skipChildren();
        parser.finishToken(); // a string's end is known only once it is read
        long end = parser.currentLocation().getCharOffset();
        if (start < 0 || end > document.length() || end <= start) {
          throw new IllegalArgumentException("a stored payload must be valid JSON");
        }
        fields.put(name, document.substring((int) start, (int) end).strip());
      }
    } catch (JacksonException e) {
      throw new IllegalArgumentException("a stored payload must be valid JSON", e);
    }
    return fields;
  }

  /**
   * The top-level properties of {@code value} as its generated {@code writer} writes them, each as
   * its own JSON text, in the order written: what {@link #split} makes of the written document,
   * without writing the document whole and parsing it again. The map is unmodifiable, and {@link
   * #isWritten} knows it.
   *
   * @throws IllegalArgumentException if {@code writer} does not write a JSON object
   */
  public static <T> Map<String, String> fields(T value, PayloadWriter.ValueWriter<? super T> writer) {
    JsonPayloadWriter out = JsonPayloadWriter.splitting();
    writer.write(out, value);
    return new Written(out.fields());
  }

  /**
   * Whether {@code fieldJson} was made by {@link #fields}: each value is then one JSON text as
   * Jackson's generator writes it, compact, and need not be checked again.
   */
  public static boolean isWritten(Map<String, String> fieldJson) {
    return fieldJson instanceof Written;
  }

  /** The fields {@link #fields} wrote; the type is what {@link #isWritten} recognises. */
  private static final class Written extends java.util.AbstractMap<String, String> {
    private final Map<String, String> fields;

    Written(Map<String, String> fields) {
      this.fields = java.util.Collections.unmodifiableMap(fields);
    }

    @Override
    public java.util.Set<Map.Entry<String, String>> entrySet() {
      return fields.entrySet();
    }

    @Override
    public String get(Object key) {
      return fields.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return fields.containsKey(key);
    }

    @Override
    public int size() {
      return fields.size();
    }
  }

  /** The JSON object made of {@code fields}. */
  public static String join(Map<String, String> fields) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      generator.writeStartObject();
      for (Map.Entry<String, String> field : fields.entrySet()) {
        generator.writeName(field.getKey());
        generator.writeRawValue(field.getValue());
      }
      generator.writeEndObject();
    }
    return out.toString();
  }

  /**
   * Reads a stored record with a generated reader. Its expired fields are absent and, even where
   * the type requires them, excused.
   *
   * @throws StoreException {@code TAMPERED_RECORD} if the stored JSON no longer reads as the
   *     payload type (the record passed its integrity check, so the type changed incompatibly)
   */
  public static <T> T read(StoredRecord record, PayloadReader.ValueReader<T> reader) {
    byte[] document = join(record.fieldJson()).getBytes(StandardCharsets.UTF_8);
    try {
      return PayloadReader.of(document, STORED)
          .excusing(record.expiredFields())
          .readDocument(reader);
    } catch (JsonReadException e) {
      throw new StoreException(StoreException.Reason.TAMPERED_RECORD,
          "stored " + record.payloadType() + " no longer reads as its type (" + e.reason() + ")");
    }
  }

  /**
   * Reads a revealed record with a generated reader, as {@link #read} does, and keeps the paths
   * of its expired fields beside it: what a generated {@code XStore.revealWithExpiry} returns, and
   * its {@code reveal} unwraps.
   *
   * @throws StoreException as {@link #read}
   */
  public static <T> Revealed<T> revealed(StoredRecord record, PayloadReader.ValueReader<T> reader) {
    return new Revealed<>(read(record, reader), record.expiredFields());
  }
}
