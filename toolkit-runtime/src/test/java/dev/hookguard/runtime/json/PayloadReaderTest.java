package dev.hookguard.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookguard.runtime.generated.JsonReadException;
import dev.hookguard.runtime.generated.JsonReadException.Reason;
import dev.hookguard.runtime.generated.PayloadReader;
import dev.hookguard.runtime.generated.PropertyNames;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

class PayloadReaderTest {

  private enum Color { RED, GREEN }

  private static final PropertyNames ANYTHING = PropertyNames.of("items", "m");
  private static final PropertyNames ITEM = PropertyNames.of("n", "s");

  private static <T> T read(String json, PayloadReader.ValueReader<T> reader)
      throws JsonReadException {
    return PayloadReader.of(json.getBytes(StandardCharsets.UTF_8), JsonLimits.defaults())
        .readDocument(reader);
  }

  /** Reads {@code {"items": [{"n": <int>, "s": <string>}...], "m": {string: decimal}}}. */
  private static Object anything(PayloadReader in) throws JsonReadException {
    if (in.nextIsNull()) {
      return null;
    }
    in.beginObject(ANYTHING);
    Object items = null;
    Object map = null;
    while (in.nextProperty()) {
      switch (in.propertyIndex()) {
        case 0 -> items = in.readList(PayloadReaderTest::item);
        case 1 -> map = in.readMap(PayloadReader::readBigDecimal);
      }
    }
    in.endObject();
    return List.of(String.valueOf(items), String.valueOf(map));
  }

