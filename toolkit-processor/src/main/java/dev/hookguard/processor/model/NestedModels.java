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
}
