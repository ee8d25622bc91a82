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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One full expected source per generated shape, compared as text, so any change in generated
 * code shows up in review. A missing or outdated golden is written to {@code target/golden-actual}
 * for inspection; run with {@code -Dhookguard.updateGoldens=true} to accept the new output.
 */
class GoldenSourceTest {

  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Path ACTUAL = Path.of("target/golden-actual");

  @ParameterizedTest(name = "{0} generates {1}")
  @CsvSource({
      "shapes/Customer.java, shapes.CustomerRedactor",
      "shapes/Order.java, shapes.OrderRedactor",
      "shapes/Shipment.java, shapes.ShipmentRedactor",
      "shapes/Shipment.java, shapes.Shipment_AddressRedactor",
      "shapes/Catalog.java, shapes.CatalogRedactor",
      "shapes/Customer.java, shapes.CustomerVerifier",
      "shapes/Order.java, shapes.OrderVerifier",
      "shapes/Shipment.java, shapes.ShipmentVerifier",
      "shapes/Catalog.java, shapes.CatalogVerifier",
      "shapes/Customer.java, shapes.CustomerStore",
      "shapes/Order.java, shapes.OrderStore",
      "shapes/Shipment.java, shapes.ShipmentStore",
  })
  void generatedSourceMatchesGolden(String source, String generated) throws IOException {
    Compilation compilation = Sources.compile(Sources.resource(source));
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

  @ParameterizedTest(name = "{0}")
  @CsvSource({"shapes/Customer.java", "shapes/Order.java", "shapes/Shipment.java",
      "shapes/Catalog.java"})
  void everyGeneratedClassIsMarkedWithTheProcessorOnly(String source) throws IOException {
    Compilation compilation = Sources.compile(Sources.resource(source));
    List<JavaFileObject> generated = compilation.generatedSourceFiles();
    assertThat(generated).isNotEmpty();
    for (JavaFileObject file : generated) {
      assertThat(file.getCharContent(true).toString())
          .contains("@Generated(\"dev.hookguard.processor.HookGuardProcessor\")")
          .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    }
  }
}
