package dev.hookguard.samples;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.hookguard.processor.HookGuardProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * (The test compilation is the samples module, which does not read {@code java.compiler}: no
 * {@code javax.tools} type is named here.)
 *
 * <p>The samples compile against their committed privacy baseline ({@code privacy-baseline.json},
 * checked by every build through the pom), and one {@code @Encrypt} removed from them fails the
 * compilation on that property.
 */
class PrivacyBaselineBuildTest {

  private static final Path BASELINE = Path.of("privacy-baseline.json");
  private static final Path STRIPE_EVENT =
      Path.of("src/main/java/dev/hookguard/samples/stripe/StripeEvent.java");
  private static final String PHONE =
      "@Sensitive(category = Category.CONTACT) @Encrypt @Nullable String phone,";

  private static Compilation compileAgainstBaseline(String source) {
    return javac()
        .withProcessors(new HookGuardProcessor())
        .withOptions("-Ahookguard.privacyBaseline=" + BASELINE.toAbsolutePath())
        .compile(JavaFileObjects.forSourceString("dev.hookguard.samples.stripe.StripeEvent", source));
  }

  @Test
  void theSamplesAsCommittedPassTheirBaseline() throws IOException {
    Compilation compilation = compileAgainstBaseline(Files.readString(STRIPE_EVENT));
    assertThat(compilation).succeeded();
    assertThat(compilation.errors()).isEmpty();
  }

  @Test
  void removingOneEncryptFailsTheBuildOnThatProperty() throws IOException {
    String source = Files.readString(STRIPE_EVENT);
    assertThat(source).contains(PHONE);
    String weakened = source.replace(PHONE,
        "@Sensitive(category = Category.CONTACT) @Nullable String phone,");
    Compilation compilation = compileAgainstBaseline(weakened);
    assertThat(compilation).hadErrorContaining(
            "[HookGuardBaselineEncryptRemoved] Property 'data.object.phone' of StripeEvent was "
                + "@Encrypt (randomized) in the privacy baseline and is not @Encrypt now")
        .inFile(compilation.sourceFiles().get(0)).onLineContaining("@Nullable String phone,");
    assertThat(compilation).hadErrorCount(1);
  }
}
