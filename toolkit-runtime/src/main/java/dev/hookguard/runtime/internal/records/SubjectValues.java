package dev.hookguard.runtime.internal.records;

import dev.hookguard.runtime.generated.FieldSpec;
import dev.hookguard.runtime.generated.StoreSchema;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The data subjects a record is about: the values at its schema's subject paths, normalized.
 *
 * <p>Normalization makes the ways one person is written one subject: Unicode NFKC, surrounding
 * white space stripped, lower case (root locale). So {@code " Ada@Example.COM"} and {@code
 * "ada@example.com"} are one subject. Strings and numbers count (a number as written); {@code
 * null}, booleans, objects and arrays at a subject path are not subjects.
 */
public final class SubjectValues {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private SubjectValues() {}

  /** {@code value} normalized, or empty if nothing is left of it. */
  public static String normalize(String value) {
    return Normalizer.normalize(value, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The distinct normalized subjects of a record whose fields hold {@code fieldJson} (canonical
   * JSON by field path), sorted.
   */
  public static List<String> of(StoreSchema schema, Map<String, String> fieldJson) {
    if (schema.subjects().isEmpty()) {
      return List.of();
    }
    TreeSet<String> found = new TreeSet<>();
    for (String subject : schema.subjects()) {
      FieldSpec field = schema.subjectField(subject).orElseThrow();
      String json = fieldJson.get(field.path());
      if (json == null) {
        continue;
      }
      try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
        parser.nextToken();
        collect(parser, subject.substring(field.path().length()), found);
      }
    }
    return List.copyOf(found);
  }

  /**
   * Adds the subjects at {@code rest} (steps {@code .name}, {@code []}, {@code {}}) of the value
   * {@code parser} stands on, and leaves the parser on that value's last token.
   */
  private static void collect(JsonParser parser, String rest, TreeSet<String> found) {
    JsonToken token = parser.currentToken();
    if (rest.isEmpty()) {
      if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT
          || token == JsonToken.VALUE_NUMBER_FLOAT) {
        String normalized = normalize(parser.getString());
        if (!normalized.isEmpty()) {
          found.add(normalized);
        }
      }
      parser.skipChildren();
    } else if (rest.startsWith("[]") && token == JsonToken.START_ARRAY) {
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        collect(parser, rest.substring(2), found);
      }
    } else if (rest.startsWith("{}") && token == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        parser.nextToken();
        collect(parser, rest.substring(2), found);
      }
    } else if (rest.startsWith(".") && token == JsonToken.START_OBJECT) {
      int end = nextStep(rest);
      String name = rest.substring(1, end);
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        boolean wanted = name.equals(parser.currentName());
        parser.nextToken();
        if (wanted) {
          collect(parser, rest.substring(end), found);
        } else {
          parser.skipChildren();
        }
      }
    } else {
      parser.skipChildren();
    }
  }

  /** Where the name of a {@code .name} step at the start of {@code rest} ends. */
  private static int nextStep(String rest) {
    for (int i = 1; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '.' || (c == '[' && rest.startsWith("[]", i)) || (c == '{' && rest.startsWith("{}", i))) {
        return i;
      }
    }
    return rest.length();
  }
}
