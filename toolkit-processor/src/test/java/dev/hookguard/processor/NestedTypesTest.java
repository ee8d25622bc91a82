package dev.hookguard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.runtime.generated.FieldSpec;
import dev.hookguard.runtime.generated.Protection;
import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.redact.Redactor;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookSignature;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records and classes without {@code @WebhookPayload}, reached from a root, run as generated:
 * read, written back and redacted through the root's generated classes, from source or from a
 * library's class files.
 */
class NestedTypesTest {

  private static final String INVOICE = """
      {"number":"INV-1",\
      "billed_to":{"name":"Ada","tax_id":"DE123456789","mail":"ada@example.com"},\
      "lines":[{"sku":"A-1","qty":2,"unit_price":{"currency":"EUR","amount_due":12.50},\
      "kind":"GOODS","parts":[{"sku":"A-1a","qty":1,\
      "unit_price":{"currency":"EUR","amount_due":1},"kind":"SERVICE","parts":null}]}],\
      "totals_by_currency":{"EUR":{"currency":"EUR","amount_due":25.00}},\
      "contacts":{"billing":{"name":"Cy","tax_id":"FR987654321","mail":"cy@example.com"}},\
      "note":{"author":"Bob","text":"ring twice"},\
      "credits":[{"sku":"C-1","qty":1,"unit_price":{"currency":"EUR","amount_due":-5},\
      "kind":"SERVICE","parts":null}],\
      "ship_to":{"name":"Ada","tax_id":"DE123456789","mail":"ada@example.com"}}""";

  private static final WebhookSignature SIGNATURE = Signatures.github("test-secret");

