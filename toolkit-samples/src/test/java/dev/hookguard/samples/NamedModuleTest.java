package dev.hookguard.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The samples are a named module that opens nothing, and the generated verifiers still read
 * every payload there: the demo runs on the module path and verifies all of them.
 */
class NamedModuleTest {

  private static final Path CLASSES = Path.of("target/classes");

  @Test
  void samplesAreANamedModuleThatNeverOpensItsPayloadPackages() {
    ModuleDescriptor module = ModuleFinder.of(CLASSES).findAll().iterator().next().descriptor();
    assertThat(module.name()).isEqualTo("dev.hookguard.samples");
    assertThat(module.isOpen()).isFalse();
    // Only the command line is open, to picocli; the payload types are read without reflection.
    assertThat(module.opens()).singleElement().satisfies(opens -> {
      assertThat(opens.source()).isEqualTo("dev.hookguard.samples.cli");
      assertThat(opens.targets()).containsExactly("info.picocli");
    });
    assertThat(module.requires()).noneMatch(r -> r.name().equals("tools.jackson.databind"));
  }

  @Test
  void reportFindsTheSamplesManifestInTheNamedModule() throws Exception {
    String modulePath = CLASSES + File.pathSeparator
        + Files.readString(Path.of("target/runtime-module-path.txt")).trim();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(List.of(java.toString(), "--module-path", modulePath,
            "--module", "dev.hookguard.samples/dev.hookguard.samples.Main", "report",
            "--records-only"))
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    // Found once, through the module (META-INF is in no package, so not encapsulated), not twice.
    assertThat(output)
        .startsWith("Records of processing (GDPR Article 30) from 1 privacy manifest: 4 payload types")
        .contains("dev.hookguard.samples.stripe.StripeEvent  [module dev.hookguard.samples]")
        .contains("dev.hookguard.samples.github.GitHubPush  [module dev.hookguard.samples]");
  }

  @Test
  void redactVerifiesEveryPayloadOnTheModulePath() throws Exception {
    String modulePath = CLASSES + File.pathSeparator
        + Files.readString(Path.of("target/runtime-module-path.txt")).trim();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(List.of(java.toString(), "--module-path", modulePath,
            "--module", "dev.hookguard.samples/dev.hookguard.samples.Main", "redact"))
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("== bundled/stripe", "email=j***@example.com")
        .contains("== bundled/shopify", "phone=****1212")
        .doesNotContain("jenny.rosen@example.com", "IllegalAccess", "InaccessibleObject");
    // Every bundled payload verified; only the deliberately forged copy was refused.
    assertThat(output.lines().filter(line -> line.startsWith("refused:")))
        .singleElement().asString().startsWith("refused: SIGNATURE_MISMATCH");
  }
}
