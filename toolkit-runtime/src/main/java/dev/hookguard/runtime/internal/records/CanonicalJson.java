package dev.hookguard.runtime.internal.records;

import dev.hookguard.runtime.store.StoreException;
import java.io.StringWriter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Checks that a text is exactly one JSON value and rewrites it in one canonical form (no
 * insignificant white space, one escaping, numbers as written): equal values written by the
 * generated code compare equal as bytes, which lookup tokens rely on. Object members keep their
 * order; the generated code writes them in declaration order.
 */
public final class CanonicalJson {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private CanonicalJson() {}

  /**
   * The canonical form of {@code json}.
   *
   * @throws StoreException with {@code INVALID_REQUEST} naming {@code path}, never the text
   */
  public static String canonical(String json, String path) {
    StringWriter out = new StringWriter(json.length());
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json);
        JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      if (parser.nextToken() == null) {
        throw invalid(path);
      }
      generator.copyCurrentStructureExact(parser);
      if (parser.nextToken() != null) {
        throw invalid(path);
      }
    } catch (JacksonException e) {
      // The parser's message may quote the input; do not pass it on.
      throw invalid(path);
    }
    return out.toString();
  }

  private static StoreException invalid(String path) {
    return new StoreException(
        StoreException.Reason.INVALID_REQUEST, "field " + path + " is not a single JSON value");
  }
}
