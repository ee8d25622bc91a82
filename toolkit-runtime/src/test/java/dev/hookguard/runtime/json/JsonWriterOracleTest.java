package dev.hookguard.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.hookguard.runtime.generated.JacksonReplay;
import dev.hookguard.runtime.generated.PayloadWriter;
import dev.hookguard.runtime.generated.StoredDocuments;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON that generated code writes ({@link PayloadWriter#toJson}, and each stored field by
 * {@link StoredDocuments#fields}) against Jackson's streaming generator as the oracle: random
 * documents with every kind of value, names and strings drawn from every class of character,
 * written both ways, must be the same text character for character.
 */
class JsonWriterOracleTest {

  private static final JsonFactory JACKSON =
      JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  /** A document: objects (named members), maps (keyed entries), arrays and scalar values. */
  private sealed interface Node {}

  private record Obj(List<Map.Entry<String, Node>> members) implements Node {}

  private record Keyed(Map<String, Node> entries) implements Node {}

  private record Arr(List<Node> elements) implements Node {}

  /** A scalar: {@code masked} writes a string as a mask; {@code value} may be {@code null}. */
  private record Scalar(Object value, boolean masked) implements Node {}

  @Test
  void randomDocumentsAreWrittenExactlyAsJacksonWritesThem() {
    Random random = new Random(20261130);
    for (int i = 0; i < 3_000; i++) {
      Node document = node(random, 0);
      String expected = jackson(document);
      assertThat(PayloadWriter.toJson(document, JsonWriterOracleTest::write))
          .as("document %d: %s", i, expected)
          .isEqualTo(expected);
    }
  }

  @Test
  void everyScalarIsWrittenExactlyAsJacksonWritesIt() {
    Random random = new Random(7);
    List<Object> values = new ArrayList<>(List.of(
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
        Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 1e21, 1e-7, 0.1, 100.0,
        Float.NaN, Float.NEGATIVE_INFINITY, -0.0f, Float.MIN_VALUE, Float.MAX_VALUE, 0.1f, 1e10f,
        Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, Integer.MIN_VALUE,
        new BigDecimal("1E+3"), new BigDecimal("-0.000"), new BigDecimal("1E-9999"),
        new BigDecimal("7E+9999"), BigDecimal.ZERO, new BigInteger("-" + "9".repeat(60)),
        true, false,
        OffsetDateTime.MIN, OffsetDateTime.MAX,
        OffsetDateTime.of(2025, 1, 14, 11, 0, 0, 250_000, ZoneOffset.ofHoursMinutesSeconds(1, 2, 3))));
    for (int c = 0; c < 0x10000; c++) {
      values.add(String.valueOf((char) c));
      values.add("a" + (char) c + "b");
      Node named = new Obj(List.of(Map.entry("a" + (char) c + "b", new Scalar(1L, false))));
      assertThat(PayloadWriter.toJson(named, JsonWriterOracleTest::write)).isEqualTo(jackson(named));
    }
    for (int i = 0; i < 2_000; i++) {
      values.add(scalar(random));
    }
    for (Object value : values) {
      Node node = new Scalar(value, false);
      assertThat(PayloadWriter.toJson(node, JsonWriterOracleTest::write))
          .as("%s", value)
          .isEqualTo(jackson(node));
    }
  }

  @Test
  void eachStoredFieldIsWhatSplittingJacksonsDocumentGives() {
    Random random = new Random(11);
    for (int i = 0; i < 1_000; i++) {
      Node document = random.nextBoolean() ? object(random, 1) : keyed(random, 1);
      Map<String, String> fields = StoredDocuments.fields(document, JsonWriterOracleTest::write);
      assertThat(fields).containsExactlyEntriesOf(StoredDocuments.split(jackson(document)));
    }
  }

  @Test
  void aDecimalWithAHugeScaleIsRefusedAsJacksonRefusesIt() {
    for (String text : List.of("1E-10000", "1E+10000")) {
      Node node = new Scalar(new BigDecimal(text), false);
      assertThatThrownBy(() -> jackson(node)).isInstanceOf(JacksonException.class);
      assertThatThrownBy(() -> PayloadWriter.toJson(node, JsonWriterOracleTest::write))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("scale");
    }
  }

  @Test
  void anUnclosedObjectIsRefusedRatherThanWrittenHalf() {
    assertThatThrownBy(() -> PayloadWriter.toJson("x", (out, v) -> {
      out.beginObject("T");
      out.name("a");
      out.string(v);
    })).isInstanceOf(IllegalStateException.class);
  }

  /** Calls out of order, each refused by Jackson's generator, by the writer and by splitting. */
  private static final List<PayloadWriter.ValueWriter<Object>> MISUSES = List.of(
      (out, v) -> { // a value with no name in an object
        out.beginObject("T");
        out.string("v");
        out.endObject();
      },
      (out, v) -> { // two names in a row, in a nested object
        out.beginObject("T");
        out.name("a");
        out.beginObject("U");
        out.name("x");
        out.name("y");
        out.string("v");
        out.endObject();
        out.endObject();
      },
      (out, v) -> { // an array closed as an object
        out.beginObject("T");
        out.name("a");
        out.list(List.of(1L), (w, e) -> {
          w.endObject();
          w.beginObject("U");
        });
        out.endObject();
      },
      (out, v) -> { // a name in an array
        out.beginObject("T");
        out.name("a");
        out.list(List.of(1L), (w, e) -> w.name("x"));
        out.endObject();
      });

  @Test
  void callsOutOfOrderAreRefusedAsJacksonRefusesThem() {
    for (int i = 0; i < MISUSES.size(); i++) {
      PayloadWriter.ValueWriter<Object> misuse = MISUSES.get(i);
      assertThat(catchThrowable(() -> JacksonReplay.replay(misuse, JACKSON)))
          .as("misuse %d", i)
          .isInstanceOf(JacksonException.class);
      assertThatThrownBy(() -> PayloadWriter.toJson(null, misuse))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("JSON written out of order");
      assertThatThrownBy(() -> StoredDocuments.fields(null, misuse))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  /** Calls out of order that Jackson's generator lets through, writing what is not one document. */
  private static final List<PayloadWriter.ValueWriter<Object>> LET_THROUGH_BY_JACKSON = List.of(
      (out, v) -> { // a name with no value before the object closes
        out.beginObject("T");
        out.name("a");
        out.endObject();
      },
      (out, v) -> { // two documents
        out.beginObject("T");
        out.endObject();
        out.beginObject("T");
        out.endObject();
      });

  @Test
  void callsOutOfOrderThatJacksonLetsThroughAreRefusedToo() {
    for (PayloadWriter.ValueWriter<Object> misuse : LET_THROUGH_BY_JACKSON) {
      assertThat(isOneJsonDocument(JacksonReplay.replay(misuse, JACKSON))).isFalse();
      assertThatThrownBy(() -> PayloadWriter.toJson(null, misuse))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("JSON written out of order");
      assertThatThrownBy(() -> StoredDocuments.fields(null, misuse))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  private static boolean isOneJsonDocument(String text) {
    try (JsonParser parser = JACKSON.createParser(ObjectReadContext.empty(), text)) {
      parser.nextToken();
      parser.skipChildren();
      return parser.nextToken() == null;
    } catch (JacksonException e) {
      return false;
    }
  }

  @Test
  void nestingIsRefusedPastJacksonsDepthOf500() {
    Node deepest = nested(500);
    assertThat(PayloadWriter.toJson(deepest, JsonWriterOracleTest::write))
        .isEqualTo(jackson(deepest));
    Node tooDeep = nested(501);
    assertThatThrownBy(() -> jackson(tooDeep)).isInstanceOf(JacksonException.class);
    assertThatThrownBy(() -> PayloadWriter.toJson(tooDeep, JsonWriterOracleTest::write))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("500");
    // Splitting counts the payload's own object, as writing the whole document does.
    Obj stored = new Obj(List.of(Map.entry("a", nested(499))));
    assertThat(StoredDocuments.fields(stored, JsonWriterOracleTest::write))
        .containsExactlyEntriesOf(StoredDocuments.split(jackson(stored)));
    Obj storedTooDeep = new Obj(List.of(Map.entry("a", nested(500))));
    assertThatThrownBy(() -> StoredDocuments.fields(storedTooDeep, JsonWriterOracleTest::write))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> jackson(storedTooDeep)).isInstanceOf(JacksonException.class);
  }

  /** {@code levels} arrays, each holding the next; the innermost holds a number. */
  private static Node nested(int levels) {
    Node node = new Scalar(1L, false);
    for (int i = 0; i < levels; i++) {
      node = new Arr(List.of(node));
    }
    return node;
  }

  private static Node node(Random random, int depth) {
    int kind = depth >= 4 ? 3 : random.nextInt(6);
    return switch (kind) {
      case 0 -> object(random, depth + 1);
      case 1 -> keyed(random, depth + 1);
      case 2 -> {
        List<Node> elements = new ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          elements.add(node(random, depth + 1));
        }
        yield new Arr(elements);
      }
      default -> new Scalar(scalar(random), random.nextInt(8) == 0);
    };
  }

  private static Keyed keyed(Random random, int depth) {
    Map<String, Node> entries = new LinkedHashMap<>();
    for (int i = random.nextInt(5); i > 0; i--) {
      entries.put(string(random), node(random, depth));
    }
    return new Keyed(entries);
  }

  private static Obj object(Random random, int depth) {
    List<Map.Entry<String, Node>> members = new ArrayList<>();
    for (int i = random.nextInt(7); i > 0; i--) {
      members.add(Map.entry(random.nextBoolean() ? "p" + i : string(random), node(random, depth)));
    }
    return new Obj(members);
  }

  private static Object scalar(Random random) {
    return switch (random.nextInt(11)) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> random.nextInt(3) == 0 ? (long) random.nextInt(1000) : random.nextLong();
      case 3 -> random.nextBoolean()
          ? Double.longBitsToDouble(random.nextLong())
          : random.nextInt(100_000) / 100.0;
      case 4 -> Float.intBitsToFloat(random.nextInt());
      case 5 -> new BigDecimal(new BigInteger(random.nextInt(200), random), random.nextInt(121) - 60);
      case 6 -> new BigInteger(random.nextInt(200), random).subtract(BigInteger.TEN.pow(20));
      case 7 -> OffsetDateTime.of(random.nextInt(3000), 1 + random.nextInt(12),
          1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
          random.nextInt(4) == 0 ? random.nextInt(1_000_000_000) : 0,
          ZoneOffset.ofTotalSeconds((random.nextInt(36 * 4) - 18 * 4) * 15 * 60));
      default -> string(random);
    };
  }

  /** Characters of every class: plain ASCII, escapes, controls, Latin-1, the BMP, surrogates. */
  private static String string(Random random) {
    StringBuilder text = new StringBuilder();
    // Now and then longer than Jackson's buffer and a writer's first one, escapes included.
    int length = random.nextInt(40) == 0 ? 2_000 + random.nextInt(8_000) : random.nextInt(24);
    for (int i = length; i > 0; i--) {
      switch (random.nextInt(8)) {
        case 0 -> text.append((char) random.nextInt(0x20));
        case 1 -> text.append("\"\\/\u007f".charAt(random.nextInt(4)));
        case 2 -> text.append((char) (0x80 + random.nextInt(0x80)));
        case 3 -> text.append((char) random.nextInt(0x10000)); // lone surrogates included
        case 4 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
        case 5 -> text.append("\u2028\u2029\u202e\u00e9\u65e5".charAt(random.nextInt(5)));
        default -> text.append((char) (0x20 + random.nextInt(0x5f)));
      }
    }
    return text.toString();
  }

  /** Writes {@code node} through the writer generated code uses. */
  private static void write(PayloadWriter out, Node node) {
    if (node instanceof Obj obj) {
      out.beginObject("T");
      for (Map.Entry<String, Node> member : obj.members()) {
        out.name("java", member.getKey());
        write(out, member.getValue());
      }
      out.endObject();
    } else if (node instanceof Keyed keyed) {
      out.map(keyed.entries(), JsonWriterOracleTest::write);
    } else if (node instanceof Arr arr) {
      out.list(arr.elements(), JsonWriterOracleTest::write);
    } else {
      writeScalar(out, (Scalar) node);
    }
  }

  private static void writeScalar(PayloadWriter out, Scalar scalar) {
    Object value = scalar.value();
    if (value == null) {
      out.nullValue();
    } else if (scalar.masked()) {
      out.masked(value.toString());
    } else if (value instanceof String text) {
      out.string(text);
    } else if (value instanceof Boolean bool) {
      out.bool(bool.booleanValue());
    } else if (value instanceof Long number) {
      out.number(number.longValue());
    } else if (value instanceof Double number) {
      out.number(number.doubleValue());
    } else if (value instanceof Float number) {
      out.number(number.floatValue());
    } else if (value instanceof Number number) {
      out.number(number);
    } else {
      out.text(value);
    }
  }

  /** Writes {@code node} with Jackson's generator: the oracle. */
  private static String jackson(Node node) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JACKSON.createGenerator(ObjectWriteContext.empty(), text)) {
      jackson(json, node);
    }
    return text.toString();
  }

  private static void jackson(JsonGenerator json, Node node) {
    if (node instanceof Obj obj) {
      json.writeStartObject();
      for (Map.Entry<String, Node> member : obj.members()) {
        json.writeName(member.getKey());
        jackson(json, member.getValue());
      }
      json.writeEndObject();
    } else if (node instanceof Keyed keyed) {
      json.writeStartObject();
      for (Map.Entry<String, Node> entry : keyed.entries().entrySet()) {
        json.writeName(entry.getKey());
        jackson(json, entry.getValue());
      }
      json.writeEndObject();
    } else if (node instanceof Arr arr) {
      json.writeStartArray();
      for (Node element : arr.elements()) {
        jackson(json, element);
      }
      json.writeEndArray();
    } else {
      jacksonScalar(json, (Scalar) node);
    }
  }

  private static void jacksonScalar(JsonGenerator json, Scalar scalar) {
    Object value = scalar.value();
    if (value == null) {
      json.writeNull();
    } else if (scalar.masked() || value instanceof String || value instanceof OffsetDateTime) {
      json.writeString(value.toString());
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else if (value instanceof Long number) {
      json.writeNumber(number.longValue());
    } else if (value instanceof Integer number) {
      json.writeNumber(number.intValue());
    } else if (value instanceof Double number) {
      json.writeNumber(number.doubleValue());
    } else if (value instanceof Float number) {
      json.writeNumber(number.floatValue());
    } else if (value instanceof BigDecimal number) {
      json.writeNumber(number);
    } else {
      json.writeNumber((BigInteger) value);
    }
  }
}