  private static Object item(PayloadReader in) throws JsonReadException {
    in.beginObject(ITEM);
    Integer n = null;
    String s = null;
    while (in.nextProperty()) {
      switch (in.propertyIndex()) {
        case 0 -> n = in.readInt();
        case 1 -> s = in.readString();
      }
    }
    if (n == null) {
      throw in.missing("n");
    }
    in.endObject();
    return n + ":" + s;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "''| MALFORMED_PAYLOAD",
      "{| MALFORMED_PAYLOAD",
      "{\"items\": [| MALFORMED_PAYLOAD",
      "{\"items\": [{\"n\": 1}] | MALFORMED_PAYLOAD",
      "[1, 2]| INVALID_PAYLOAD",
      "{\"items\": [{\"n\": 1}]}}| MALFORMED_PAYLOAD",
      "{\"items\": [{\"n\": 1}]} x| MALFORMED_PAYLOAD",
      "{\"items\": [{\"n\": 1, \"n\": 2}]}| MALFORMED_PAYLOAD",
      "{\"items\": [{\"n\": 1.5}]}| INVALID_PAYLOAD",
      "{\"items\": [{\"n\": \"1\"}]}| INVALID_PAYLOAD",
      "{\"items\": [{\"n\": null}]}| INVALID_PAYLOAD",
      "{\"items\": [{}]}| INVALID_PAYLOAD",
      "{\"items\": [{\"n\": 2147483648}]}| INVALID_PAYLOAD",
      "{\"items\": [{\"n\": 1, \"s\": 5}]}| INVALID_PAYLOAD",
      "{\"items\": {}}| INVALID_PAYLOAD",
      "{\"m\": {\"a\": \"12x\"}}| INVALID_PAYLOAD",
      "{\"m\": {\"a\": true}}| INVALID_PAYLOAD",
      "{\"x\": NaN}| MALFORMED_PAYLOAD",
      "{'x': 1}| MALFORMED_PAYLOAD",
      "{\"x\": 01}| MALFORMED_PAYLOAD",
  })
  void garbageEndsInOneTypedReason(String json, Reason reason) {
    assertThatThrownBy(() -> read(json, PayloadReaderTest::anything))
        .isInstanceOfSatisfying(JsonReadException.class,
            e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      // a declared property, at the top and in a record inside a list
      "{\"items\": [], \"m\": {}, \"items\": []}",
      "{\"items\": [{\"n\": 1, \"s\": \"a\", \"n\": 2}]}",
      "{\"items\": [{\"n\": 1}, {\"n\": 2}, {\"s\": \"a\", \"n\": 3, \"s\": \"b\"}]}",
      // a map's key
      "{\"m\": {\"a\": 1, \"b\": 2, \"a\": 3}}",
      // an unknown property, at the top and in a nested record
      "{\"x\": 1, \"items\": [], \"x\": 2}",
      "{\"items\": [{\"n\": 1, \"x\": null, \"x\": null}]}",
      // inside a skipped value: an object, an object in an array, deeper
      "{\"x\": {\"y\": 1, \"y\": 2}}",
      "{\"x\": [{\"y\": 1}, {\"y\": 1, \"z\": 2, \"y\": 3}]}",
      "{\"items\": [{\"n\": 1, \"x\": [[{\"a\": {\"b\": 1, \"b\": 1}}]]}]}",
      // past the names an object scans, where a set takes over
      "{\"u0\":0,\"u1\":0,\"u2\":0,\"u3\":0,\"u4\":0,\"u5\":0,\"u6\":0,\"u7\":0,\"u8\":0,\"u3\":0}",
      "{\"x\": {\"u0\":0,\"u1\":0,\"u2\":0,\"u3\":0,\"u4\":0,\"u5\":0,\"u6\":0,\"u7\":0,\"u8\":0,\"u9\":0,\"u9\":0}}",
  })
  void aNameRepeatedInAnyObjectIsMalformed(String json) {
    assertThatThrownBy(() -> read(json, PayloadReaderTest::anything))
        .isInstanceOfSatisfying(JsonReadException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD))
        .hasMessageStartingWith("MALFORMED_PAYLOAD: not well-formed JSON at ");
  }

  @Test
  void theSameNameInDifferentObjectsIsNoDuplicate() throws Exception {
    String json = "{\"items\": [{\"n\": 1, \"x\": {\"n\": 1, \"x\": [{\"x\": 1}, {\"x\": 2}]}},"
        + " {\"n\": 2, \"x\": 1}], \"x\": {\"items\": 1, \"m\": {\"m\": 1}},"
        + " \"m\": {\"n\": 1, \"items\": 2, \"x\": 3}, \"y\": {\"x\": 1}}";
    assertThat(read(json, PayloadReaderTest::anything))
        .isEqualTo(List.of("[1:null, 2:null]", "{n=1, items=2, x=3}"));
  }

  @Test
  void aDuplicateIsReportedWhereJacksonReportedIt() {
    // Refused when the second name is read, before its value: the path names the object and
    // stars the name, whatever the value would have been.
    assertThatThrownBy(() -> read("{\"items\": [{\"n\": 1, \"n\": \"x\"}]}",
        PayloadReaderTest::anything))
        .hasMessage("MALFORMED_PAYLOAD: not well-formed JSON at /items/0/*");
    assertThatThrownBy(() -> read("{\"m\": {\"a\": 1, \"a\": \"not a number\"}}",
        PayloadReaderTest::anything))
        .hasMessage("MALFORMED_PAYLOAD: not well-formed JSON at /m/*");
  }

  /**
   * Documents of records ({@code "a"}: a record, {@code "b"}: a map of records, any other name
   * unknown, with values of any shape), names drawn from few so that some repeat: refused by the
   * reader exactly when Jackson's strict duplicate detection refuses them.
   */
  @Test
  void duplicatesAreRefusedExactlyWhereJacksonsStrictDetectionRefusesThem() {
    JsonFactory strict = JsonFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    Random random = new Random(20261129L);
    int refused = 0;
    for (int i = 0; i < 3_000; i++) {
      StringBuilder json = new StringBuilder();
      randomRecord(random, json, 0);
      byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
      boolean jacksonRefuses;
      try (JsonParser parser = strict.createParser(ObjectReadContext.empty(), bytes)) {
        while (parser.nextToken() != null) {
          // every token, every object checked
        }
        jacksonRefuses = false;
      } catch (JacksonException e) {
        jacksonRefuses = true;
      }
      boolean readerRefuses;
      try {
        PayloadReader.of(bytes, JsonLimits.defaults()).readDocument(PayloadReaderTest::record);
        readerRefuses = false;
      } catch (JsonReadException e) {
        assertThat(e.reason()).as(json.toString()).isEqualTo(Reason.MALFORMED_PAYLOAD);
        readerRefuses = true;
      }
      assertThat(readerRefuses).as(json.toString()).isEqualTo(jacksonRefuses);
      refused += readerRefuses ? 1 : 0;
    }
    assertThat(refused).as("documents with a duplicate").isBetween(300, 2_700);
  }

  private static final PropertyNames RECORD = PropertyNames.of("a", "b");

  private static Object record(PayloadReader in) throws JsonReadException {
    if (in.nextIsNull()) {
      return null;
    }
    in.beginObject(RECORD);
    while (in.nextProperty()) {
      switch (in.propertyIndex()) {
        case 0 -> record(in);
        case 1 -> in.readMap(PayloadReaderTest::record);
      }
    }
    in.endObject();
    return "";
  }

  private static final List<String> NAMES = List.of("a", "b", "c", "d", "e");

  private static void randomRecord(Random random, StringBuilder json, int depth) {
    json.append('{');
    int properties = random.nextInt(depth < 3 ? 5 : 2);
    for (int i = 0; i < properties; i++) {
      String name = NAMES.get(random.nextInt(NAMES.size()));
      json.append(i == 0 ? "" : ",").append('"').append(name).append("\":");
      switch (name) {
        case "a" -> randomRecord(random, json, depth + 1);
        case "b" -> {
          json.append('{');
          int entries = random.nextInt(3);
          for (int e = 0; e < entries; e++) {
            json.append(e == 0 ? "" : ",").append("\"k").append(random.nextInt(3)).append("\":");
            randomRecord(random, json, depth + 1);
          }
          json.append('}');
        }
        default -> randomValue(random, json, depth + 1);
      }
    }
    json.append('}');
  }

  private static void randomValue(Random random, StringBuilder json, int depth) {
    switch (depth > 5 ? 3 : random.nextInt(4)) {
      case 0 -> randomRecord(random, json, depth);
      case 1 -> {
        json.append('[');
        int elements = random.nextInt(3);
        for (int e = 0; e < elements; e++) {
          json.append(e == 0 ? "" : ",");
          randomValue(random, json, depth + 1);
        }
        json.append(']');
      }
      case 2 -> json.append("\"text\"");
      default -> json.append(random.nextInt(100));
    }
  }

  @Test
  void randomBytesNeverThrowAnythingButVerificationExceptions() {
    Random random = new Random(7);
    for (int i = 0; i < 5_000; i++) {
      byte[] bytes = new byte[random.nextInt(40)];
      random.nextBytes(bytes);
      if (random.nextBoolean() && bytes.length > 0) {
        bytes[0] = '{';
      }
      try {
        PayloadReader.of(bytes, JsonLimits.defaults()).readDocument(PayloadReaderTest::anything);
      } catch (JsonReadException expected) {
        assertThat(expected.reason()).isIn(Reason.MALFORMED_PAYLOAD, Reason.INVALID_PAYLOAD,
            Reason.LIMIT_EXCEEDED);
      }
    }
  }

  private static final PropertyNames STRINGS = PropertyNames.of("s", "l", "o");

  /** Reads {@code {"s": <string>, "l": [<string>...], "o": <optional string>}}. */
  private static String strings(PayloadReader in) throws JsonReadException {
    in.beginObject(STRINGS);
    Object s = null;
    Object l = null;
    Object o = null;
    while (in.nextProperty()) {
      switch (in.propertyIndex()) {
        case 0 -> s = in.readString();
        case 1 -> l = in.readList(PayloadReader::readString);
        case 2 -> o = in.readOptional(PayloadReader::readString);
      }
    }
    in.endObject();
    return s + " " + l + " " + o;
  }

  /**
   * A string is read in one call to the parser after a name, and token by token elsewhere (in an
   * array, read ahead, at the top): the same values and the same refusals wherever it stands.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"s\": \"a\", \"l\": [\"b\", null, \"c\"], \"o\": \"d\"}| a [b, null, c] Optional[d]",
      "{\"s\": null, \"l\": null, \"o\": null}| null null Optional.empty",
      "{\"s\": \"\\u00e9\\/\u00e9x\", \"l\": [\"\\\"\"]}| \u00e9/\u00e9x [\"] null",
      "{\"s\": 1}| INVALID_PAYLOAD: a string expected, found a number at /s",
      "{\"s\": {\"x\": \"y\"}}| INVALID_PAYLOAD: a string expected, found an object at /s",
      "{\"s\": [\"x\"]}| INVALID_PAYLOAD: a string expected, found an array at /s/0",
      "{\"s\": true}| INVALID_PAYLOAD: a string expected, found a boolean at /s",
      "{\"l\": [\"a\", 2]}| INVALID_PAYLOAD: a string expected, found a number at /l/1",
      "{\"l\": [\"a\", {}]}| INVALID_PAYLOAD: a string expected, found an object at /l/1",
      "{\"o\": false}| INVALID_PAYLOAD: a string expected, found a boolean at /o",
      "{\"o\": []}| INVALID_PAYLOAD: a string expected, found an array at /o/0",
      "{\"s\": \"a| MALFORMED_PAYLOAD: not well-formed JSON at /s",
      "{\"s\": \"a\\x\"}| MALFORMED_PAYLOAD: not well-formed JSON at /s",
      "{\"l\": [\"a\", \"b| MALFORMED_PAYLOAD: not well-formed JSON at /l/1",
      "{\"o\": \"a\\q\"}| MALFORMED_PAYLOAD: not well-formed JSON at /o",
      "{\"s\": \"01234567890\"}| LIMIT_EXCEEDED: a JSON limit exceeded at /s",
      "{\"l\": [\"01234567890\"]}| LIMIT_EXCEEDED: a JSON limit exceeded at /l/0",
      "{\"o\": \"01234567890\"}| LIMIT_EXCEEDED: a JSON limit exceeded at /o",
  })
  void aStringReadsAlikeWhereverItStands(String json, String expected) {
    JsonLimits limits = JsonLimits.defaults().withMaxStringLength(10);
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    String result;
    try {
      result = PayloadReader.of(bytes, limits).readDocument(PayloadReaderTest::strings);
    } catch (JsonReadException e) {
      result = e.getMessage();
    }
    assertThat(result).isEqualTo(expected);
  }

  @Test
  void aStringAtTheTopIsReadAlikeToo() throws Exception {
    assertThat(read("\"a\"", PayloadReader::readString)).isEqualTo("a");
    assertThat(read("null", PayloadReader::readString)).isNull();
    assertThatThrownBy(() -> read("1", PayloadReader::readString))
        .hasMessage("INVALID_PAYLOAD: a string expected, found a number at /");
    assertThatThrownBy(() -> read("", PayloadReader::readString))
        .hasMessage("MALFORMED_PAYLOAD: unexpected end of input at /");
    assertThatThrownBy(() -> read(" ", PayloadReader::readString))
        .hasMessage("MALFORMED_PAYLOAD: unexpected end of input at /");
  }

  @Test
  void aMissingPropertyIsReportedAtThePathOfItsObject() {
    assertThatThrownBy(() -> read("{\"items\": [{\"n\": 1}, {\"s\": \"x\"}]}",
        PayloadReaderTest::anything))
        .hasMessageContaining("required property 'n' is missing or null at /items/1");
    assertThatThrownBy(() -> read("{\"s\": \"x\"}", PayloadReaderTest::item))
        .hasMessageEndingWith("required property 'n' is missing or null at /");
  }

  @Test
  void messagesGiveThePathButNeverTheValue() {
    assertThatThrownBy(() -> read("{\"items\": [{\"n\": 1}, {\"n\": \"secret-4242\"}]}",
        PayloadReaderTest::anything))
        .hasMessageContaining("/items/1/n")
        .message().doesNotContain("secret-4242");
  }

  @Test
  void aDecimalWithAnExponentOutOfRangeIsALimitWithoutTheNumber() {
    // Found by PayloadReaderFuzzTest: Jackson throws a NumberFormatException quoting the number.
    for (String number : List.of("6e67433333333333333333333333333", "179e99999999999999998",
        "63940.4E6666666666666666666666662666661")) {
      assertThatThrownBy(() -> read("{\"m\": {\"a\": " + number + "}}", PayloadReaderTest::anything))
          .isInstanceOfSatisfying(JsonReadException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED))
          .message().doesNotContain(number.substring(0, 8));
    }
  }

  @Test
  void anUnknownNameIsNeverInAMessageWhateverFailsAfterIt() {
    // Found in review: between skipping an unknown property and reading the next name, the
    // parser's context still holds the unknown name.
    for (String json : List.of(
        "{\"items\": [], \"ssn-123-45-6789\": true,}",
        "{\"items\": [], \"ssn-123-45-6789\": 1 2}",
        "{\"items\": [], \"ssn-123-45-6789\": 1, \"ssn-123-45-6789\": 2}",
        "{\"items\": [], \"ssn-123-45-6789\": {\"a\": [1, 2}",
        "{\"ssn-123-45-6789\": 1, \"ssn-123-45-6789\": 2}")) {
      assertThatThrownBy(() -> read(json, PayloadReaderTest::anything))
          .as(json)
          .isInstanceOf(JsonReadException.class)
          .message().doesNotContain("123-45");
    }
    // A declared name is still named.
    assertThatThrownBy(() -> read("{\"items\": [{\"n\": \"x\"}]}", PayloadReaderTest::anything))
        .hasMessageContaining("/items/0/n");
  }

  @Test
  void anEncodingJacksonRefusesWhenItOpensIsMalformedNotAnEscapingException() {
    // Found by PayloadReaderFuzzTest: UCS-4 in an unusual byte order (3412), refused by Jackson
    // while it opens the parser, escaped as an unchecked JacksonIOException.
    byte[] ucs4 = java.util.Base64.getDecoder().decode("AAEAAAAAAAAHAAAAAAAAAAAAAAAAAAAAAAAAAAA3AA==");
    assertThatThrownBy(() -> PayloadReader.of(ucs4, JsonLimits.defaults())
            .readDocument(PayloadReaderTest::anything))
        .isInstanceOfSatisfying(JsonReadException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD));
  }

  @Test
  void mapKeysAndUnknownNamesAreNeverInAMessage() {
    // A map key is data: the path names the map, not the key.
    assertThatThrownBy(() -> read("{\"m\": {\"jenny.rosen@example.com\": \"x\"}}",
        PayloadReaderTest::anything))
        .hasMessageContaining("/m/*")
        .message().doesNotContain("jenny");
    // A record inside a list inside a record: declared names stay, a map key after a record at
    // the same depth (the parser reuses its context) is starred.
    assertThatThrownBy(() -> read(
        "{\"items\": [{\"n\": 1}], \"m\": {\"a\": 1, \"secret@example.com\": true}}",
        PayloadReaderTest::anything))
        .hasMessageContaining("/m/*")
        .message().doesNotContain("secret");
    // An unknown property refused by a strict reader: its name is data.
    assertThatThrownBy(() -> PayloadReader.of(
            "{\"items\": [], \"card_4242424242424242\": 1}".getBytes(StandardCharsets.UTF_8),
            JsonLimits.defaults(), true)
        .readDocument(PayloadReaderTest::anything))
        .hasMessageContaining("an unknown property at /*")
        .message().doesNotContain("4242");
    // Bad JSON inside a skipped unknown property: no name from inside it either.
    assertThatThrownBy(() -> read(
        "{\"jenny@example.com\": {\"ssn-123-45-6789\": [1, }}", PayloadReaderTest::anything))
        .message().doesNotContain("jenny", "123-45");
  }

  @Test
  void pathsAreMadeSafeToLog() {
    assertThatThrownBy(() -> read("{\"items\": [{\"n\": 1, \"s\\nforged\\u202e\": {\"x\": 1}}]}",
        r -> { r.beginObject(ANYTHING); r.nextProperty(); r.readList(PayloadReaderTest::strictItem); return null; }))
        .hasMessageContaining("/items/0/s?forged?")
        .message().doesNotContain("\n", "\u202e");
  }

  /** Reads every property as an integer; one of its declared names is unsafe to log as it is. */
  private static Object strictItem(PayloadReader in) throws JsonReadException {
    in.beginObject(PropertyNames.of("n", "s\nforged\u202e"));
    while (in.nextProperty()) {
      in.readInt();
    }
    in.endObject();
    return null;
  }

  @Test
  void collectionSizeIsCapped() {
    JsonLimits limits = JsonLimits.defaults().withMaxCollectionSize(3);
    byte[] json = "[1, 2, 3, 4]".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PayloadReader.of(json, limits).readDocument(r -> r.readList(PayloadReader::readInt)))
        .isInstanceOfSatisfying(JsonReadException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED));
  }

  @Test
  void nestingIsCapped() {
    String deep = "[".repeat(65) + "]".repeat(65);
    assertThatThrownBy(() -> read("{\"x\": " + deep + "}", PayloadReaderTest::anything))
        .isInstanceOfSatisfying(JsonReadException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED));
  }

  @Test
  void shortNumbersWithHugeExponentsAreRefusedBeforeTheyCostAnything() {
    // 1e999999999 is ten characters; expanding it would take seconds and megabytes.
    for (String json : List.of("1e999999999", "1e-999999999", "\"1e999999999\"")) {
      assertThatThrownBy(() -> read(json, PayloadReader::readBigDecimal))
          .as(json)
          .isInstanceOfSatisfying(JsonReadException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED));
    }
    assertThatThrownBy(() -> read("1e999999999", PayloadReader::readInstant))
        .isInstanceOfSatisfying(JsonReadException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED));
    assertThatThrownBy(() -> read("\"9e999999999\"", PayloadReader::readBigInteger))
        .isInstanceOfSatisfying(JsonReadException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED));
  }

  @Test
  void unknownEnumWithoutFallbackIsInvalidAndWithFallbackIsTheFallback() throws Exception {
    PayloadReader.ValueReader<Color> strict = r -> r.readEnum(
        name -> name.equals("RED") ? Color.RED : null, null);
    assertThat(read("\"RED\"", strict)).isEqualTo(Color.RED);
    assertThatThrownBy(() -> read("\"BLUE\"", strict))
        .isInstanceOfSatisfying(JsonReadException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_PAYLOAD));
    PayloadReader.ValueReader<Color> lenient = r -> r.readEnum(name -> null, Color.GREEN);
    assertThat(read("\"BLUE\"", lenient)).isEqualTo(Color.GREEN);
  }

  @Test
  void instantsReadFromEpochSecondsFractionsAndIsoText() throws Exception {
    assertThat(read("1326853478", PayloadReader::readInstant))
        .isEqualTo(Instant.ofEpochSecond(1326853478));
    assertThat(read("1326853478.25", PayloadReader::readInstant))
        .isEqualTo(Instant.ofEpochSecond(1326853478, 250_000_000));
    assertThat(read("\"2012-01-18T02:24:38Z\"", PayloadReader::readInstant))
        .isEqualTo(Instant.ofEpochSecond(1326853478));
    assertThat(read("\"2012-01-17T21:24:38-05:00\"", PayloadReader::readInstant))
        .isEqualTo(Instant.ofEpochSecond(1326853478));
    assertThat(read("\"2012-01-17T21:24:38-05:00\"", PayloadReader::readOffsetDateTime))
        .isEqualTo(OffsetDateTime.parse("2012-01-17T21:24:38-05:00"));
    assertThatThrownBy(() -> read("\"yesterday\"", PayloadReader::readInstant))
        .isInstanceOf(JsonReadException.class);
  }

  /**
   * Date-times of the form webhooks send are read by hand; every other text goes to the JDK's
   * parser. Either way, what the reader gives is what the JDK's parser gives, and it refuses what
   * the JDK refuses: checked on texts around the common form, valid and not.
   */
  @Test
  void dateTimesReadAsTheJdkReadsThem() {
    Random random = new Random(20261129L);
    String[] offsets = {"Z", "z", "+00:00", "-00:00", "-05:00", "+05:30", "+18:00", "-18:00",
        "+18:01", "+19:00", "+05:60", "+0530", "+05", "+05:30:15", "", " ", "UTC", "+5:30"};
    String[] fractions = {"", ".", ".1", ".12", ".123", ".123456", ".123456789", ".1234567890",
        ".0", ".999999999", ",5"};
    int jdkAccepted = 0;
    for (int i = 0; i < 20_000; i++) {
      String text = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d%s%02d:%02d:%02d%s%s",
          random.nextInt(10) == 0 ? random.nextInt(10_000) : 1970 + random.nextInt(100),
          random.nextInt(14), random.nextInt(33),
          random.nextInt(20) == 0 ? "t" : random.nextInt(30) == 0 ? " " : "T",
          random.nextInt(26), random.nextInt(61), random.nextInt(62),
          fractions[random.nextInt(fractions.length)], offsets[random.nextInt(offsets.length)]);
      if (random.nextInt(20) == 0) {
        int at = random.nextInt(text.length());
        text = text.substring(0, at) + "x0-:.".charAt(random.nextInt(5)) + text.substring(at + 1);
      }
      String json = "\"" + text + "\"";
      OffsetDateTime jdk;
      try {
        jdk = OffsetDateTime.parse(text);
        jdkAccepted++;
      } catch (java.time.format.DateTimeParseException e) {
        jdk = null;
      }
      Instant jdkInstant;
      try {
        jdkInstant = Instant.parse(text);
      } catch (java.time.format.DateTimeParseException e) {
        jdkInstant = jdk == null ? null : jdk.toInstant();
      }
      OffsetDateTime ours;
      Instant ourInstant;
      try {
        ours = read(json, PayloadReader::readOffsetDateTime);
      } catch (JsonReadException e) {
        assertThat(e.reason()).as(text).isEqualTo(Reason.INVALID_PAYLOAD);
        ours = null;
      }
      try {
        ourInstant = read(json, PayloadReader::readInstant);
      } catch (JsonReadException e) {
        assertThat(e.reason()).as(text).isEqualTo(Reason.INVALID_PAYLOAD);
        ourInstant = null;
      }
      assertThat(ours).as(text).isEqualTo(jdk);
      assertThat(ourInstant).as(text).isEqualTo(jdkInstant);
    }
    assertThat(jdkAccepted).as("texts the JDK accepts").isBetween(2_000, 18_000);
  }

  @Test
  void aDateTimeOrADecimalBeyondTheStringLimitIsALimit() {
    JsonLimits limits = JsonLimits.defaults().withMaxStringLength(10);
    Map<String, PayloadReader.ValueReader<?>> readers = Map.of(
        "\"2025-01-14T11:02:45-05:00\"", PayloadReader::readOffsetDateTime,
        "\"2025-01-14T16:02:45Z\"", PayloadReader::readInstant,
        "\"12345678901.5\"", PayloadReader::readBigDecimal);
    readers.forEach((json, reader) -> assertThatThrownBy(() ->
            PayloadReader.of(json.getBytes(StandardCharsets.UTF_8), limits).readDocument(reader))
        .as(json)
        .isInstanceOfSatisfying(JsonReadException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.LIMIT_EXCEEDED)));
  }

  @Test
  void epochSecondsReadAsIntegersOrDecimals() throws Exception {
    assertThat(read("-1", PayloadReader::readInstant)).isEqualTo(Instant.ofEpochSecond(-1));
    assertThat(read("31556889864403199", PayloadReader::readInstant)).isEqualTo(Instant.MAX.minusNanos(999_999_999));
    assertThatThrownBy(() -> read("31556889864403200", PayloadReader::readInstant))
        .isInstanceOfSatisfying(JsonReadException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_PAYLOAD));
    assertThatThrownBy(() -> read("99999999999999999999", PayloadReader::readInstant))
        .isInstanceOfSatisfying(JsonReadException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_PAYLOAD));
    assertThat(read("1e3", PayloadReader::readInstant)).isEqualTo(Instant.ofEpochSecond(1000));
  }

  @Test
  void decimalsAreExactFromNumbersAndStrings() throws Exception {
    PayloadReader.ValueReader<Map<String, BigDecimal>> decimals = r -> {
      r.beginObject(PropertyNames.of("m"));
      r.nextProperty();
      Map<String, BigDecimal> map = r.readMap(PayloadReader::readBigDecimal);
      r.nextProperty();
      r.endObject();
      return map;
    };
    assertThat(read("{\"m\": {\"a\": 0.1, \"b\": \"403.00\"}}", decimals)).containsExactly(Map.entry("a", new BigDecimal("0.1")), Map.entry("b", new BigDecimal("403.00")));
  }
}
