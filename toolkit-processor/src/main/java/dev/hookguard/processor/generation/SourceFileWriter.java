package dev.hookguard.processor.generation;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;

/**
 * The one place generated files are written: every source file gets the same {@code @Generated},
 * its originating element (one per file) and the same formatting, so output depends on the model
 * only. Resources (the privacy manifest) are written here too, in UTF-8, with every type they
 * were made from as originating elements.
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

  /**
   * Writes {@code text} as resource {@code relativeName} (such as {@code
   * META-INF/hookguard/privacy-manifest.json}) in {@code location}, made from {@code origins}.
   *
   * @throws IOException when the file cannot be created, for example because it already exists
   */
  public void writeResource(JavaFileManager.Location location, String relativeName, String text,
      List<? extends Element> origins) throws IOException {
    FileObject file = filer.createResource(location, "", relativeName, origins.toArray(new Element[0]));
    try (OutputStream out = file.openOutputStream()) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
