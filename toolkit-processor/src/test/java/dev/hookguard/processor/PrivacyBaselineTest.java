package dev.hookguard.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baseline check: a committed manifest of {@code Account}, then one change to the source per
 * test. Each weakening is an error with its id on the exact property line; each strengthening,
 * and a property gone, is a note and the build passes.
 */
class PrivacyBaselineTest {

  private static final String[] ACCOUNT = {
      "package test;",
      "import dev.hookguard.api.*; import dev.hookguard.api.Sensitive.*;",
      "@WebhookPayload",
      "@Retain(days = 30)",
      "public record Account(",
      "    String id,",
      "    @Subject @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL) @Encrypt String email,",
      "    @Sensitive(category = Category.FINANCIAL, mask = Mask.FULL) @Encrypt String iban,",
      "    @Sensitive(mask = Mask.LAST4) @Encrypt String phone,",
      "    @Sensitive @Retain(days = 7) String note,",
      "    Owner owner) {",
      "  @Override public String toString() { return AccountRedactor.create().toLogString(this); }",
      "  public record Owner(String nick,",
      "      @Sensitive(category = Category.CREDENTIAL) @Encrypt String token) {",
      "    @Override public String toString() {",
      "      return Account_OwnerRedactor.create().toLogString(this);",
      "    }",
      "  }",
      "}"};

  @TempDir
  Path directory;

  private Path baseline;

