package dev.hookguard.runtime.generated;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.core.sym.BinaryNameMatcher;
import tools.jackson.core.sym.PropertyNameMatcher;

/**
 * The JSON names of one type's properties, in declaration order: built once per type, in a
 * constant of the generated verifier, and handed to {@link PayloadReader#beginObject}. The parser
 * matches a name against them as it reads the name's bytes (Jackson's {@code nextNameMatch}, as
 * Jackson's own data binding does), so a declared name is never decoded into a new string nor
 * looked up in the parser's symbol table, and the reader knows which property it is by number:
 * one bit per property refuses a repeated one.
 */
public final class PropertyNames {

  private final String[] names;
  private final PropertyNameMatcher matcher;
  /** The longest name in UTF-8 bytes: past the reader's name limit, names are not matched early. */
  private final int longestUtf8;

  private PropertyNames(String[] names) {
    this.names = names;
    this.matcher = BinaryNameMatcher.construct(List.of(names));
    int longest = 0;
    for (String name : names) {
      longest = Math.max(longest, name.getBytes(StandardCharsets.UTF_8).length);
    }
    this.longestUtf8 = longest;
  }

  /** The names of a type's properties, each once, in the order its reader declares them. */
  public static PropertyNames of(String... names) {
    Set<String> distinct = new HashSet<>();
    for (String name : names) {
      if (!distinct.add(name)) {
        throw new IllegalArgumentException("a property name given twice");
      }
    }
    return new PropertyNames(names.clone());
  }

  /** How many names. */
  int size() {
    return names.length;
  }

  PropertyNameMatcher matcher() {
    return matcher;
  }

  int longestUtf8() {
    return longestUtf8;
  }

  @Override
  public String toString() {
    return "PropertyNames" + List.of(names);
  }
}
