package dev.hookguard.processor.model;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.palantir.javapoet.ClassName;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.api.WebhookPayload;
import dev.hookguard.processor.Sources;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decisions the model makes once, so that generators only render them: how a property is
 * stored and redacted, how a nested type is redacted and which a redactor carries, how a type is
 * constructed, and which reader and writer methods handle a shape. Models are built from sources
 * compiled by javac, as the processor builds them, without validation.
 */
class PayloadModelFactoryTest {

  @Test
  void encryptIsRandomizedDeterministicEncryptIsDeterministicAndTheRestIsPlain() {
    PayloadModel model = model("t.Account",
        "package t;",
        "import dev.hookguard.api.*;",
        "@WebhookPayload",
        "public record Account(",
        "    @Sensitive(category = Sensitive.Category.CREDENTIAL) @Encrypt String token,",
        "    @Encrypt(deterministic = true) String email,",
        "    String plan) {}");

    assertThat(protection(model, "token")).isEqualTo(Storage.Protection.RANDOMIZED);
    assertThat(protection(model, "email")).isEqualTo(Storage.Protection.DETERMINISTIC);
    assertThat(protection(model, "plan")).isEqualTo(Storage.Protection.PLAIN);
  }

  @Test
  void aPropertyHoldingAnEncryptedPropertyAtAnyDepthIsSealed() {
    PayloadModel model = model("t.Order",
        "package t;",
        "import dev.hookguard.api.*;",
        "import java.util.*;",
        "@WebhookPayload",
        "public record Order(List<Line> lines, Optional<Note> note) {",
        "  public record Line(String sku, Map<String, Card> cards) {}",
        "  public record Card(@Encrypt String number) {}",
        "  public record Note(String text) {}",
        "}");

    assertThat(protection(model, "lines")).isEqualTo(Storage.Protection.RANDOMIZED);
    assertThat(protection(model, "note")).isEqualTo(Storage.Protection.PLAIN);
  }

  @Test
  void storageKeepsTheOwnCategoryTheNestedCategoriesInEnumOrderAndTheRetention() {
    PayloadModel model = model("t.Patient",
        "package t;",
        "import dev.hookguard.api.*;",
        "@WebhookPayload",
        "public record Patient(",
        "    @Sensitive(category = Sensitive.Category.CONTACT) @Retain(days = 7) String phone,",
        "    Visit visit) {",
        "  public record Visit(",
        "      @Sensitive(category = Sensitive.Category.HEALTH) String diagnosis,",
        "      @Sensitive String doctor) {}",
        "}");

    assertThat(property(model, "phone").storage()).isEqualTo(new Storage(
        Storage.Protection.PLAIN, Optional.of(Category.CONTACT), List.of(), OptionalInt.of(7)));
    assertThat(property(model, "visit").storage()).isEqualTo(new Storage(
        Storage.Protection.PLAIN, Optional.empty(), List.of(Category.PERSONAL, Category.HEALTH),
        OptionalInt.empty()));
  }

  @Test
  void aPropertyIsKeptNoLongerThanTheShortestRetainOfAnythingInsideIt() {
    PayloadModel model = model("t.Order",
        "package t;",
        "import dev.hookguard.api.*;",
        "import java.util.*;",
        "@WebhookPayload @Retain(days = 365)",
        "public record Order(Buyer buyer, @Retain(days = 10) List<Line> lines, Line first,",
        "    @Retain(days = 3) Note note, Gift gift) {",
        "  @Retain(days = 1)",
        "  public record Buyer(@Encrypt @Retain(days = 2) String email, String name) {}",
        "  public record Line(String sku, Optional<Tax> tax) {}",
        "  public record Tax(@Retain(days = 20) String rate) {}",
        "  public record Note(@Retain(days = 5) String text) {}",
        "  public record Gift(String message) {}",
        "}");

    // The type's @Retain (1) is shorter than its field's (2): the buyer goes after 1 day.
    assertThat(retention(model, "buyer")).isEqualTo(OptionalInt.of(1));
    // Its own 10 days, shorter than the 20 of a field two levels down.
    assertThat(retention(model, "lines")).isEqualTo(OptionalInt.of(10));
    assertThat(retention(model, "first")).isEqualTo(OptionalInt.of(20));
    assertThat(retention(model, "note")).isEqualTo(OptionalInt.of(3));
    assertThat(retention(model, "gift")).isEqualTo(OptionalInt.empty());
  }

