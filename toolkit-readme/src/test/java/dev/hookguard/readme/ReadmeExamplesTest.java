package dev.hookguard.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of the README is in compiled sources, line for line (leading and
 * trailing white space aside, blank lines aside): this module's own, or the Spring Boot sample's
 * ({@code toolkit-samples-spring}, built and tested in the same reactor), so that an example
 * that stops compiling, or a README block changed without its copy, fails the build. Every
 * {@code ```properties} block is, likewise, in the Spring Boot sample's {@code
 * application.properties}, which its tests run with.
 */
class ReadmeExamplesTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path SOURCES = Path.of("src", "test", "java", "dev", "hookguard", "readme");
  private static final Path SPRING_SAMPLE = Path.of("..", "toolkit-samples-spring", "src", "main");
  private static final List<Path> JAVA_SOURCES = List.of(SOURCES, SPRING_SAMPLE.resolve("java"));
  private static final Path SPRING_PROPERTIES =
      SPRING_SAMPLE.resolve(Path.of("resources", "application.properties"));

  @Test
  void everyJavaBlockOfTheReadmeIsCompiledHere() throws IOException {
    List<List<String>> blocks = blocks(readme(), "java");
    assertThat(blocks).as("java blocks in the README").hasSizeGreaterThanOrEqualTo(10);
    List<List<String>> sources = new ArrayList<>();
    for (Path root : JAVA_SOURCES) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          sources.add(normalized(Files.readAllLines(file, StandardCharsets.UTF_8)));
        }
      }
    }
    for (List<String> block : blocks) {
      List<String> lines = normalized(block);
      assertThat(sources.stream().anyMatch(source -> containsInOrder(source, lines)))
          .as("README block starting %s is in %s, line for line", lines.get(0), JAVA_SOURCES)
          .isTrue();
    }
  }

  @Test
  void everyPropertiesBlockIsTheSpringSamplesConfiguration() throws IOException {
    List<List<String>> blocks = blocks(readme(), "properties");
    assertThat(blocks).as("properties blocks in the README").isNotEmpty();
    List<String> properties = normalized(Files.readAllLines(SPRING_PROPERTIES, StandardCharsets.UTF_8));
    for (List<String> block : blocks) {
      List<String> lines = normalized(block);
      assertThat(containsInOrder(properties, lines))
          .as("README block starting %s is in %s, line for line", lines.get(0), SPRING_PROPERTIES)
          .isTrue();
    }
  }

  @Test
  void aChangedBlockIsNoticed() {
    List<String> source = normalized(List.of("int a = 1;", "", "  int b = 2;"));
    assertThat(containsInOrder(source, normalized(List.of("int a = 1;", "int b = 2;")))).isTrue();
    assertThat(containsInOrder(source, normalized(List.of("int a = 1;", "int b = 3;")))).isFalse();
  }

  private static List<String> readme() throws IOException {
    return Files.readAllLines(README, StandardCharsets.UTF_8);
  }

  private static List<List<String>> blocks(List<String> readme, String language) {
    List<List<String>> blocks = new ArrayList<>();
    List<String> current = null;
    for (String line : readme) {
      if (current == null && line.strip().equals("```" + language)) {
        current = new ArrayList<>();
      } else if (current != null && line.strip().equals("```")) {
        blocks.add(current);
        current = null;
      } else if (current != null) {
        current.add(line);
      }
    }
    return blocks;
  }

  private static List<String> normalized(List<String> lines) {
    return lines.stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }

  private static boolean containsInOrder(List<String> source, List<String> block) {
    return java.util.Collections.indexOfSubList(source, block) >= 0;
  }
}
