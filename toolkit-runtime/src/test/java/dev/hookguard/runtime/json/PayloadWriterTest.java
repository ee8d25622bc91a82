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
}
