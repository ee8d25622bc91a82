package dev.hookguard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One full expected source for every file generated from the test shapes, compared as text, so
 * any change in generated code shows up in review and no generated file goes without a golden. A missing or outdated golden is written to {@code target/golden-actual}
 * for inspection; run with {@code -Dhookguard.updateGoldens=true} to accept the new output.
 */
class GoldenSourceTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Path ACTUAL = Path.of("target/golden-actual");

  /** The test shapes, each compiled on its own: a root with the sources it needs. */
  private static final List<List<String>> SOURCES = List.of(
      List.of("shapes/Customer.java"),
      List.of("shapes/Order.java"),
      List.of("shapes/Shipment.java"),
      List.of("shapes/Catalog.java"),
      List.of("shapes/Invoice.java", "shapes/Money.java"));

  /**
   * Every source file the processor generates for every test shape: a new generated file without
   * a golden fails, rather than going unreviewed.
   */
  static Stream<Arguments> everyGeneratedFile() {
    return SOURCES.stream().flatMap(sources -> {
      Compilation compilation = compile(sources);
      return compilation.generatedSourceFiles().stream()
          .map(file -> Arguments.of(sources.get(0), qualifiedName(file)));
    });
  }

  private static Compilation compile(List<String> sources) {
    return Sources.compile(sources.stream().map(Sources::resource).toList());
  }

  /** The sources of the shape whose root is {@code root}. */
  private static List<String> shape(String root) {
    return SOURCES.stream().filter(sources -> sources.get(0).equals(root)).findFirst().orElseThrow();
  }

  /** {@code shapes.CustomerRedactor} for {@code /SOURCE_OUTPUT/shapes/CustomerRedactor.java}. */
  private static String qualifiedName(JavaFileObject file) {
    String path = file.toUri().getPath();
    String relative = path.substring(path.indexOf("/SOURCE_OUTPUT/") + "/SOURCE_OUTPUT/".length());
    return relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
  }

  @ParameterizedTest(name = "{0} generates {1}")
  @MethodSource("everyGeneratedFile")
  void generatedSourceMatchesGolden(String source, String generated) throws IOException {
    Compilation compilation = compile(shape(source));
    assertThat(compilation).succeededWithoutWarnings();

    JavaFileObject file = compilation.generatedSourceFile(generated).orElseThrow();
    String actual = file.getCharContent(true).toString();
    Path golden = GOLDEN.resolve(generated + ".java");

    if (Boolean.getBoolean("hookguard.updateGoldens")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    if (!Files.exists(golden) || !Files.readString(golden).equals(actual)) {
      Path written = ACTUAL.resolve(generated + ".java");
      Files.createDirectories(ACTUAL);
      Files.writeString(written, actual, StandardCharsets.UTF_8);
      if (!Files.exists(golden)) {
        fail("No golden for %s. Review %s, then copy it to %s (or run with "
            + "-Dhookguard.updateGoldens=true).", generated, written.toAbsolutePath(), golden);
      }
      assertThat(actual).as("generated %s (also written to %s)", generated, written)
          .isEqualTo(Files.readString(golden));
    }
  }

  static Stream<String> sources() {
    return SOURCES.stream().map(sources -> sources.get(0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void everyGeneratedClassIsMarkedWithTheProcessorOnly(String source) throws IOException {
    Compilation compilation = compile(shape(source));
    List<JavaFileObject> generated = compilation.generatedSourceFiles();
    assertThat(generated).isNotEmpty();
    for (JavaFileObject file : generated) {
      assertThat(file.getCharContent(true).toString())
          .contains("@Generated(\"dev.hookguard.processor.HookGuardProcessor\")")
          .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    }
  }
}
