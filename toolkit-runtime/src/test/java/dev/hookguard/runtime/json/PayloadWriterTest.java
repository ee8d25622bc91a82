package dev.hookguard.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.generated.Masks;
import dev.hookguard.runtime.generated.PayloadWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Both renderings of one written structure: the log line and the JSON. */
class PayloadWriterTest {

  private static void sample(PayloadWriter out, Object ignored) {
    out.beginObject("Order");
    out.name("id");
    out.string("ord_1");
    out.name("totalPrice", "total_price");
    out.number(new BigDecimal("1E+3"));
    out.name("email");
    out.masked(Masks.email("jenny@example.com"));
    out.name("tags");
    out.list(List.of("a", "b"), PayloadWriter::string);
    Map<String, Integer> stock = new LinkedHashMap<>();
    stock.put("x\"y", 1);
    stock.put("z", null);
    out.name("stock");
    out.map(stock, (w, e) -> w.number(e));
    out.name("note");
    out.optional(Optional.empty(), PayloadWriter::string);
    out.name("sizes");
    out.array(new int[] {1, 2});
    out.name("rate");
    out.number(0.06);
    out.endObject();
  }

  @Test
  void logLineIsCompactAndNamesJavaProperties() {
    assertThat(PayloadWriter.toLogString(null, PayloadWriterTest::sample)).isEqualTo(
        "Order{id=\"ord_1\", totalPrice=1000, email=j***@example.com, tags=[\"a\", \"b\"], "
            + "stock={\"x\\\"y\"=1, \"z\"=null}, note=null, sizes=[1, 2], rate=0.06}");
  }

  @Test
  void jsonUsesJsonNamesAndExactPlainNumbers() {
    assertThat(PayloadWriter.toJson(null, PayloadWriterTest::sample)).isEqualTo(
        "{\"id\":\"ord_1\",\"total_price\":1000,\"email\":\"j***@example.com\","
            + "\"tags\":[\"a\",\"b\"],\"stock\":{\"x\\\"y\":1,\"z\":null},\"note\":null,"
            + "\"sizes\":[1,2],\"rate\":0.06}");
  }

  @Test
  void logLineEscapesEverythingThatCouldForgeALine() {
    String hostile = "ok\"\n2026-01-01 INFO forged\r\t\u0000\u2028\u202e\\";
    String line = PayloadWriter.toLogString(hostile, (out, v) -> out.string(v));
    assertThat(line)
        .isEqualTo("\"ok\\\"\\n2026-01-01 INFO forged\\r\\t\\u0000\\u2028\\u202e\\\\\"")
        .doesNotContain("\n", "\r", "\u2028", "\u202e");
  }

  @Test
  void nullRendersAsNullInBoth() {
    assertThat(PayloadWriter.toLogString(null, (out, v) -> out.nullValue())).isEqualTo("null");
    assertThat(PayloadWriter.toJson(null, (out, v) -> out.nullValue())).isEqualTo("null");
  }

  @Test
  void nonFiniteDoublesStayValidJson() {
    String json = PayloadWriter.toJson(Double.NaN, (out, v) -> out.number(v.doubleValue()));
    assertThat(json).isEqualTo("\"NaN\"");
  }

  private static void inner(PayloadWriter out, Integer x) {
    out.beginObject("Inner");
    out.name("x");
    out.number(x);
    out.endObject();
  }

  @Test
  void nestedAndEmptyContainersAreSeparatedOnceInBoth() {
    PayloadWriter.ValueWriter<Object> nested = (out, ignored) -> {
      out.beginObject("Outer");
      out.name("a");
      out.list(List.<String>of(), PayloadWriter::string);
      out.name("b");
      inner(out, 1);
      out.name("c");
      out.list(List.of(1, 2), PayloadWriterTest::inner);
      out.name("d");
      out.list(List.of(List.of(1), List.<Integer>of(), List.of(2, 3)),
          (w, list) -> w.list(list, (v, n) -> v.number(n)));
      out.name("e");
      out.map(Map.<String, String>of(), PayloadWriter::string);
      out.name("f");
      out.map(Map.of("k", java.util.Collections.singletonList((String) null)),
          (w, list) -> w.list(list, PayloadWriter::string));
      out.name("g");
      out.bool(true);
      out.endObject();
    };

    assertThat(PayloadWriter.toLogString(null, nested)).isEqualTo(
        "Outer{a=[], b=Inner{x=1}, c=[Inner{x=1}, Inner{x=2}], d=[[1], [], [2, 3]], e={},"
            + " f={\"k\"=[null]}, g=true}");
    assertThat(PayloadWriter.toJson(null, nested)).isEqualTo(
        "{\"a\":[],\"b\":{\"x\":1},\"c\":[{\"x\":1},{\"x\":2}],\"d\":[[1],[],[2,3]],"
            + "\"e\":{},\"f\":{\"k\":[null]},\"g\":true}");
  }

