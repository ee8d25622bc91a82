package dev.hookguard.processor.model;

import dev.hookguard.api.Naming;

/** Java names to JSON names, exactly as Jackson's naming strategies translate them. */
public final class JsonNames {

  private JsonNames() {}

  public static String translate(String javaName, Naming naming) {
    return switch (naming) {
      case AS_IS -> javaName;
      case SNAKE_CASE -> snakeCase(javaName);
    };
  }

  /**
   * Jackson's {@code SnakeCaseStrategy}: an underscore before each upper-case letter that does
   * not follow another translated one, all lower case; a leading underscore is dropped. Kept
   * identical so payloads read by Jackson and by generated code agree on every name.
   */
  static String snakeCase(String input) {
    StringBuilder result = new StringBuilder(input.length() * 2);
    boolean previousTranslated = false;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (i == 0 && c == '_') {
        continue;
      }
      if (Character.isUpperCase(c)) {
        if (!previousTranslated
            && result.length() > 0
            && result.charAt(result.length() - 1) != '_') {
          result.append('_');
        }
        c = Character.toLowerCase(c);
        previousTranslated = true;
      } else {
        previousTranslated = false;
      }
      result.append(c);
    }
    return result.length() > 0 ? result.toString() : input;
  }
}
