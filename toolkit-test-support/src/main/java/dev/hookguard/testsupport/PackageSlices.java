package dev.hookguard.testsupport;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * For the modules' ArchUnit tests: every package under a root, the root itself included, is one
 * slice (ArchUnit's {@code matching("root.(**)")} would leave the root package out).
 */
public final class PackageSlices implements SliceAssignment {

  private final String root;

  private PackageSlices(String root) {
    this.root = root;
  }

  /** One slice per package under {@code root}, and {@code root} itself. */
  public static PackageSlices under(String root) {
    return new PackageSlices(root);
  }

  @Override
  public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
    String name = javaClass.getPackageName();
    return name.equals(root) || name.startsWith(root + ".")
        ? SliceIdentifier.of(name)
        : SliceIdentifier.ignore();
  }

  @Override
  public String getDescription() {
    return "packages under " + root;
  }
}