  private static OptionalInt retention(PayloadModel model, String property) {
    return property(model, property).storage().retainDays();
  }

  @Test
  void aSensitiveStringIsShownMaskedAndCopiedMasked() {
    PayloadModel model = model("t.Card",
        "package t;",
        "import dev.hookguard.api.*;",
        "@WebhookPayload",
        "public record Card(",
        "    @Sensitive(category = Sensitive.Category.FINANCIAL, mask = Sensitive.Mask.LAST4)",
        "    String number) {}");

    assertThat(property(model, "number").redaction()).isEqualTo(new Redaction(
        Redaction.Shown.MASKED, Redaction.Copied.MASKED, Optional.of(Redaction.Mask.LAST4)));
  }

  @Test
  void aSensitiveValueThatIsNoStringIsShownMaskedAndCopiedEmpty() {
    PayloadModel model = model("t.Person",
        "package t;",
        "import dev.hookguard.api.*;",
        "@WebhookPayload",
        "public record Person(@Sensitive int age) {}");

    Property age = property(model, "age");
    assertThat(age.redaction()).isEqualTo(new Redaction(
        Redaction.Shown.MASKED, Redaction.Copied.EMPTY, Optional.of(Redaction.Mask.FULL)));
    assertThat(age.emptyValue()).isEqualTo(Property.Empty.ZERO);
    assertThat(age.zero()).isEqualTo("0");
  }

  @Test
  void anOmittedPropertyIsNotShownAndCopiedEmpty() {
    PayloadModel model = model("t.Login",
        "package t;",
        "import dev.hookguard.api.*;",
        "@WebhookPayload",
        "public record Login(",
        "    @Sensitive(category = Sensitive.Category.CREDENTIAL, mask = Sensitive.Mask.OMIT)",
        "    String password) {}");

    assertThat(property(model, "password").redaction()).isEqualTo(new Redaction(
        Redaction.Shown.OMITTED, Redaction.Copied.EMPTY, Optional.empty()));
  }

  @Test
  void aPropertyHoldingARootOrASensitiveNestedTypeIsCopiedWithThemRedactedAndAnyOtherKept() {
    PayloadModel model = model("t.Shipment",
        List.of(Sources.source("t.Address",
            "package t;",
            "import dev.hookguard.api.*;",
            "@WebhookPayload",
            "public record Address(String city) {}")),
        "package t;",
        "import dev.hookguard.api.*;",
        "import java.util.*;",
        "@WebhookPayload",
        "public record Shipment(",
        "    List<Address> stops,",
        "    Map<String, Recipient> recipients,",
        "    Optional<Parcel> parcel,",
        "    String carrier) {",
        "  public record Recipient(@Sensitive String name) {}",
        "  public record Parcel(int grams) {}",
        "}");

    assertThat(copied(model, "stops")).isEqualTo(Redaction.Copied.REDACTED_INSIDE);
    assertThat(copied(model, "recipients")).isEqualTo(Redaction.Copied.REDACTED_INSIDE);
    assertThat(copied(model, "parcel")).isEqualTo(Redaction.Copied.SAME);
    assertThat(copied(model, "carrier")).isEqualTo(Redaction.Copied.SAME);
    assertThat(property(model, "parcel").redaction().shown()).isEqualTo(Redaction.Shown.VALUE);
  }

  @Test
  void aNestedTypeIsRedactedByItsOwnRedactorWhenSensitiveAndCompiledHereElseByItsHolder(
      @TempDir Path library) throws Exception {
    Sources.precompile(library, Sources.source("lib.Card",
        "package lib;",
        "import dev.hookguard.api.*;",
        "public record Card(@Sensitive(mask = Sensitive.Mask.LAST4) String number) {}"));
    PayloadModel model = model(library, "t.Payment", List.of(),
        "package t;",
        "import dev.hookguard.api.*;",
        "@WebhookPayload",
        "public record Payment(Payer payer, lib.Card card, Terms terms) {",
        "  public record Payer(@Sensitive String name) {}",
        "  public record Terms(int days) {}",
        "}");

    assertThat(nested(model, "t.Payment.Payer").redaction())
        .isEqualTo(ObjectRedaction.OWN_REDACTOR);
    assertThat(nested(model, "lib.Card").redaction()).isEqualTo(ObjectRedaction.MASKED_BY_HOLDER);
    assertThat(nested(model, "t.Payment.Terms").redaction())
        .isEqualTo(ObjectRedaction.IN_FULL_BY_HOLDER);
  }

