package dev.hookguard.processor.validation;

import dev.hookguard.api.Sensitive;
import dev.hookguard.processor.model.Storage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A committed privacy baseline: a privacy manifest of an earlier build (its JSON format), read
 * for what the baseline check compares, property by property. Read with a small parser of its
 * own: the processor carries no JSON library.
 *
 * @param types by qualified name, in the order of the file
 */
public record PrivacyBaseline(Map<String, Type> types) {

  /** A root as the baseline has it. */
  public record Type(String name, OptionalInt retentionDays, Map<String, Property> properties) {}

  /** A property as the baseline has it, by JSON path. */
  public record Property(
      String path,
      Optional<Sensitive.Category> category,
      Optional<Sensitive.Mask> mask,
      Storage.Protection encryption,
      OptionalInt retentionDays,
      boolean subject) {}

  /**
   * Reads the baseline at {@code file}.
   *
   * @throws IOException when it cannot be read
   * @throws IllegalArgumentException when it is not a privacy manifest
   */
  public static PrivacyBaseline read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** @throws IllegalArgumentException when {@code json} is not a privacy manifest */
  public static PrivacyBaseline parse(String json) {
    Object root = new Parser(json).document();
    Map<String, Object> manifest = object(root, "the document");
    Object format = manifest.get("format");
    if (!(format instanceof Long version) || version != 1) {
      throw new IllegalArgumentException("not a privacy manifest of format 1 (\"format\": " + format + ")");
    }
    Map<String, Type> types = new LinkedHashMap<>();
    for (Object t : list(manifest.get("types"), "types")) {
      Map<String, Object> type = object(t, "a type");
      String name = text(type.get("type"), "type");
      Map<String, Property> properties = new LinkedHashMap<>();
      for (Object p : list(type.get("properties"), name + " properties")) {
        Map<String, Object> property = object(p, "a property of " + name);
        String path = text(property.get("path"), "path");
        properties.put(path, new Property(
            path,
            optionalText(property.get("category")).map(c -> Sensitive.Category.valueOf(c)),
            optionalText(property.get("mask")).map(m -> Sensitive.Mask.valueOf(m)),
            protection(text(property.get("encryption"), path + " encryption")),
            days(property.get("retentionDays")),
            Boolean.TRUE.equals(property.get("subject"))));
      }
      types.put(name, new Type(name, days(type.get("retentionDays")), properties));
    }
    return new PrivacyBaseline(types);
  }

  private static Storage.Protection protection(String encryption) {
    return switch (encryption) {
      case "none" -> Storage.Protection.PLAIN;
      case "randomized", "deterministic" ->
          Storage.Protection.valueOf(encryption.toUpperCase(Locale.ROOT));
      default -> throw new IllegalArgumentException("unknown encryption \"" + encryption + "\"");
    };
  }

  private static OptionalInt days(Object value) {
    if (value == null) {
      return OptionalInt.empty();
    }
    if (value instanceof Long days && days > 0 && days <= Integer.MAX_VALUE) {
      return OptionalInt.of(days.intValue());
    }
    throw new IllegalArgumentException("retentionDays must be a positive integer or null, not " + value);
  }

  private static Optional<String> optionalText(Object value) {
    return value == null ? Optional.empty() : Optional.of(text(value, "a name"));
  }

  private static String text(Object value, String what) {
    if (value instanceof String text) {
      return text;
    }
    throw new IllegalArgumentException(what + " must be a string");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String what) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalArgumentException(what + " must be an object");
  }

  private static List<?> list(Object value, String what) {
    if (value instanceof List<?> list) {
      return list;
    }
    throw new IllegalArgumentException(what + " must be an array");
  }

  /** JSON into maps, lists, strings, longs, doubles, booleans and nulls. */
  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    Object document() {
      Object value = value();
      skipSpace();
      if (at != text.length()) {
        throw error("trailing content");
      }
      return value;
    }

    private Object value() {
      skipSpace();
      if (at >= text.length()) {
        throw error("unexpected end");
      }
      char c = text.charAt(at);
      return switch (c) {
        case '{' -> object();
        case '[' -> array();
        case '"' -> string();
        case 't' -> literal("true", Boolean.TRUE);
        case 'f' -> literal("false", Boolean.FALSE);
        case 'n' -> literal("null", null);
        default -> number();
      };
    }

    private Map<String, Object> object() {
      Map<String, Object> map = new LinkedHashMap<>();
      at++;
      skipSpace();
      if (peek() == '}') {
        at++;
        return map;
      }
      while (true) {
        skipSpace();
        if (peek() != '"') {
          throw error("expected a name");
        }
        String name = string();
        skipSpace();
        expect(':');
        if (map.put(name, value()) != null) {
          throw error("duplicate name \"" + name + "\"");
        }
        skipSpace();
        if (peek() == ',') {
          at++;
        } else {
          expect('}');
          return map;
        }
      }
    }

    private List<Object> array() {
      List<Object> list = new ArrayList<>();
      at++;
      skipSpace();
      if (peek() == ']') {
        at++;
        return list;
      }
      while (true) {
        list.add(value());
        skipSpace();
        if (peek() == ',') {
          at++;
        } else {
          expect(']');
          return list;
        }
      }
    }

    private String string() {
      StringBuilder out = new StringBuilder();
      at++;
      while (true) {
        if (at >= text.length()) {
          throw error("unterminated string");
        }
        char c = text.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (at >= text.length()) {
          throw error("unterminated escape");
        }
        char e = text.charAt(at++);
        switch (e) {
          case '"', '\\', '/' -> out.append(e);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            if (at + 4 > text.length()) {
              throw error("short unicode escape");
            }
            out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            at += 4;
          }
          default -> throw error("unknown escape \\" + e);
        }
      }
    }

    private Object number() {
      int start = at;
      while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      String number = text.substring(start, at);
      if (number.isEmpty()) {
        throw error("unexpected character '" + text.charAt(start) + "'");
      }
      try {
        return number.matches("-?\\d+") ? (Object) Long.parseLong(number) : Double.parseDouble(number);
      } catch (NumberFormatException e) {
        throw error("bad number " + number);
      }
    }

    private Object literal(String word, Object value) {
      if (!text.startsWith(word, at)) {
        throw error("unexpected text");
      }
      at += word.length();
      return value;
    }

    private char peek() {
      if (at >= text.length()) {
        throw error("unexpected end");
      }
      return text.charAt(at);
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      at++;
    }

    private void skipSpace() {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
    }

    private IllegalArgumentException error(String problem) {
      int line = 1;
      for (int i = 0; i < Math.min(at, text.length()); i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
      return new IllegalArgumentException(problem + " at line " + line);
    }
  }
}
