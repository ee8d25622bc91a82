package dev.hookguard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The same sources compiled twice give byte-identical generated sources, class files and privacy
 * manifests (JSON and Markdown).
 */
class DeterminismTest {

  private static final List<String> SOURCES = List.of(
      "shapes/Customer.java", "shapes/Order.java", "shapes/Shipment.java", "shapes/Catalog.java",
      "shapes/Invoice.java", "shapes/Money.java");

  @Test
  void compilingTwiceGivesIdenticalBytes() throws IOException {
    Map<String, byte[]> first = outputs(compileAll());
    Map<String, byte[]> second = outputs(compileAll());

    assertThat(first.keySet())
        .anyMatch(name -> name.endsWith("CatalogRedactor.java"))
        .anyMatch(name -> name.endsWith("CatalogRedactor.class"))
        .anyMatch(name -> name.endsWith("META-INF/hookguard/privacy-manifest.json"))
        .anyMatch(name -> name.endsWith("hookguard/privacy-manifest.md"));
    assertThat(second.keySet()).isEqualTo(first.keySet());
    first.forEach((name, bytes) ->
        assertThat(second.get(name)).as("bytes of %s", name).isEqualTo(bytes));
  }

  private static Compilation compileAll() {
    Compilation compilation = Sources.compile(SOURCES.stream().map(Sources::resource).toList());
    assertThat(compilation).succeeded();
    return compilation;
  }

  private static Map<String, byte[]> outputs(Compilation compilation) throws IOException {
    Map<String, byte[]> outputs = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      try (InputStream in = file.openInputStream()) {
        outputs.put(file.toUri().toString(), in.readAllBytes());
      }
    }
    return outputs;
  }
}
