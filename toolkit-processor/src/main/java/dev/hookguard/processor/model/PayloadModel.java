package dev.hookguard.processor.model;

import com.palantir.javapoet.ClassName;
import dev.hookguard.api.Naming;
import java.util.List;
import java.util.OptionalInt;
import javax.lang.model.element.TypeElement;

/**
 * Everything generation needs to know about one {@code @WebhookPayload} type, a root, decided
 * once: its own properties and the nested types below it.
 *
 * @param element the annotated type, the originating element of every generated file
 * @param type the payload's class name
 * @param construction how its reader and its redactor's copier build an instance
 * @param isPublic whether generated classes are public
 * @param event the provider's event name, or empty
 * @param naming how Java names became JSON names
 * @param retainDays the type's {@code @Retain}, if any
 * @param properties in declaration order
 * @param nested the nested types its generated code reads and writes
 */
public record PayloadModel(
    TypeElement element,
    ClassName type,
    Construction construction,
    boolean isPublic,
    String event,
    Naming naming,
    OptionalInt retainDays,
    List<Property> properties,
    NestedModels nested) implements ObjectModel {

  /** {@code Outer_InnerVerifier} for {@code Outer.Inner}, beside the payload. */
  public ClassName verifier() {
    return companion(type, "Verifier");
  }

  /** The generated companion of {@code payload} with {@code suffix}, in its package. */
  public static ClassName companion(ClassName payload, String suffix) {
    return ClassName.get(payload.packageName(), String.join("_", payload.simpleNames()) + suffix);
  }
}