  @Test
  void aRedactorCarriesTheNestedTypesWithoutARedactorInsidePropertiesItShows(
      @TempDir Path library) throws Exception {
    Sources.precompile(library, Sources.source("lib.Card",
        "package lib;",
        "import dev.hookguard.api.*;",
        "public record Card(@Sensitive(mask = Sensitive.Mask.LAST4) String number, Brand brand) {",
        "  public record Brand(String name) {}",
        "}"));
    PayloadModel model = model(library, "t.Wallet", List.of(),
        "package t;",
        "import dev.hookguard.api.*;",
        "import java.util.*;",
        "@WebhookPayload",
        "public record Wallet(",
        "    Owner owner,",
        "    List<lib.Card> cards,",
        "    @Sensitive Limits limits,",
        "    Settings settings) {",
        "  public record Owner(@Sensitive String name, Limits limits) {}",
        "  public record Limits(long daily) {}",
        "  public record Settings(String locale, Theme theme) {}",
        "  public record Theme(String color) {}",
        "}");

    assertThat(model.nested().carriedBy(model).stream().map(NestedModel::type))
        .containsExactly(
            ClassName.get("lib", "Card"),
            ClassName.get("lib", "Card", "Brand"),
            ClassName.get("t", "Wallet", "Settings"),
            ClassName.get("t", "Wallet", "Theme"));
    NestedModel owner = nested(model, "t.Wallet.Owner");
    assertThat(model.nested().carriedBy(owner).stream().map(NestedModel::type))
        .containsExactly(ClassName.get("t", "Wallet", "Limits"));
  }

  @Test
  void aRecordIsBuiltThroughItsCanonicalConstructorAndAClassThroughSettersAndFields() {
    PayloadModel model = model("t.Event",
        "package t;",
        "import dev.hookguard.api.*;",
        "@WebhookPayload",
        "public class Event {",
        "  private String id;",
        "  String kind;",
        "  Detail detail;",
        "  public String getId() { return id; }",
        "  public void setId(String id) { this.id = id; }",
        "  public record Detail(String text) {}",
        "}");

    assertThat(model.construction()).isEqualTo(Construction.SETTERS_AND_FIELDS);
    assertThat(property(model, "id").write())
        .isEqualTo(new Property.Write(Property.WriteKind.SETTER, "setId"));
    assertThat(property(model, "kind").write())
        .isEqualTo(new Property.Write(Property.WriteKind.FIELD, "kind"));
    assertThat(nested(model, "t.Event.Detail").construction())
        .isEqualTo(Construction.CANONICAL_CONSTRUCTOR);
  }

  @Test
  void eachContainerNamesTheReaderWriterAndCopierMethodsThatHandleIt() {
    PayloadModel model = model("t.Metrics",
        "package t;",
        "import dev.hookguard.api.*;",
        "import java.util.*;",
        "@WebhookPayload",
        "public record Metrics(",
        "    int[] counts, long[] totals, double[] ratios, boolean[] flags, String[] names,",
        "    List<String> tags, Set<String> labels, Map<String, Integer> sizes,",
        "    Optional<String> comment) {}");

    assertThat(methods(model, "counts")).containsExactly("readIntArray", "array", "array");
    assertThat(methods(model, "totals")).containsExactly("readLongArray", "array", "array");
    assertThat(methods(model, "ratios")).containsExactly("readDoubleArray", "array", "array");
    assertThat(methods(model, "flags")).containsExactly("readBooleanArray", "array", "array");
    assertThat(methods(model, "names")).containsExactly("readArray", "array", "array");
    assertThat(methods(model, "tags")).containsExactly("readList", "list", "list");
    assertThat(methods(model, "labels")).containsExactly("readSet", "list", "set");
    assertThat(methods(model, "sizes")).containsExactly("readMap", "map", "map");
    assertThat(methods(model, "comment")).containsExactly("readOptional", "optional", "optional");
    assertThat(((Shape.Container) property(model, "counts").shape()).isPrimitiveArray()).isTrue();
    assertThat(((Shape.Container) property(model, "names").shape()).isPrimitiveArray()).isFalse();
  }

