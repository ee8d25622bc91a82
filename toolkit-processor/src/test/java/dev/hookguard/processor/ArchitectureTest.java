package dev.hookguard.processor;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.hookguard.testsupport.PackageSlices;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The processor's packages depend one way: the processor entry point on validation, model and
 * generation; generation on the model; the model on nothing of the processor's. Read from the
 * compiled classes in {@code target/classes}. (The runtime's {@code ArchitectureTest} shows the
 * same cycle rule failing on a package cycle built for that purpose.)
 */
class ArchitectureTest {

  private static final String ROOT = "dev.hookguard.processor";

  @Test
  void packagesAreFreeOfCycles() {
    JavaClasses processor = new ClassFileImporter().importPath(Path.of("target", "classes"));
    assertThat(processor.stream().map(JavaClass::getPackageName).distinct())
        .contains(ROOT, ROOT + ".model", ROOT + ".generation", ROOT + ".validation");
    slices().assignedFrom(PackageSlices.under(ROOT)).should().beFreeOfCycles().check(processor);
  }
}
