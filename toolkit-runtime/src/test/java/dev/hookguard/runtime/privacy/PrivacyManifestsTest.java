package dev.hookguard.runtime.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.api.Sensitive.Mask;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Reading privacy manifests: the one on the runtime's test class path
 * ({@code src/test/resources/META-INF/hookguard/privacy-manifest.json}), and what is refused. The
 * samples test the manifests the processor writes, on the class path and as a named module.
 */
class PrivacyManifestsTest {

  @Test
  void loadFindsTheManifestOnTheClassPath() {
    List<PrivacyManifest> manifests = PrivacyManifests.load();

    PrivacyManifest manifest = manifests.stream()
        .filter(m -> m.type("test.Customer").isPresent())
        .findFirst().orElseThrow();
    assertThat(manifest.origin()).endsWith("/META-INF/hookguard/privacy-manifest.json");
    assertThat(manifest.module()).isEmpty();
    PrivacyManifest.PayloadType customer = manifest.type("test.Customer").orElseThrow();
    assertThat(customer.event()).isEqualTo("customer.created");
    assertThat(customer.retentionDays()).isEqualTo(OptionalInt.of(30));
    assertThat(customer.nestedTypes()).containsExactly("test.Customer.Address");
    assertThat(customer.subjects()).isEmpty();
    assertThat(customer.categories()).containsExactly(Category.CONTACT, Category.LOCATION);
    assertThat(customer.properties()).extracting(PrivacyManifest.Property::path)
        .containsExactly("email", "address", "address.postal_code");
  }

  @Test
  void everyFieldOfAPropertyIsRead() {
    PrivacyManifest.Property postalCode = PrivacyManifests.load().stream()
        .flatMap(m -> m.type("test.Customer").stream())
        .flatMap(t -> t.properties().stream())
        .filter(p -> p.path().equals("address.postal_code"))
        .findFirst().orElseThrow();
    assertThat(postalCode).isEqualTo(new PrivacyManifest.Property(
        "address.postal_code", "java.lang.String", "test.Customer.Address", "postalCode",
        java.util.Optional.of(Category.LOCATION), java.util.Optional.of(Mask.FULL),
        Encryption.RANDOMIZED, Encryption.RANDOMIZED, OptionalInt.of(7), false));
  }

  @Test
  void aManifestIsFoundOncePerContainer() {
    List<String> origins = PrivacyManifests.load().stream().map(PrivacyManifest::origin).toList();
    assertThat(origins).doesNotHaveDuplicates();
  }

  @Test
  void theJarOrFolderOfAResourceIsItsContainer() {
    assertThat(PrivacyManifests.container(
        "jar:file:/app/lib/orders.jar!/META-INF/hookguard/privacy-manifest.json"))
        .isEqualTo(java.nio.file.Path.of("/app/lib/orders.jar").toString());
    assertThat(PrivacyManifests.container(
        "file:/app/classes/META-INF/hookguard/privacy-manifest.json"))
        .isEqualTo(java.nio.file.Path.of("/app/classes").toString());
  }

  @Test
  void aManifestOfAnotherFormatIsRefusedNamingItsOrigin() {
    assertThatThrownBy(() -> read("{\"format\": 2, \"types\": []}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("test input")
        .hasMessageContaining("format 2 is not 1");
  }

  @Test
  void textThatIsNotJsonIsRefused() {
    assertThatThrownBy(() -> read("{\"format\": 1, \"types\": ["))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("test input: not valid JSON");
  }

  @Test
  void anUnknownCategoryIsRefused() {
    assertThatThrownBy(() -> read("{\"format\": 1, \"module\": null, \"types\": [{\"type\": \"a.B\","
        + " \"event\": \"\", \"retentionDays\": null, \"subjects\": [], \"nestedTypes\": [],"
        + " \"properties\": [{\"path\": \"x\", \"javaType\": \"int\", \"source\": {\"type\": \"a.B\","
        + " \"member\": \"x\"}, \"category\": \"GOSSIP\", \"mask\": \"FULL\", \"encryption\": \"none\","
        + " \"atRest\": \"none\", \"retentionDays\": null, \"subject\": false}]}]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a privacy manifest");
  }

  private static PrivacyManifest read(String json) throws IOException {
    try (InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))) {
      return PrivacyManifests.read(in, "test input");
    }
  }
}
