package dev.hookguard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * {@code @Subject}: which properties name the person a record is about, at any depth, written into
 * the generated store's schema and the privacy manifest; refused on what cannot name a person.
 */
class SubjectTest {

  private static final JavaFileObject ORDER = Sources.source("test.Order",
      "package test;",
      "import dev.hookguard.api.*; import dev.hookguard.api.Sensitive.*;",
      "import java.util.List; import java.util.Map;",
      "@WebhookPayload(naming = Naming.SNAKE_CASE)",
      "public record Order(",
      "    String id,",
      "    @Subject @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL) @Encrypt",
      "        String contactEmail,",
      "    Customer customer,",
      "    List<Customer> giftRecipients,",
      "    Map<String, Customer> byRole,",
      "    @Subject List<Long> accountIds) {",
      "  @Override public String toString() { return OrderRedactor.create().toLogString(this); }",
      "  public record Customer(String name,",
      "      @Subject @Sensitive(category = Category.CONTACT) @Encrypt String email) {",
      "    @Override public String toString() {",
      "      return Order_CustomerRedactor.create().toLogString(this);",
      "    }",
      "  }",
      "}");

  @Test
  void subjectsAtAnyDepthGoIntoTheSchemaAndTheManifest() throws IOException {
    Compilation compilation = Sources.compile(ORDER);
    assertThat(compilation).succeededWithoutWarnings();

    String store = compilation.generatedSourceFile("test.OrderStore").orElseThrow()
        .getCharContent(false).toString();
    assertThat(store).contains("List.of(\"contact_email\", \"customer.email\","
        + " \"gift_recipients[].email\", \"by_role{}.email\", \"account_ids\")");

    String manifest = new String(compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
            "META-INF/hookguard/privacy-manifest.json").orElseThrow().openInputStream()
        .readAllBytes(), StandardCharsets.UTF_8);
    assertThat(manifest).contains("\"subjects\": [\"contact_email\", \"customer.email\","
        + " \"gift_recipients[].email\", \"by_role{}.email\", \"account_ids\"]");
  }

  @Test
  void theManifestRecordsNamesLikePersonalDataThatCarryNoDecision() throws IOException {
    Compilation compilation = Sources.compile(Sources.source("test.Signup",
        "package test;",
        "import dev.hookguard.api.*;",
        "@WebhookPayload public record Signup(String id,",
        "    String billingEmail,",
        "    @SuppressWarnings(\"HookGuardPersonalData\") String mailingList,",
        "    boolean verifiedEmail,",
        "    @Sensitive String phone,",
        "    String createdAt) {",
        "  @Override public String toString() { return SignupRedactor.create().toLogString(this); }",
        "}"));
    assertThat(compilation).succeeded();
    String manifest = new String(compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
            "META-INF/hookguard/privacy-manifest.json").orElseThrow().openInputStream()
        .readAllBytes(), StandardCharsets.UTF_8);
    assertThat(manifest).containsOnlyOnce("\"undecided\": \"an e-mail address\"")
        .contains("\"path\": \"billingEmail\"");
    assertThat(manifest.indexOf("\"undecided\": \"an e-mail address\""))
        .isGreaterThan(manifest.indexOf("\"path\": \"billingEmail\""))
        .isLessThan(manifest.indexOf("\"path\": \"mailingList\""));
    assertThat(manifest.split("\"undecided\": null", -1)).hasSize(6);
  }

  @Test
  void aTypeWithoutSubjectsKeepsTheShortSchema() throws IOException {
    Compilation compilation = Sources.compile(Sources.source("test.Ping",
        "package test;",
        "import dev.hookguard.api.*;",
        "@WebhookPayload public record Ping(String id) {}"));
    assertThat(compilation).succeededWithoutWarnings();
    String store = compilation.generatedSourceFile("test.PingStore").orElseThrow()
        .getCharContent(false).toString();
    assertThat(store).doesNotContain("List.of(\"");
  }

  @Test
  void aSubjectOnAFlagIsRefusedOnItsLine() {
    JavaFileObject source = Sources.source("test.Signup",
        "package test;",
        "import dev.hookguard.api.*;",
        "@WebhookPayload public record Signup(String id,",
        "    @Subject boolean newsletter) {}");
    assertThat(Sources.compile(source))
        .hadErrorContaining("[HookGuardSubjectType] @Subject on property 'newsletter' of type boolean")
        .inFile(source).onLineContaining("boolean newsletter");
  }

  @Test
  void aSubjectOnAnObjectIsRefusedAndPointsAtTheProperty() {
    JavaFileObject source = Sources.source("test.Signup",
        "package test;",
        "import dev.hookguard.api.*; import java.util.List;",
        "@WebhookPayload public record Signup(String id,",
        "    @Subject List<Person> people) {",
        "  public record Person(String name) {}",
        "}");
    assertThat(Sources.compile(source))
        .hadErrorContaining("[HookGuardSubjectType] @Subject on property 'people'")
        .inFile(source).onLineContaining("List<Person> people");
  }
}
