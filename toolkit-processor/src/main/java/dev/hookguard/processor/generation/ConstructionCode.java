package dev.hookguard.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.hookguard.processor.model.ObjectModel;
import dev.hookguard.processor.model.Property;
import java.util.List;
import java.util.function.Function;

/**
 * The code that builds an instance as the model's
 * {@link dev.hookguard.processor.model.Construction} says, shared by verifiers, which build what
 * they read, and redactors, which build copies.
 */
final class ConstructionCode {

  private ConstructionCode() {}

  /**
   * Statements that build an instance of {@code model}'s type, giving each property the value
   * {@code value} renders, and return it. A class's instance is held in the local {@code local}
   * while its properties are set.
   */
  static CodeBlock buildAndReturn(
      ObjectModel model, String local, Function<Property, CodeBlock> value) {
    ClassName type = model.type();
    CodeBlock.Builder code = CodeBlock.builder();
    switch (model.construction()) {
      case CANONICAL_CONSTRUCTOR -> {
        List<CodeBlock> arguments = model.properties().stream().map(value).toList();
        if (arguments.isEmpty()) {
          code.addStatement("return new $T()", type);
        } else {
          code.add("return new $T($>$>\n$L);\n$<$<", type, CodeBlock.join(arguments, ",\n"));
        }
      }
      case SETTERS_AND_FIELDS -> {
        code.addStatement("$T $N = new $T()", type, local, type);
        for (Property property : model.properties()) {
          Property.Write write = property.write();
          if (write.kind() == Property.WriteKind.SETTER) {
            code.addStatement("$N.$L($L)", local, write.target(), value.apply(property));
          } else {
            code.addStatement("$N.$L = $L", local, write.target(), value.apply(property));
          }
        }
        code.addStatement("return $N", local);
      }
    }
    return code.build();
  }
}
