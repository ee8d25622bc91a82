package dev.hookguard.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nested types that one generated class can meet, in the order they are first reached (depth
 * first, in declaration order), each once.
 */
public final class NestedModels {

  private final Map<ClassName, NestedModel> byType = new LinkedHashMap<>();

  public NestedModels(List<NestedModel> models) {
    models.forEach(model -> byType.put(model.type(), model));
  }

  public List<NestedModel> all() {
    return List.copyOf(byType.values());
  }

  /** The model of nested type {@code type}, which must be one of these. */
  public NestedModel get(ClassName type) {
    NestedModel model = byType.get(type);
    if (model == null) {
      throw new IllegalArgumentException(type + " is not among these nested types");
    }
    return model;
  }

  /** How a redactor redacts an object of {@code shape}: a root, or one of these nested types. */
  public ObjectRedaction redactionOf(Shape.Composite shape) {
    return shape instanceof Shape.Nested nested
        ? get(nested.typeName()).redaction()
        : ObjectRedaction.OWN_REDACTOR;
  }

  /**
   * The nested types that the redactor of {@code holder} redacts with private methods of its own,
   * in the order first reached: those inside a property whose value it shows, that have no
   * redactor of their own, and so on inside them.
   */
  public List<NestedModel> carriedBy(ObjectModel holder) {
    Map<ClassName, NestedModel> carried = new LinkedHashMap<>();
    carry(holder, carried);
    return List.copyOf(carried.values());
  }

  private void carry(ObjectModel holder, Map<ClassName, NestedModel> carried) {
    for (Property property : holder.properties()) {
      if (property.redaction().shown() == Redaction.Shown.VALUE) {
        carry(property.shape(), carried);
      }
    }
  }

  private void carry(Shape shape, Map<ClassName, NestedModel> carried) {
    if (shape instanceof Shape.Container container) {
      carry(container.element(), carried);
    } else if (shape instanceof Shape.Nested nested) {
      NestedModel type = get(nested.typeName());
      if (type.redaction() != ObjectRedaction.OWN_REDACTOR
          && carried.putIfAbsent(type.type(), type) == null) {
        carry(type, carried);
      }
    }
  }
}
