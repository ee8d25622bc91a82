package dev.hookguard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The privacy manifest of the test shapes, compiled together, against its goldens: the JSON in the
 * class output and the Markdown in the source output. A changed manifest shows up in review like
 * changed generated code; accept it with {@code -Dhookguard.updateGoldens=true}.
 */
class PrivacyManifestGoldenTest {

  static final List<String> SHAPES = List.of(
      "shapes/Customer.java", "shapes/Order.java", "shapes/Shipment.java", "shapes/Catalog.java",
      "shapes/Invoice.java", "shapes/Money.java");

  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final Path ACTUAL = Path.of("target/golden-actual");

  static Compilation compileShapes() {
    Compilation compilation = Sources.compile(SHAPES.stream().map(Sources::resource).toList());
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  static String manifestJson(Compilation compilation) throws IOException {
    return read(compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
        "META-INF/hookguard/privacy-manifest.json").orElseThrow(
            () -> new AssertionError("no META-INF/hookguard/privacy-manifest.json")));
  }

  @Test
  void jsonManifestMatchesGolden() throws IOException {
    assertMatchesGolden(manifestJson(compileShapes()), "privacy-manifest.json");
  }

  @Test
  void markdownManifestIsWrittenBesideTheGeneratedSources() throws IOException {
    Compilation compilation = compileShapes();
    String markdown = read(compilation.generatedFile(StandardLocation.SOURCE_OUTPUT,
        "hookguard/privacy-manifest.md").orElseThrow(
            () -> new AssertionError("no hookguard/privacy-manifest.md in the source output")));
    assertMatchesGolden(markdown, "privacy-manifest.md");
  }

  @Test
  void manifestHoldsNamesAndPoliciesButNoAbsolutePathOrDate() throws IOException {
    String json = manifestJson(compileShapes());
    assertThat(json)
        .contains("\"path\": \"lines[].unit_price.amount_due\"")
        .doesNotContain(System.getProperty("user.dir"))
        .doesNotContain("file:")
        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
  }

  private static String read(JavaFileObject file) throws IOException {
    try (InputStream in = file.openInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void assertMatchesGolden(String actual, String name) throws IOException {
    Path golden = GOLDEN.resolve(name);
    if (Boolean.getBoolean("hookguard.updateGoldens")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    if (!Files.exists(golden) || !Files.readString(golden).equals(actual)) {
      Path written = ACTUAL.resolve(name);
      Files.createDirectories(ACTUAL);
      Files.writeString(written, actual, StandardCharsets.UTF_8);
      if (!Files.exists(golden)) {
        fail("No golden %s. Review %s, then copy it to %s (or run with "
            + "-Dhookguard.updateGoldens=true).", name, written.toAbsolutePath(), golden);
      }
      assertThat(actual).as("%s (also written to %s)", name, written)
          .isEqualTo(Files.readString(golden));
    }
  }
}
