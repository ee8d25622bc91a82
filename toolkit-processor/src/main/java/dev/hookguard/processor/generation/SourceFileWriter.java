package dev.hookguard.processor.generation;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;

/**
 * The one place generated files are written: every file gets the same {@code @Generated}, its
 * originating element (one per file, which keeps the processor isolating for Gradle) and the
 * same formatting, so output depends on the model only.
 */
public final class SourceFileWriter {

  /** Names the processor and nothing else: no date, no comments that change between builds. */
  public static final AnnotationSpec GENERATED =
      AnnotationSpec.builder(RuntimeTypes.GENERATED)
          .addMember("value", "$S", "dev.hookguard.processor.HookGuardProcessor")
          .build();

  private final Filer filer;

  public SourceFileWriter(Filer filer) {
    this.filer = filer;
  }

  /**
   * Writes {@code type} into {@code packageName}, generated from {@code origin}.
   *
   * @throws IOException when the file cannot be created, for example because it already exists
   */
  public void write(String packageName, TypeSpec type, TypeElement origin) throws IOException {
    TypeSpec annotated = type.toBuilder()
        .addAnnotation(GENERATED)
        .addOriginatingElement(origin)
        .build();
    JavaFile.builder(packageName, annotated)
        .skipJavaLangImports(true)
        .indent("    ")
        .build()
        .writeTo(filer);
  }
}