  @BeforeEach
  void writeBaselineOfTheUnchangedSource() throws IOException {
    Compilation compilation = Sources.compile(account());
    assertThat(compilation).succeededWithoutWarnings();
    baseline = directory.resolve("privacy-baseline.json");
    try (InputStream in = compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
        "META-INF/hookguard/privacy-manifest.json").orElseThrow().openInputStream()) {
      Files.write(baseline, in.readAllBytes());
    }
  }

  /** {@code Account}, with each {@code from} in a line replaced by its {@code to}. */
  private static JavaFileObject account(String... fromTo) {
    List<String> lines = new ArrayList<>();
    for (String line : ACCOUNT) {
      for (int i = 0; i < fromTo.length; i += 2) {
        line = line.replace(fromTo[i], fromTo[i + 1]);
      }
      lines.add(line);
    }
    return Sources.source("test.Account", lines.toArray(String[]::new));
  }

  private Compilation check(JavaFileObject source) {
    return Sources.compileWithOptions(
        List.of("-Ahookguard.privacyBaseline=" + baseline), List.of(source));
  }

  private static List<String> baselineMessages(Compilation compilation, Diagnostic.Kind kind) {
    return compilation.diagnostics().stream()
        .filter(d -> d.getKind() == kind)
        .map(d -> d.getMessage(null))
        .filter(m -> m.startsWith("[HookGuardBaseline"))
        .toList();
  }

  @Test
  void unchangedSourcesPassWithoutAnyBaselineMessage() {
    Compilation compilation = check(account());
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(baselineMessages(compilation, Diagnostic.Kind.NOTE)).isEmpty();
  }

  @Test
  void sensitiveRemovedIsAnError() {
    JavaFileObject source = account("@Sensitive(mask = Mask.LAST4) @Encrypt String phone",
        "@Encrypt String phone");
    assertThat(check(source)).hadErrorContaining(
            "[HookGuardBaselineSensitiveRemoved] Property 'phone' of Account was "
                + "@Sensitive(category = PERSONAL, mask = LAST4)")
        .inFile(source).onLineContaining("String phone");
  }

  @Test
  void encryptRemovedIsAnError() {
    JavaFileObject source = account("Mask.FULL) @Encrypt String iban", "Mask.FULL) String iban");
    Compilation compilation = check(source);
    assertThat(compilation).hadErrorContaining(
            "[HookGuardBaselineEncryptRemoved] Property 'iban' of Account was @Encrypt (randomized)")
        .inFile(source).onLineContaining("String iban");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void encryptRemovedInANestedTypeIsAnErrorOnItsLine() {
    JavaFileObject source = account("@Sensitive(category = Category.CREDENTIAL) @Encrypt String token",
        "@Sensitive(category = Category.CREDENTIAL) @SuppressWarnings(\"HookGuardSensitiveNotEncrypted\") String token");
    assertThat(check(source)).hadErrorContaining(
            "[HookGuardBaselineEncryptRemoved] Property 'owner.token' of Account")
        .inFile(source).onLineContaining("String token");
  }

  @Test
  void subjectRemovedIsAnError() {
    JavaFileObject source = account("@Subject @Sensitive(category = Category.CONTACT",
        "@Sensitive(category = Category.CONTACT");
    Compilation compilation = check(source);
    assertThat(compilation).hadErrorContaining(
            "[HookGuardBaselineSubjectRemoved] Property 'email' of Account was @Subject")
        .inFile(source).onLineContaining("String email");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void deterministicWhereItWasRandomizedIsAnError() {
    JavaFileObject source = account("Mask.EMAIL) @Encrypt String email",
        "Mask.EMAIL) @Encrypt(deterministic = true) String email");
    assertThat(check(source)).hadErrorContaining(
            "[HookGuardBaselineDeterministic] Property 'email' of Account")
        .inFile(source).onLineContaining("String email");
  }

  @Test
  void aMaskThatShowsPartOfTheValueWhereNoneWasShownIsAnError() {
    JavaFileObject source = account("mask = Mask.FULL) @Encrypt String iban",
        "mask = Mask.LAST4) @Encrypt String iban");
    assertThat(check(source)).hadErrorContaining(
            "[HookGuardBaselineWeakerMask] Property 'iban' of Account is masked LAST4, weaker "
                + "than FULL in the privacy baseline")
        .inFile(source).onLineContaining("String iban");
  }

  @Test
  void aPartialMaskChangedForAnotherPartialMaskIsAnError() {
    JavaFileObject source = account("@Sensitive(mask = Mask.LAST4) @Encrypt String phone",
        "@Sensitive(mask = Mask.EMAIL) @Encrypt String phone");
    assertThat(check(source)).hadErrorContaining(
            "[HookGuardBaselineWeakerMask] Property 'phone' of Account is masked EMAIL, weaker "
                + "than LAST4")
        .inFile(source).onLineContaining("String phone");
  }

  @Test
  void aLongerFieldRetentionIsAnError() {
    JavaFileObject source = account("@Retain(days = 7) String note", "@Retain(days = 14) String note");
    assertThat(check(source)).hadErrorContaining(
            "[HookGuardBaselineLongerRetention] Property 'note' of Account is kept 14 days, "
                + "longer than the 7 days")
        .inFile(source).onLineContaining("String note");
  }

  @Test
  void aFieldRetentionRemovedIsAnErrorForTheLongerRecordRetention() {
    JavaFileObject source = account("@Retain(days = 7) String note", "String note");
    assertThat(check(source)).hadErrorContaining(
            "[HookGuardBaselineLongerRetention] Property 'note' of Account is kept 30 days")
        .inFile(source).onLineContaining("String note");
  }

  @Test
  void aTypeRetentionRemovedIsOneErrorOnTheType() {
    JavaFileObject source = account("@Retain(days = 30)", "");
    Compilation compilation = check(source);
    assertThat(compilation).hadErrorContaining(
            "[HookGuardBaselineTypeRetention] Account records are kept without limit, longer "
                + "than the 30 days of the privacy baseline")
        .inFile(source).onLineContaining("public record Account(");
    // The fields kept as long as their record are covered by that one error; 'note' keeps 7 days.
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aNewPropertyNamedLikePersonalDataWithoutADecisionIsAnError() {
    JavaFileObject source = account("    String id,", "    String id, String phoneNumber,");
    assertThat(check(source)).hadErrorContaining(
            "[HookGuardBaselineUndecided] Property 'phoneNumber' of Account is new since the "
                + "privacy baseline and looks like a phone number")
        .inFile(source).onLineContaining("String phoneNumber");
  }

  @Test
  void aNewPayloadTypeIsCheckedForUndecidedPersonalDataToo() {
    JavaFileObject refund = Sources.source("test.Refund",
        "package test;",
        "import dev.hookguard.api.*;",
        "@WebhookPayload",
        "public record Refund(String id,",
        "    String email) {}");
    Compilation compilation = Sources.compileWithOptions(
        List.of("-Ahookguard.privacyBaseline=" + baseline), List.of(account(), refund));
    assertThat(compilation).hadErrorContaining(
            "[HookGuardBaselineUndecided] Property 'email' of Refund is new since the privacy "
                + "baseline and looks like an e-mail address")
        .inFile(refund).onLineContaining("String email");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aWeakeningInALibrarysClassFilesPointsAtTheRootsPropertyThatHoldsIt(@TempDir Path libraries)
      throws IOException {
    String[] card = {
        "package lib;",
        "import dev.hookguard.api.*;",
        "public record Card(String brand, @Sensitive(category = Sensitive.Category.FINANCIAL)"
            + " @Encrypt String number) {}"};
    JavaFileObject order = Sources.source("test.Order",
        "package test;",
        "@dev.hookguard.api.WebhookPayload",
        "public record Order(String id,",
        "    lib.Card card) {",
        "  @Override public String toString() { return OrderRedactor.create().toLogString(this); }",
        "}");
    Path before = Sources.precompile(libraries.resolve("before"), Sources.source("lib.Card", card));
    Compilation first = Sources.compileAgainst(before, order);
    assertThat(first).succeeded();
    try (InputStream in = first.generatedFile(StandardLocation.CLASS_OUTPUT,
        "META-INF/hookguard/privacy-manifest.json").orElseThrow().openInputStream()) {
      Files.write(baseline, in.readAllBytes());
    }
    card[2] = card[2].replace(" @Encrypt String number", " String number");
    Path after = Sources.precompile(libraries.resolve("after"), Sources.source("lib.Card", card));

    Compilation second = Sources.compileAgainst(after, List.of("-Ahookguard.privacyBaseline=" + baseline), order);
    assertThat(second).hadErrorContaining(
            "[HookGuardBaselineEncryptRemoved] Property 'card.number' of Order")
        .inFile(order).onLineContaining("lib.Card card");
  }

  @Test
  void aNewPropertyMarkedAsNotPersonalDataPasses() {
    JavaFileObject source = account("    String id,",
        "    String id, @SuppressWarnings(\"HookGuardPersonalData\") String webhookToken,");
    assertThat(check(source)).succeeded();
  }

  @Test
  void strengtheningPassesWithANote() {
    JavaFileObject source = account(
        "mask = Mask.FULL) @Encrypt String iban", "mask = Mask.OMIT) @Encrypt String iban",
        "@Retain(days = 7) String note", "@Retain(days = 3) @Encrypt String note",
        "Owner(String nick,", "Owner(@Sensitive @Subject String nick,");
    Compilation compilation = check(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining(
            "[HookGuardBaselineStronger] Property 'iban' of Account: masked OMIT instead of FULL")
        .inFile(source).onLineContaining("String iban");
    assertThat(compilation).hadNoteContaining(
            "[HookGuardBaselineStronger] Property 'note' of Account: encryption randomized "
                + "instead of none")
        .inFile(source).onLineContaining("String note");
    assertThat(compilation).hadNoteContaining(
            "[HookGuardBaselineStronger] Property 'note' of Account: kept 3 days instead of 7 days")
        .inFile(source).onLineContaining("String note");
    assertThat(compilation).hadNoteContaining(
            "[HookGuardBaselineStronger] Property 'owner.nick' of Account: @Sensitive now")
        .inFile(source).onLineContaining("String nick");
    assertThat(compilation).hadNoteContaining(
            "[HookGuardBaselineStronger] Property 'owner.nick' of Account: @Subject now")
        .inFile(source).onLineContaining("String nick");
  }

  @Test
  void aRemovedPropertyIsANoteNotAnError() {
    JavaFileObject source = account("    @Sensitive(mask = Mask.LAST4) @Encrypt String phone,", "");
    Compilation compilation = check(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining(
        "[HookGuardBaselineRemoved] Property 'phone' of Account is in the privacy baseline");
  }

  @Test
  void aRemovedTypeIsANoteNotAnError() throws IOException {
    Files.writeString(baseline, Files.readString(baseline).replace("test.Account", "test.Gone"));
    Compilation compilation = check(account());
    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining(
        "[HookGuardBaselineRemoved] Payload type test.Gone is in the privacy baseline");
  }

  @Test
  void anUnreadableBaselineIsAnError() throws IOException {
    Files.writeString(baseline, "{\"format\": 1, \"types\": [");
    assertThat(check(account())).hadErrorContaining(
        "[HookGuardBaselineUnreadable] The privacy baseline " + baseline);
  }

  @Test
  void theUpdateOptionWritesTheManifestOverTheBaselineInsteadOfChecking() throws IOException {
    JavaFileObject weaker = account("Mask.FULL) @Encrypt String iban", "Mask.FULL) String iban");
    Path target = directory.resolve("new/privacy-baseline.json");
    Compilation compilation = Sources.compileWithOptions(List.of(
        "-Ahookguard.privacyBaseline=" + target, "-Ahookguard.privacyBaseline.update=true"),
        List.of(weaker));
    assertThat(compilation).succeeded();
    String written = Files.readString(target, StandardCharsets.UTF_8);
    try (InputStream in = compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
        "META-INF/hookguard/privacy-manifest.json").orElseThrow().openInputStream()) {
      assertThat(written).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    String iban = written.substring(written.indexOf("\"path\": \"iban\""));
    assertThat(iban.substring(0, iban.indexOf('}', iban.indexOf("\"mask\""))))
        .contains("\"encryption\": \"none\"");
  }
}