  @Test
  void escapesOnlyWhatNeedsItAnywhereInAValue() {
    assertThat(PayloadWriter.toLogString("plain ascii ~ é ü 日本", (out, v) -> out.string(v)))
        .isEqualTo("\"plain ascii ~ é ü 日本\"");
    assertThat(PayloadWriter.toLogString("\u007f\u0085x\u2066", (out, v) -> out.string(v)))
        .isEqualTo("\"\\u007f\\u0085x\\u2066\"");
    assertThat(PayloadWriter.toLogString("a\"b", (out, v) -> out.masked(v)))
        .isEqualTo("a\\\"b");
  }

  /**
   * The log line's escaping rule, stated on its own: quotes, backslashes and the short forms;
   * every other control character, the line and paragraph separators and the bidirectional
   * embeddings, overrides and isolates as a lower-case backslash-u escape; anything else as is.
   */
  private static String logEscaped(String value) {
    StringBuilder text = new StringBuilder();
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        default -> {
          boolean escaped = Character.isISOControl(c) || c == 0x2028 || c == 0x2029
              || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
          text.append(escaped ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
      }
    }
    return text.toString();
  }

  @Test
  void everyCharacterIsEscapedInALogLineByItsRuleQuotedOrMasked() {
    for (int c = 0; c < 0x10000; c++) {
      String value = "a" + (char) c + "b";
      assertThat(PayloadWriter.toLogString(value, (out, v) -> out.string(v)))
          .isEqualTo("\"" + logEscaped(value) + "\"");
      assertThat(PayloadWriter.toLogString(value, (out, v) -> out.masked(v)))
          .isEqualTo(logEscaped(value));
    }
    // Longer than a line's first buffer, with escapes before and after it grows.
    String longValue = "x\n".repeat(3_000) + "\u202e" + "y".repeat(20_000) + "\"";
    assertThat(PayloadWriter.toLogString(longValue, (out, v) -> out.string(v)))
        .isEqualTo("\"" + logEscaped(longValue) + "\"");
  }

  @Test
  void aDateTimeInALogLineIsExactlyItsToString() {
    java.util.List<java.time.OffsetDateTime> values = new java.util.ArrayList<>(List.of(
        java.time.OffsetDateTime.parse("2025-01-14T11:02:45-05:00"),
        java.time.OffsetDateTime.parse("2025-01-14T11:02:00Z"),
        java.time.OffsetDateTime.parse("2025-01-14T11:00:00.5+05:30"),
        java.time.OffsetDateTime.parse("2025-01-14T11:00:00.000250Z"),
        java.time.OffsetDateTime.parse("2025-01-14T11:00:00.000000001Z"),
        java.time.OffsetDateTime.MIN,
        java.time.OffsetDateTime.MAX,
        java.time.OffsetDateTime.of(-5, 1, 2, 3, 4, 5, 0, java.time.ZoneOffset.ofHoursMinutesSeconds(1, 2, 3)),
        java.time.OffsetDateTime.of(999, 12, 31, 23, 59, 59, 999_999_999, java.time.ZoneOffset.UTC),
        java.time.OffsetDateTime.of(10_000, 1, 1, 0, 0, 0, 0, java.time.ZoneOffset.ofHours(-18))));
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 2_000; i++) {
      int[] nanos = {0, random.nextInt(1_000) * 1_000_000, random.nextInt(1_000_000) * 1_000,
          random.nextInt(1_000_000_000)};
      values.add(java.time.OffsetDateTime.of(
          random.nextInt(20_000) - 10_000, 1 + random.nextInt(12), 1 + random.nextInt(28),
          random.nextInt(24), random.nextInt(60), random.nextInt(3) == 0 ? 0 : random.nextInt(60),
          nanos[random.nextInt(nanos.length)],
          java.time.ZoneOffset.ofTotalSeconds((random.nextInt(36 * 60) - 18 * 60) * 60
              + (random.nextInt(10) == 0 ? random.nextInt(60) : 0))));
    }

    for (java.time.OffsetDateTime value : values) {
      assertThat(PayloadWriter.toLogString(value, PayloadWriter::text))
          .isEqualTo("\"" + value + "\"");
      assertThat(PayloadWriter.toJson(value, PayloadWriter::text))
          .isEqualTo("\"" + value + "\"");
    }
  }
}
