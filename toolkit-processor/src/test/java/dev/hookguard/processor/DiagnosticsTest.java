package dev.hookguard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per diagnostic id: the message, the file and the exact line it points at. */
class DiagnosticsTest {

  private static final String IMPORTS =
      "import dev.hookguard.api.*; import dev.hookguard.api.Sensitive.*; import java.util.*;";

  private static JavaFileObject source(String name, String... lines) {
    String[] all = new String[lines.length + 2];
    all[0] = "package test;";
    all[1] = IMPORTS;
    System.arraycopy(lines, 0, all, 2, lines.length);
    return Sources.source("test." + name, all);
  }

  @Test
  void payloadOnAnInterfaceIsRefused() {
    JavaFileObject file = source("Event",
        "@WebhookPayload",
        "interface Event {}");
    Compilation compilation = Sources.compile(file);
    assertThat(compilation).hadErrorContaining("[HookGuardPayloadKind]")
        .inFile(file).onLineContaining("@WebhookPayload");
  }

  @Test
  void privatePayloadIsRefused() {
    JavaFileObject file = source("Outer",
        "class Outer {",
        "  @WebhookPayload",
        "  private record Hidden(String id) {}",
        "}");
    assertThat(Sources.compile(file)).hadErrorContaining("[HookGuardPayloadAccess]")
        .inFile(file).onLineContaining("private record Hidden");
  }

  @Test
  void innerClassPayloadIsRefused() {
    JavaFileObject file = source("Outer",
        "class Outer {",
        "  @WebhookPayload",
        "  class Inner { String id; }",
        "}");
    assertThat(Sources.compile(file)).hadErrorContaining("declare it static")
        .inFile(file).onLineContaining("class Inner");
  }

  @Test
  void genericPayloadIsRefused() {
    JavaFileObject file = source("Box",
        "@WebhookPayload",
        "record Box<T extends Number>(Integer value) {}");
    assertThat(Sources.compile(file)).hadErrorContaining("[HookGuardGenericPayload]")
        .inFile(file).onLineContaining("record Box");
  }

  @Test
  void classWithoutNoArgumentConstructorIsRefused() {
    JavaFileObject file = source("Charge",
        "@WebhookPayload",
        "class Charge {",
        "  String id;",
        "  Charge(String id) { this.id = id; }",
        "}");
    assertThat(Sources.compile(file)).hadErrorContaining("[HookGuardNoConstructor]")
        .inFile(file).onLineContaining("class Charge");
  }

