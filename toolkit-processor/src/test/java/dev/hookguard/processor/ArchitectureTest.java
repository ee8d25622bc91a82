package dev.hookguard.processor;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.hookguard.processor.generation.SourceFileWriter;
import dev.hookguard.processor.validation.Report;
import dev.hookguard.testsupport.PackageSlices;
import java.nio.file.Path;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The processor's packages depend one way: the processor entry point on validation, model and
 * generation; generation on the model; the model on nothing of the processor's. Read from the
 * compiled classes in {@code target/classes}. (The runtime's {@code ArchitectureTest} shows the
 * same cycle rule failing on a package cycle built for that purpose.) Generators get everything
 * from the model, and every message reaches the compiler through one {@link Report}.
 */
class ArchitectureTest {

  private static final String ROOT = "dev.hookguard.processor";

  /** A call of any {@code Messager.printMessage}. */
  private static final DescribedPredicate<JavaCall<?>> PRINT_MESSAGE =
      target(owner(name(Messager.class.getName()))).and(target(name("printMessage")))
          .as("Messager.printMessage");

  private static JavaClasses processor;

  @BeforeAll
  static void importClasses() {
    processor = new ClassFileImporter().importPath(Path.of("target", "classes"));
  }

  @Test
  void packagesAreFreeOfCycles() {
    assertThat(processor.stream().map(JavaClass::getPackageName).distinct())
        .contains(ROOT, ROOT + ".model", ROOT + ".generation", ROOT + ".validation");
    slices().assignedFrom(PackageSlices.under(ROOT)).should().beFreeOfCycles().check(processor);
  }

  /**
   * Generators render the model: they read no elements or type mirrors, which would let them
   * decide for themselves. Two uses remain, neither a decision: JavaPoet takes the modifiers of
   * {@code javax.lang.model}, and {@link SourceFileWriter} hands the compiler each file's
   * originating element.
   */
  @Test
  void generatorsUseNothingOfTheLanguageModelButModifiers() {
    noClasses().that().resideInAPackage(ROOT + ".generation")
        .and().doNotHaveFullyQualifiedName(SourceFileWriter.class.getName())
        .should().dependOnClassesThat(
            resideInAPackage("javax.lang.model..").and(not(equivalentTo(Modifier.class))))
        .check(processor);
  }

  @Test
  void onlyTheReportPrintsMessages() {
    noClasses().that().doNotHaveFullyQualifiedName(Report.class.getName())
        .should().callMethodWhere(PRINT_MESSAGE)
        .because("every message goes through one report")
        .check(processor);
  }

  /** Keeps the rule above from passing because its predicate matches no call at all. */
  @Test
  void theReportPrintsMessages() {
    classes().that().haveFullyQualifiedName(Report.class.getName())
        .should().callMethodWhere(PRINT_MESSAGE)
        .check(processor);
  }
}
