package dev.hookguard.runtime.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Micrometer and {@code jdk.httpserver} are optional: only the two classes meant for them may name
 * their types, so a receiver loads and runs without either on the module path.
 */
class OptionalDependenciesTest {

  private static List<Path> receiverClassFiles() throws IOException, URISyntaxException {
    Path dir =
        Path.of(WebhookReceiver.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("dev/hookguard/runtime/receiver");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".class")).toList();
    }
  }

  private static String constants(Path classFile) throws IOException {
    try (InputStream in = Files.newInputStream(classFile)) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void onlyMicrometerReceiverMetricsNamesMicrometer() throws Exception {
    List<Path> files = receiverClassFiles();
    assertThat(files).hasSizeGreaterThan(10);
    for (Path file : files) {
      if (!file.getFileName().toString().startsWith("MicrometerReceiverMetrics")) {
        assertThat(constants(file)).as(file.getFileName().toString()).doesNotContain("io/micrometer");
      }
    }
  }

  @Test
  void onlyJdkWebhookHandlerNamesTheJdkHttpServer() throws Exception {
    for (Path file : receiverClassFiles()) {
      if (!file.getFileName().toString().startsWith("JdkWebhookHandler")) {
        assertThat(constants(file)).as(file.getFileName().toString()).doesNotContain("com/sun/net/httpserver");
      }
    }
  }
}
