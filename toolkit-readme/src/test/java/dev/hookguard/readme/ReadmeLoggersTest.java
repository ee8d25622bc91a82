package dev.hookguard.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's "Logs" table names every SLF4J logger the runtime (and the AMQP publisher, the
 * cluster rate limiter and the Spring Boot starter) creates, found in their sources
 * ({@code LoggerFactory.getLogger("name")} or {@code LoggerFactory.getLogger(X.class)}), and no
 * logger that no longer exists.
 */
class ReadmeLoggersTest {

  private static final Path README = Path.of("..", "README.md");
  private static final List<Path> SOURCES = List.of(
      Path.of("..", "toolkit-runtime", "src", "main", "java"),
      Path.of("..", "toolkit-amqp", "src", "main", "java"),
      Path.of("..", "toolkit-ratelimit", "src", "main", "java"),
      Path.of("..", "toolkit-spring-boot-starter", "src", "main", "java"));
  private static final Pattern GET_LOGGER =
      Pattern.compile("LoggerFactory\\.getLogger\\(\\s*(?:\"([^\"]+)\"|(\\w+)\\.class)\\s*\\)");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");

  static TreeSet<String> loggersInTheRuntime() throws IOException {
    TreeSet<String> names = new TreeSet<>();
    List<Path> files = new ArrayList<>();
    for (Path root : SOURCES) {
      try (Stream<Path> walk = Files.walk(root)) {
        files.addAll(walk.filter(f -> f.toString().endsWith(".java")).toList());
      }
    }
    for (Path file : files) {
      String source = Files.readString(file, StandardCharsets.UTF_8);
      Matcher call = GET_LOGGER.matcher(source);
      while (call.find()) {
        if (call.group(1) != null) {
          names.add(call.group(1));
        } else {
          Matcher pkg = PACKAGE.matcher(source);
          assertThat(pkg.find()).as("package of %s", file).isTrue();
          names.add(pkg.group(1) + "." + call.group(2));
        }
      }
    }
    return names;
  }

  static List<String> loggersInTheReadme() throws IOException {
    List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
    int start = lines.indexOf("## Logs");
    assertThat(start).as("a '## Logs' section").isNotNegative();
    List<String> names = new ArrayList<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      Matcher cell = Pattern.compile("^\\| `(dev\\.hookguard[\\w.]*)` \\|").matcher(line);
      if (cell.find()) {
        names.add(cell.group(1));
      }
    }
    return names;
  }

  @Test
  void theLogsTableNamesEveryLoggerOfTheRuntimeAndNoOther() throws IOException {
    TreeSet<String> inCode = loggersInTheRuntime();
    assertThat(inCode).as("loggers found in the runtime's sources").hasSizeGreaterThanOrEqualTo(3);

    assertThat(new TreeSet<>(loggersInTheReadme())).isEqualTo(inCode);
  }
}
