package dev.hookguard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The manifest gathers every round: a payload type that waits a round for a type another
 * processor generates is in the one manifest, written once in the last round, beside a payload
 * type of the first round.
 */
class PrivacyManifestRoundsTest {

  /** Generates {@code test.Details} in the first round, as a code generator would. */
  private static final class DetailsGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer out = processingEnv.getFiler().createSourceFile("test.Details").openWriter()) {
          out.write("package test;\n"
              + "import dev.hookguard.api.*;\n"
              + "public record Details(String code, @Sensitive String holder) {\n"
              + "  @Override public String toString() { return DetailsRedactor.create().toLogString(this); }\n"
              + "}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void aPayloadTypeThatWaitedARoundIsInTheOneManifest() throws IOException {
    JavaFileObject charge = Sources.source("test.Charge",
        "package test;",
        "import dev.hookguard.api.*;",
        "@WebhookPayload",
        "public record Charge(String id, Details details) {}");
    JavaFileObject refund = Sources.source("test.Refund",
        "package test;",
        "import dev.hookguard.api.*;",
        "@WebhookPayload(event = \"refund\")",
        "public record Refund(String id) {}");
    Compilation compilation = javac()
        .withProcessors(new HookGuardProcessor(), new DetailsGenerator())
        .compile(charge, refund);
    assertThat(compilation).succeeded();

    String json;
    try (InputStream in = compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
        "META-INF/hookguard/privacy-manifest.json").orElseThrow().openInputStream()) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(json)
        .contains("\"type\": \"test.Charge\"", "\"type\": \"test.Refund\"")
        .contains("\"path\": \"details.holder\"")
        .contains("\"source\": {\"type\": \"test.Details\", \"member\": \"holder\"}");
    assertThat(json.indexOf("\"type\": \"test.Charge\""))
        .as("types sorted by name").isLessThan(json.indexOf("\"type\": \"test.Refund\""));
  }
}