  private static Compilation invoice() {
    Compilation compilation = Sources.compile(
        Sources.resource("shapes/Invoice.java"), Sources.resource("shapes/Money.java"));
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  @Test
  void onlyRootsGetAVerifierAndAStoreAndOnlySensitiveNestedTypesARedactor() {
    assertThat(invoice().generatedSourceFiles().stream().map(NestedTypesTest::simpleName))
        .containsExactlyInAnyOrder("InvoiceRedactor", "InvoiceVerifier", "InvoiceStore",
            "Invoice_PartyRedactor", "Invoice_NoteRedactor");
  }

  @Test
  void nestedTypesInListsMapsOptionalsAndArraysAreReadAndWrittenBack() {
    CompiledClasses classes = new CompiledClasses(invoice());
    Object invoice = read(classes, "shapes.InvoiceVerifier", INVOICE);

    assertThat(toJson(classes, "shapes.InvoiceVerifier", "shapes.Invoice", invoice))
        .isEqualTo(INVOICE);
  }

  @Test
  void nestedSensitiveValuesAreMaskedInLogLinesJsonAndCopies() {
    CompiledClasses classes = new CompiledClasses(invoice());
    Object invoice = read(classes, "shapes.InvoiceVerifier", INVOICE);
    Redactor<Object> redactor = redactor(classes, "shapes.InvoiceRedactor");

    String party = "{\"name\":\"Ada\",\"tax_id\":\"****6789\",\"mail\":\"a***@example.com\"}";
    assertThat(redactor.toRedactedJson(invoice))
        .startsWith("{\"number\":\"INV-1\",\"billed_to\":" + party + ",\"lines\":[")
        .contains("\"contacts\":{\"billing\":{\"name\":\"Cy\",\"tax_id\":\"****4321\","
            + "\"mail\":\"c***@example.com\"}}")
        .contains("\"note\":{\"author\":\"Bob\",\"text\":\"[REDACTED]\"}")
        .endsWith("\"ship_to\":\"[REDACTED]\"}")
        .doesNotContain("DE123456789", "ada@", "FR987654321", "cy@", "ring twice");
    assertThat(invoice.toString())
        .contains("billedTo=Party{name=\"Ada\", taxId=****6789, mail=a***@example.com}")
        .contains("note=Note{author=\"Bob\", text=[REDACTED]}")
        .doesNotContain("DE123456789", "ring twice");
    assertThat(toJson(classes, "shapes.InvoiceVerifier", "shapes.Invoice", redactor.redact(invoice)))
        .contains("\"billed_to\":" + party)
        .contains("\"tax_id\":\"****4321\"")
        .contains("\"note\":{\"author\":\"Bob\",\"text\":\"[REDACTED]\"}")
        .contains("\"ship_to\":null")
        .contains("\"amount_due\":12.50");
  }

  @Test
  void aRootStoresEachNestedTypeInsideItsPropertySealedIfAnythingBelowIsEncrypted() {
    StoreSchema schema = schema(new CompiledClasses(invoice()), "shapes.InvoiceStore");

    assertThat(field(schema, "billed_to").protection()).isEqualTo(Protection.RANDOMIZED);
    assertThat(field(schema, "billed_to").nestedCategories())
        .isEqualTo(Set.of(Category.FINANCIAL, Category.CONTACT));
    assertThat(field(schema, "lines").protection()).isEqualTo(Protection.PLAIN);
    assertThat(field(schema, "note").nestedCategories()).isEqualTo(Set.of(Category.PERSONAL));
    assertThat(field(schema, "contacts").protection()).isEqualTo(Protection.RANDOMIZED);
    assertThat(schema.fields()).extracting(FieldSpec::path).containsExactly("number", "billed_to",
        "lines", "totals_by_currency", "contacts", "note", "credits", "ship_to");
  }

  @Test
  void anAnnotatedNestedTypeStaysARootWhoseCodeItsHolderCalls() throws Exception {
    Compilation compilation = Sources.compile(Sources.resource("shapes/Shipment.java"));
    assertThat(compilation).succeededWithoutWarnings();

    assertThat(compilation.generatedSourceFiles().stream().map(NestedTypesTest::simpleName))
        .contains("Shipment_AddressVerifier", "Shipment_AddressStore", "Shipment_AddressRedactor");
    assertThat(compilation.generatedSourceFile("shapes.ShipmentVerifier").orElseThrow()
        .getCharContent(true).toString())
        .contains("from = Shipment_AddressVerifier.read(in);")
        .doesNotContain("readAddress");
    String shipment = "{\"id\":\"s-1\",\"from\":{\"city\":\"Lyon\",\"street\":\"1 rue A\"},"
        + "\"to\":{\"city\":\"Nice\",\"street\":\"2 rue B\"},\"recipient\":{\"name\":\"Eve\"}}";
    CompiledClasses classes = new CompiledClasses(compilation);
    Object value = read(classes, "shapes.ShipmentVerifier", shipment);
    assertThat(redactor(classes, "shapes.ShipmentRedactor").toRedactedJson(value))
        .isEqualTo("{\"id\":\"s-1\",\"from\":{\"city\":\"Lyon\",\"street\":\"[REDACTED]\"},"
            + "\"to\":{\"city\":\"Nice\",\"street\":\"[REDACTED]\"},\"recipient\":\"[REDACTED]\"}");
  }

  @Test
  void aNestedTypeFromALibrarysClassFilesIsReadWrittenAndRedacted(@TempDir Path library)
      throws Exception {
    Sources.precompile(library,
        Sources.source("lib.Instrument",
            "package lib;",
            "import dev.hookguard.api.*;",
            "import dev.hookguard.api.Sensitive.*;",
            "public record Instrument(String brand,",
            "    @Sensitive(category = Category.FINANCIAL, mask = Mask.LAST4) @Encrypt String number,",
            "    Address billing) {}"),
        Sources.source("lib.Address",
            "package lib;",
            "public class Address {",
            "  private String city;",
            "  public String getCity() { return city; }",
            "  public void setCity(String city) { this.city = city; }",
            "}"));
    JavaFileObject payment = Sources.source("shop.Payment",
        "package shop;",
        "import dev.hookguard.api.WebhookPayload;",
        "import java.util.List;",
        "@WebhookPayload",
        "public record Payment(String id, List<lib.Instrument> instruments) {}");
    Compilation compilation = Sources.compileAgainst(library, payment);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFiles().stream().map(NestedTypesTest::simpleName))
        .containsExactlyInAnyOrder("PaymentRedactor", "PaymentVerifier", "PaymentStore");

    String json = "{\"id\":\"p-1\",\"instruments\":[{\"brand\":\"visa\",\"number\":\"4242424242424242\","
        + "\"billing\":{\"city\":\"Oslo\"}}]}";
    try (URLClassLoader libraryLoader = new URLClassLoader(
        new URL[] {library.toUri().toURL()}, NestedTypesTest.class.getClassLoader())) {
      CompiledClasses classes = new CompiledClasses(compilation, libraryLoader);
      Object value = read(classes, "shop.PaymentVerifier", json);
      assertThat(toJson(classes, "shop.PaymentVerifier", "shop.Payment", value)).isEqualTo(json);
      Redactor<Object> redactor = redactor(classes, "shop.PaymentRedactor");
      String redacted = json.replace("4242424242424242", "****4242");
      assertThat(redactor.toRedactedJson(value)).isEqualTo(redacted);
      assertThat(toJson(classes, "shop.PaymentVerifier", "shop.Payment", redactor.redact(value)))
          .isEqualTo(redacted);
      FieldSpec instruments = field(schema(classes, "shop.PaymentStore"), "instruments");
      assertThat(instruments.protection()).isEqualTo(Protection.RANDOMIZED);
      assertThat(instruments.nestedCategories()).isEqualTo(Set.of(Category.FINANCIAL));
    }
  }

  private static Object read(CompiledClasses classes, String verifier, String json) {
    Object instance = classes.callStatic(verifier, "create",
        new Class<?>[] {WebhookSignature.class}, SIGNATURE);
    try {
      return classes.type(verifier).getMethod("readTrusted", byte[].class)
          .invoke(instance, (Object) json.getBytes(StandardCharsets.UTF_8));
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static String toJson(
      CompiledClasses classes, String verifier, String payload, Object value) {
    return (String) classes.callStatic(verifier, "toJson",
        new Class<?>[] {classes.type(payload)}, value);
  }

  @SuppressWarnings("unchecked")
  private static Redactor<Object> redactor(CompiledClasses classes, String redactor) {
    return (Redactor<Object>) classes.callStatic(redactor, "create", new Class<?>[0]);
  }

  private static StoreSchema schema(CompiledClasses classes, String store) {
    try {
      return (StoreSchema) classes.type(store).getField("SCHEMA").get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static FieldSpec field(StoreSchema schema, String path) {
    return schema.field(path).orElseThrow();
  }

  private static String simpleName(JavaFileObject file) {
    String path = file.toUri().getPath();
    return path.substring(path.lastIndexOf('/') + 1, path.length() - ".java".length());
  }
}
