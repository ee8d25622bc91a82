package dev.hookguard.samples.spring;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The sample as configured: SQLite, the development master key. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "hookguard.signatures.stripe.secrets=" + Deliveries.STRIPE_NEW_SECRET + "," + Deliveries.STRIPE_OLD_SECRET,
        "hookguard.signatures.github.secrets=" + Deliveries.GITHUB_SECRET,
        "hookguard.signatures.shopify.secrets=" + Deliveries.SHOPIFY_SECRET})
@DirtiesContext   // stops it after the class, before its folder is deleted
class SqliteSampleTest extends SampleContract {

  @TempDir static Path data;

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("HOOKGUARD_DATA_DIR", () -> data.toString());
  }

  @Override
  String rawStore() throws Exception {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(data)) {
      for (Path file : files.toList()) {
        all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }
}