  @Test
  void theEmptyValueIsAPrimitivesZeroAnEmptyOptionalOrNull() {
    PayloadModel model = model("t.Reading",
        "package t;",
        "import dev.hookguard.api.*;",
        "import java.util.*;",
        "@WebhookPayload",
        "public record Reading(long at, Integer boxed, Optional<String> unit, String source) {}");

    assertThat(property(model, "at").emptyValue()).isEqualTo(Property.Empty.ZERO);
    assertThat(property(model, "at").zero()).isEqualTo("0L");
    assertThat(property(model, "boxed").emptyValue()).isEqualTo(Property.Empty.NULL);
    assertThat(property(model, "unit").emptyValue()).isEqualTo(Property.Empty.EMPTY_OPTIONAL);
    assertThat(property(model, "source").emptyValue()).isEqualTo(Property.Empty.NULL);
  }

  private static Storage.Protection protection(PayloadModel model, String property) {
    return property(model, property).storage().protection();
  }

  private static Redaction.Copied copied(PayloadModel model, String property) {
    return property(model, property).redaction().copied();
  }

  private static List<String> methods(PayloadModel model, String property) {
    Shape.Container container = (Shape.Container) property(model, property).shape();
    return List.of(container.readerMethod(), container.writerMethod(), container.copyMethod());
  }

  private static Property property(ObjectModel model, String name) {
    return model.properties().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no property " + name));
  }

  private static NestedModel nested(PayloadModel model, String canonicalName) {
    return model.nested().all().stream()
        .filter(n -> n.type().canonicalName().equals(canonicalName))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no nested type " + canonicalName));
  }

  private static PayloadModel model(String name, String... lines) {
    return model(name, List.of(), lines);
  }

  private static PayloadModel model(String name, List<JavaFileObject> others, String... lines) {
    return model(null, name, others, lines);
  }

  /**
   * The model of root {@code name}, declared by {@code lines} beside {@code others}, with
   * {@code library}, if any, on the class path.
   */
  private static PayloadModel model(
      Path library, String name, List<JavaFileObject> others, String... lines) {
    List<JavaFileObject> sources = new ArrayList<>(others);
    sources.add(Sources.source(name, lines));
    List<File> classPath = new ArrayList<>();
    if (library != null) {
      classPath.add(library.toFile());
    }
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classPath.add(new File(entry));
    }
    ModelBuilder builder = new ModelBuilder();
    Compilation compilation = javac()
        .withProcessors(builder)
        .withOptions("-proc:only")
        .withClasspath(classPath)
        .compile(sources);
    assertThat(compilation).succeeded();
    PayloadModel model = builder.models.get(name);
    if (model == null) {
      throw new AssertionError("no model of " + name + " among " + builder.models.keySet());
    }
    return model;
  }

  /** Builds the model of every {@code @WebhookPayload} type as the processor does. */
  private static final class ModelBuilder extends AbstractProcessor {

    final Map<String, PayloadModel> models = new LinkedHashMap<>();
    private final SourceTypes sources = new SourceTypes();

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
      sources.addRound(round.getRootElements());
      var elements = processingEnv.getElementUtils();
      PropertyScanner scanner = new PropertyScanner(elements, processingEnv.getTypeUtils());
      ShapeResolver shapes = new ShapeResolver();
      PayloadModelFactory factory = new PayloadModelFactory(
          scanner, shapes, new NestedTypes(elements, scanner, shapes, sources));
      for (TypeElement type :
          ElementFilter.typesIn(round.getElementsAnnotatedWith(WebhookPayload.class))) {
        models.put(type.getQualifiedName().toString(), factory.create(type));
      }
      return false;
    }
  }
}