  @Test
  void unsupportedPropertyTypeIsRefused() {
    JavaFileObject file = source("Charge",
        "@WebhookPayload",
        "record Charge(String id,",
        "    Object details) {}");
    Compilation compilation = Sources.compile(file);
    assertThat(compilation).hadErrorContaining("[HookGuardUnsupportedType] Property 'details'")
        .inFile(file).onLineContaining("Object details");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void mapWithNonStringKeysIsRefused() {
    JavaFileObject file = source("Charge",
        "@WebhookPayload",
        "record Charge(String id,",
        "    Map<Integer, String> byNumber) {}");
    assertThat(Sources.compile(file)).hadErrorContaining("[HookGuardUnsupportedType]")
        .inFile(file).onLineContaining("byNumber");
  }

  @Test
  void typesTheReaderCannotHandleAreRefusedEachOnItsLine() {
    JavaFileObject file = source("Upload",
        "@WebhookPayload",
        "record Upload(String id,",
        "    byte[] content,",
        "    List<? extends Number> amounts,",
        "    List<String>[] pages,",
        "    @SuppressWarnings(\"rawtypes\") List raw,",
        "    java.util.Date sent) {}");
    Compilation compilation = Sources.compile(file);
    for (String line : List.of("byte[] content", "amounts", "pages", "List raw", "Date sent")) {
      assertThat(compilation).hadErrorContaining("[HookGuardUnsupportedType]")
          .inFile(file).onLineContaining(line);
    }
    assertThat(compilation).hadErrorCount(5);
  }

  @Test
  void enumWithTwoFallbacksIsRefused() {
    JavaFileObject file = source("Charge",
        "@WebhookPayload",
        "record Charge(String id,",
        "    Status status) {",
        "  enum Status { PAID,",
        "    @com.fasterxml.jackson.annotation.JsonEnumDefaultValue UNKNOWN,",
        "    @com.fasterxml.jackson.annotation.JsonEnumDefaultValue OTHER }",
        "}");
    assertThat(Sources.compile(file)).hadErrorContaining("[HookGuardEnumFallback] Enum Status")
        .inFile(file).onLineContaining("Status status");
  }

  @Test
  void encryptOnUnencodableTypeIsRefused() {
    JavaFileObject file = source("Upload",
        "@WebhookPayload",
        "record Upload(String id,",
        "    @Encrypt java.io.File file) {}");
    assertThat(Sources.compile(file)).hadErrorContaining("[HookGuardEncryptType]")
        .inFile(file).onLineContaining("@Encrypt java.io.File");
  }

  @Test
  void deterministicEncryptionOfUnstableTypeIsRefusedAtTheValue() {
    JavaFileObject file = source("Charge",
        "@WebhookPayload",
        "record Charge(String id,",
        "    @Encrypt(",
        "        deterministic = true) double amount) {}");
    assertThat(Sources.compile(file)).hadErrorContaining("[HookGuardDeterministicType]")
        .inFile(file).onLineContaining("deterministic = true");
  }

  @Test
  void partialMaskOnNonStringIsRefusedAtTheValue() {
    JavaFileObject file = source("Card",
        "@WebhookPayload",
        "record Card(String id,",
        "    @Sensitive(category = Category.FINANCIAL,",
        "        mask = Mask.LAST4) long number) {}");
    assertThat(Sources.compile(file)).hadErrorContaining("[HookGuardMaskType] @Sensitive(mask = LAST4)")
        .inFile(file).onLineContaining("mask = Mask.LAST4");
  }

  @Test
  void hashMaskOnContainerIsRefused() {
    JavaFileObject file = source("Card",
        "@WebhookPayload",
        "record Card(String id,",
        "    @Sensitive(mask = Mask.HASH) List<String> holders) {}");
    assertThat(Sources.compile(file)).hadErrorContaining("[HookGuardMaskType]")
        .inFile(file).onLineContaining("mask = Mask.HASH");
  }

  @Test
  void nonPositiveRetentionIsRefusedAtTheValue() {
    JavaFileObject file = source("Charge",
        "@WebhookPayload",
        "@Retain(",
        "    days = 0)",
        "record Charge(String id) {}");
    assertThat(Sources.compile(file)).hadErrorContaining("[HookGuardRetainDays] @Retain(days = 0)")
        .inFile(file).onLineContaining("days = 0");
  }

  @Test
  void propertyRetainedLongerThanItsTypeIsRefused() {
    JavaFileObject file = source("Charge",
        "@WebhookPayload",
        "@Retain(days = 30)",
        "record Charge(String id,",
        "    @Retain(days = 90) String note) {}");
    assertThat(Sources.compile(file))
        .hadErrorContaining("[HookGuardRetainLongerThanType] @Retain(days = 90) on property 'note'")
        .inFile(file).onLineContaining("days = 90");
  }

  @Test
  void privateFieldWithoutGetterIsRefused() {
    JavaFileObject file = source("Charge",
        "@WebhookPayload",
        "class Charge {",
        "  private String id;",
        "  public void setId(String id) { this.id = id; }",
        "}");
    assertThat(Sources.compile(file)).hadErrorContaining("[HookGuardUnreadableProperty]")
        .inFile(file).onLineContaining("private String id");
  }

  @Test
  void finalFieldWithoutSetterIsRefused() {
    JavaFileObject file = source("Charge",
        "@WebhookPayload",
        "class Charge {",
        "  final String id = \"x\";",
        "}");
    assertThat(Sources.compile(file)).hadErrorContaining("[HookGuardUnwritableProperty]")
        .inFile(file).onLineContaining("final String id");
  }

  @Test
  void twoPropertiesWithOneJsonNameAreRefused() {
    JavaFileObject file = source("Charge",
        "@WebhookPayload(naming = Naming.SNAKE_CASE)",
        "record Charge(String createdAt,",
        "    @com.fasterxml.jackson.annotation.JsonProperty(\"created_at\") String created) {}");
    assertThat(Sources.compile(file)).hadErrorContaining("[HookGuardDuplicateJsonName]")
        .inFile(file).onLineContaining("String created)");
  }

  @Test
  void annotationOutsideAPayloadIsRefused() {
    JavaFileObject file = source("Customer",
        "record Customer(String id,",
        "    @Sensitive String email) {}");
    assertThat(Sources.compile(file)).hadErrorContaining("[HookGuardOrphanAnnotation] @Sensitive")
        .inFile(file).onLineContaining("@Sensitive String email");
  }

  @Test
  void unresolvablePropertyTypeIsReportedAfterTheLastRound() {
    JavaFileObject file = source("Charge",
        "@WebhookPayload",
        "record Charge(String id,",
        "    NotGeneratedByAnyone details) {}");
    assertThat(Sources.compile(file)).hadErrorContaining("[HookGuardUnresolvedType]")
        .inFile(file).onLineContaining("NotGeneratedByAnyone details");
  }

  @Test
  void personalLookingNameWithoutSensitiveIsWarned() {
    JavaFileObject file = source("Customer",
        "@WebhookPayload",
        "record Customer(String id,",
        "    String billingEmail) {}");
    Compilation compilation = Sources.compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[HookGuardPersonalData] Property 'billingEmail' looks like an e-mail")
        .inFile(file).onLineContaining("String billingEmail");
  }

  @Test
  void personalDataWarningCanBeSuppressed() {
    JavaFileObject file = source("Customer",
        "@WebhookPayload",
        "record Customer(String id,",
        "    @SuppressWarnings(\"HookGuardPersonalData\") String accessTokensUrl) {}");
    assertThat(Sources.compile(file)).succeededWithoutWarnings();
  }

  @Test
  void recordWithSensitiveComponentsAndDefaultToStringIsWarned() {
    JavaFileObject file = source("Customer",
        "@WebhookPayload",
        "record Customer(String id,",
        "    @Sensitive String name) {}");
    Compilation compilation = Sources.compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("@Override public String toString() { return "
            + "CustomerRedactor.create().toLogString(this); }")
        .inFile(file).onLineContaining("record Customer");
    assertThat(compilation).hadWarningContaining("[HookGuardRecordToString]");
  }

  @Test
  void oneMistakeStopsOnlyItsOwnTypeAndTheTypesThatHoldIt() {
    JavaFileObject good = source("Good", "@WebhookPayload", "record Good(String id) {}");
    JavaFileObject bad = source("Bad",
        "@WebhookPayload",
        "@Retain(days = -1)",
        "record Bad(String id) {}");
    JavaFileObject holder = source("Holder",
        "@WebhookPayload",
        "record Holder(String id, List<Bad> bad) {}");
    JavaFileObject user = source("UsesGood", "class UsesGood { GoodRedactor redactor; }");
    Compilation compilation = Sources.compile(good, bad, holder, user);
    // Only the mistake itself: Good is generated (UsesGood compiles), Bad and Holder are not,
    // and nothing fails inside generated code.
    assertThat(compilation).hadErrorContaining("[HookGuardRetainDays]");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void sensitiveCredentialWithoutEncryptionIsWarned() {
    JavaFileObject file = source("Client",
        "@WebhookPayload",
        "record Client(String id,",
        "    @Sensitive(category = Category.CREDENTIAL, mask = Mask.OMIT) String clientSecret) {",
        "  @Override public String toString() { return id; }",
        "}");
    Compilation compilation = Sources.compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[HookGuardSensitiveNotEncrypted] Property 'clientSecret'")
        .inFile(file).onLineContaining("@Sensitive(category = Category.CREDENTIAL");
  }
  @Test
  void encryptedPropertyWithoutSensitiveIsWarned() {
    JavaFileObject file = source("Account",
        "@WebhookPayload",
        "record Account(String id,",
        "    @Encrypt(deterministic = true) String email,",
        "    @SuppressWarnings(\"HookGuardEncryptedNotSensitive\") @Encrypt String plan) {}");
    Compilation compilation = Sources.compile(file);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining("[HookGuardEncryptedNotSensitive] Property 'email' is @Encrypt but not"
            + " @Sensitive")
        .inFile(file).onLineContaining("@Encrypt(deterministic = true) String email");
    assertThat(compilation.warnings().stream()
            .filter(w -> w.getMessage(null).contains("HookGuardEncryptedNotSensitive")))
        .as("the suppressed one is not warned").hasSize(1);
  }

  @Test
  void nestedTypeThatCannotBeModelledIsRefusedWithItsPathFromTheRoot() {
    JavaFileObject file = source("Order",
        "@WebhookPayload",
        "record Order(String id, List<Line> lines) {}",
        "record Line(String sku, List<Tax> taxes) {}",
        "class Tax {",
        "  static int rate;",
        "}");
    Compilation compilation = Sources.compile(file);
    assertThat(compilation)
        .hadErrorContaining("[HookGuardNoProperties] Order.lines[].taxes[]: type Tax has no "
            + "readable properties")
        .inFile(file).onLineContaining("class Tax");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void propertyOfANestedTypeIsRefusedWithThePathToItsType() {
    JavaFileObject file = source("Charge",
        "@WebhookPayload",
        "record Charge(String id, Optional<Card> card) {}",
        "record Card(String brand,",
        "    Object details) {}");
    Compilation compilation = Sources.compile(file);
    assertThat(compilation)
        .hadErrorContaining("[HookGuardUnsupportedType] Charge.card: Property 'details'")
        .inFile(file).onLineContaining("Object details");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void errorInANestedTypeFromClassFilesPointsAtThePropertyThatReachesIt(@TempDir Path library)
      throws IOException {
    Sources.precompile(library, Sources.source("lib.Legacy",
        "package lib;",
        "public class Legacy {",
        "  private String code;",
        "}"));
    JavaFileObject file = source("Charge",
        "@WebhookPayload",
        "record Charge(String id,",
        "    lib.Legacy legacy) {}");
    Compilation compilation = Sources.compileAgainst(library, file);
    assertThat(compilation)
        .hadErrorContaining("[HookGuardUnreadableProperty] Charge.legacy: Property 'code' of "
            + "Legacy is private")
        .inFile(file).onLineContaining("lib.Legacy legacy");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void nestedTypeInAnotherPackageIsRefusedWhereItIsNotPublic() {
    JavaFileObject card = Sources.source("other.Card",
        "package other;",
        "public class Card {",
        "  public String brand;",
        "  String number;",
        "}");
    JavaFileObject charge = source("Charge",
        "@WebhookPayload",
        "record Charge(String id, other.Card card) {}");
    Compilation compilation = Sources.compile(card, charge);
    assertThat(compilation)
        .hadErrorContaining("[HookGuardNestedAccess] Charge.card: type Card is in package other, "
            + "and code generated for it in package test can use only public members, but the "
            + "getter, setter or field of property 'number' is not public")
        .inFile(card).onLineContaining("String number");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void rootsThatDisagreeOnTheNamingOfANestedTypeWithARedactorAreRefused() {
    JavaFileObject contact = source("Contact",
        "record Contact(@Sensitive String fullName) {",
        "  @Override public String toString() { return ContactRedactor.create().toLogString(this); }",
        "}");
    JavaFileObject order = source("Order",
        "@WebhookPayload(naming = Naming.SNAKE_CASE)",
        "record Order(String id, Contact contact) {}");
    JavaFileObject refund = source("Refund",
        "@WebhookPayload",
        "record Refund(String id,",
        "    Contact contact) {}");
    Compilation compilation = Sources.compile(contact, order, refund);
    // Contact's redactor is written with Order's naming; Refund, which disagrees, is refused.
    assertThat(compilation)
        .hadErrorContaining("[HookGuardNestedNaming] Refund.contact: type Contact is reached from "
            + "Order.contact with naming SNAKE_CASE, but here with naming AS_IS")
        .inFile(refund).onLineContaining("Contact contact");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void annotationsOnANestedTypeAreReadNotOrphans() {
    JavaFileObject file = source("Charge",
        "@WebhookPayload",
        "record Charge(String id, List<Charge.Method> methods) {",
        "  record Method(@Sensitive(category = Category.FINANCIAL, mask = Mask.LAST4) @Encrypt",
        "      String number) {",
        "    @Override public String toString() {",
        "      return Charge_MethodRedactor.create().toLogString(this);",
        "    }",
        "  }",
        "}");
    assertThat(Sources.compile(file)).succeededWithoutWarnings();
  }

  @Test
  void mistakeInARootStillGivesItsNestedTypesTheirRedactors() {
    JavaFileObject file = source("Bad",
        "@WebhookPayload",
        "@Retain(days = -1)",
        "record Bad(String id, Contact contact) {}",
        "record Contact(@Sensitive String fullName) {",
        "  @Override public String toString() { return ContactRedactor.create().toLogString(this); }",
        "}");
    Compilation compilation = Sources.compile(file);
    // Only the mistake itself: Contact's toString finds its redactor.
    assertThat(compilation).hadErrorContaining("[HookGuardRetainDays]");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void mistakeInANestedTypeStopsOnlyTheRootsThatHoldItAndIsReportedOnce() {
    JavaFileObject good = source("Good", "@WebhookPayload", "record Good(String id) {}");
    JavaFileObject broken = source("Broken", "record Broken(Object details) {}");
    JavaFileObject first = source("First", "@WebhookPayload", "record First(Broken broken) {}");
    JavaFileObject second =
        source("Second", "@WebhookPayload", "record Second(List<Broken> broken) {}");
    JavaFileObject user = source("UsesGood", "class UsesGood { GoodRedactor redactor; }");
    Compilation compilation = Sources.compile(good, broken, first, second, user);
    assertThat(compilation)
        .hadErrorContaining("[HookGuardUnsupportedType] First.broken: Property 'details'")
        .inFile(broken).onLineContaining("Object details");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void unresolvablePropertyTypeOfANestedTypeIsReportedWithItsPath() {
    JavaFileObject file = source("Charge",
        "@WebhookPayload",
        "record Charge(String id, Card card) {}",
        "record Card(String brand,",
        "    NotGeneratedByAnyone details) {}");
    assertThat(Sources.compile(file))
        .hadErrorContaining("[HookGuardUnresolvedType] Charge.card: The type of property "
            + "'details' of Card could not be resolved, so nothing was generated for Charge.")
        .inFile(file).onLineContaining("NotGeneratedByAnyone details");
  }
}
