package dev.hookguard.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.hookguard.testsupport.PackageSlices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime's packages depend one way, along the data flow: no package cycles; a capability's
 * {@code internal} package is used only by that capability and by the composition root ({@link
 * HookGuard}); the shared plumbing in {@code dev.hookguard.runtime.internal} only by internal
 * packages and the root; and no exported package shows an internal type in its API.
 *
 * <p>The rules read the compiled classes in {@code target/classes} (byte code: what the JVM
 * links, so a name only in a Javadoc comment is no dependency). A second set of tests runs the
 * same rules over {@code archfixture}, test classes built to break each of them, so a rule that
 * can no longer fail is noticed.
 */
class ArchitectureTest {

  static final String ROOT = "dev.hookguard.runtime";

  /** The capabilities that keep an {@code internal} package of their own. */
  static final List<String> CAPABILITIES =
      List.of("audit", "crypto", "outbox", "posture", "retention", "signature", "store",
          "subject");

  private static JavaClasses runtime;

  @BeforeAll
  static void importRuntime() {
    runtime = new ClassFileImporter().importPath(Path.of("target", "classes"));
    assertThat(runtime.contain(HookGuard.class)).isTrue();
  }

  @Test
  void packagesAreFreeOfCycles() {
    packagesFreeOfCycles(ROOT).check(runtime);
  }

  @Test
  void internalPackagesAreUsedOnlyByTheirCapabilityAndTheRoot() {
    for (ArchRule rule : internalRules(ROOT, CAPABILITIES)) {
      rule.check(runtime);
    }
  }

  @Test
  void exportedPackagesExposeNoInternalType() {
    exportedApiExposesNoInternalType(ROOT).check(runtime);
  }

  @Test
  void onlyTheGeneratedPackageHandsOutAnUncheckedTableAndNothingHandsOutAKeyHandle() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods()
        .that()
        .arePublic()
        .and()
        .areDeclaredInClassesThat()
        .arePublic()
        .and()
        .areDeclaredInClassesThat()
        .resideOutsideOfPackages(ROOT + ".generated..", ROOT + "..internal..")
        .should()
        .haveRawReturnType(dev.hookguard.runtime.generated.PayloadTable.class)
        .orShould()
        .haveRawReturnType(
            DescribedPredicate.describe(
                "a Tink primitive or keyset handle",
                (JavaClass type) -> type.getPackageName().startsWith("com.google.crypto.tink")))
        .check(runtime);
  }

  // --- the rules can fail ------------------------------------------------------------------------

  private static final String FIXTURE = ROOT + ".archfixture";

  private static JavaClasses fixture() {
    JavaClasses classes =
        new ClassFileImporter()
            .importPath(Path.of("target", "test-classes", FIXTURE.replace('.', '/')));
    assertThat(classes).isNotEmpty();
    return classes;
  }

  @Test
  void aPackageCycleFailsTheBuild() {
    assertThatThrownBy(() -> packagesFreeOfCycles(FIXTURE).check(fixture()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Cycle detected")
        .hasMessageContaining(FIXTURE + ".cycle.a")
        .hasMessageContaining(FIXTURE + ".cycle.b");
  }

  @Test
  void anInternalPackageUsedByAnotherCapabilityFailsTheBuild() {
    List<String> failures = new ArrayList<>();
    for (ArchRule rule : internalRules(FIXTURE, List.of("keys"))) {
      try {
        rule.check(fixture());
      } catch (AssertionError e) {
        failures.add(e.getMessage());
      }
    }
    assertThat(String.join("\n", failures))
        .contains("StealsKeys")
        .contains("UsesSharedPlumbing");
  }

  @Test
  void anInternalTypeInAnExportedSignatureFailsTheBuild() {
    assertThatThrownBy(() -> exportedApiExposesNoInternalType(FIXTURE).check(fixture()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("LeakyApi");
  }

  // --- the rules --------------------------------------------------------------------------------

  /** Every package under {@code root}, the root itself included, is one slice. */
  static ArchRule packagesFreeOfCycles(String root) {
    return slices().assignedFrom(PackageSlices.under(root)).should().beFreeOfCycles();
  }

  /**
   * {@code root.X.internal..} only from {@code root.X..} and the root package; {@code
   * root.internal..} only from internal packages and the root package.
   */
  static List<ArchRule> internalRules(String root, List<String> capabilities) {
    List<ArchRule> rules = new ArrayList<>();
    for (String capability : capabilities) {
      String home = root + "." + capability;
      rules.add(
          noClasses()
              .that()
              .resideOutsideOfPackages(home + "..", root)
              .should()
              .dependOnClassesThat()
              .resideInAPackage(home + ".internal..")
              .as(home + ".internal is used only by " + home + " and " + root));
    }
    rules.add(
        noClasses()
            .that()
            .resideOutsideOfPackages(root + "..internal..", root)
            .and()
            .resideInAPackage(root + "..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(root + ".internal..")
            .as(root + ".internal is used only by internal packages and " + root));
    return rules;
  }

  /**
   * Public and protected members of public types outside internal packages name no type from an
   * internal package: not in a signature, a field type, a supertype or a thrown exception.
   */
  static ArchRule exportedApiExposesNoInternalType(String root) {
    DescribedPredicate<JavaClass> exported =
        DescribedPredicate.describe(
            "public types of exported packages",
            c ->
                c.getPackageName().startsWith(root)
                    && !c.getPackageName().contains(".internal")
                    && c.getModifiers().contains(JavaModifier.PUBLIC));
    ArchCondition<JavaClass> exposeNoInternalType =
        new ArchCondition<>("expose no internal type") {
          @Override
          public void check(JavaClass type, ConditionEvents events) {
            Set<String> leaks = new LinkedHashSet<>();
            type.getRawSuperclass().ifPresent(s -> note(leaks, type, "extends", s));
            type.getRawInterfaces().forEach(i -> note(leaks, type, "implements", i));
            for (JavaCodeUnit unit : type.getCodeUnits()) {
              if (!visible(unit.getModifiers())) {
                continue;
              }
              note(leaks, type, unit.getName() + " returns", unit.getRawReturnType());
              unit.getRawParameterTypes().forEach(p -> note(leaks, type, unit.getName() + " takes", p));
              unit.getExceptionTypes().forEach(e -> note(leaks, type, unit.getName() + " throws", e));
            }
            for (JavaField field : type.getFields()) {
              if (visible(field.getModifiers())) {
                note(leaks, type, "field " + field.getName(), field.getRawType());
              }
            }
            for (String leak : leaks) {
              events.add(SimpleConditionEvent.violated(type, leak));
            }
          }
        };
    return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
        .that(exported)
        .should(exposeNoInternalType);
  }

  private static boolean visible(Set<JavaModifier> modifiers) {
    return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
  }

  private static void note(Set<String> leaks, JavaClass owner, String where, JavaClass used) {
    JavaClass base = used.isArray() ? used.getBaseComponentType() : used;
    if (base.getPackageName().contains(".internal")) {
      leaks.add(owner.getName() + " " + where + " internal " + base.getName());
    }
  }
}
