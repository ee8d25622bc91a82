package dev.hookguard.processor.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.api.Naming;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.PropertyNamingStrategies;

/** Jackson is the oracle: generated code and Jackson databind must agree on every JSON name. */
class JsonNamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"id", "createdAt", "userID", "URLValue", "addressLine1", "line2Text",
      "_private", "a", "aB", "HTMLParser", "already_snake", "x9Y", "ÄrgerÖl", "isPrivate"})
  void snakeCaseMatchesJackson(String javaName) {
    // NamingBase ignores the config and member and translates the default name.
    String jackson = PropertyNamingStrategies.SNAKE_CASE.nameForField(null, null, javaName);
    assertThat(JsonNames.translate(javaName, Naming.SNAKE_CASE)).isEqualTo(jackson);
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "createdAt", "URLValue"})
  void asIsKeepsTheName(String javaName) {
    assertThat(JsonNames.translate(javaName, Naming.AS_IS)).isEqualTo(javaName);
  }
}
