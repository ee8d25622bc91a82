package dev.hookguard.processor.model;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Finds annotations by name, so diagnostics can point at the annotation and its values. */
public final class Annotations {

  public static final String WEBHOOK_PAYLOAD = "dev.hookguard.api.WebhookPayload";
  public static final String SENSITIVE = "dev.hookguard.api.Sensitive";
  public static final String ENCRYPT = "dev.hookguard.api.Encrypt";
  public static final String RETAIN = "dev.hookguard.api.Retain";
  public static final String SUBJECT = "dev.hookguard.api.Subject";
  /** Jackson 2 and 3 share this annotation; generated code reads it, never loads it. */
  public static final String JSON_PROPERTY = "com.fasterxml.jackson.annotation.JsonProperty";

  private Annotations() {}

  public static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /**
   * An annotation by simple name, whatever its package: {@code Nullable} from JSpecify, Jakarta,
   * JetBrains or a project's own all count, as do Jackson's annotations in any version.
   */
  public static Optional<AnnotationMirror> findBySimpleName(Element element, String simpleName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().asElement().getSimpleName().contentEquals(simpleName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** Whether an annotation with {@code simpleName} is on the type itself (a type-use annotation). */
  public static boolean typeHasSimpleName(javax.lang.model.type.TypeMirror type, String simpleName) {
    return type.getAnnotationMirrors().stream()
        .anyMatch(m -> m.getAnnotationType().asElement().getSimpleName().contentEquals(simpleName));
  }

  /** A value written explicitly in the annotation (not a default), to point a message at. */
  public static Optional<AnnotationValue> explicitValue(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /** Whether {@code element} or one that encloses it suppresses warning {@code id}. */
  public static boolean isSuppressed(Element element, String id) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      SuppressWarnings suppress = e.getAnnotation(SuppressWarnings.class);
      if (suppress != null) {
        for (String value : suppress.value()) {
          if (value.equals(id) || value.equals("all")) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
