package dev.hookguard.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.hookguard.processor.model.ObjectModel;
import dev.hookguard.processor.model.Property;
import dev.hookguard.processor.model.Shape;
import java.util.Optional;
import java.util.function.Function;

/**
 * The code that writes values to a {@code PayloadWriter}, shared by redactors and verifiers. They
 * differ in how an object inside a value is written, which an {@link ObjectWriter} says, and in
 * which properties they mask or leave out.
 */
final class WriteCode {

  /** Writes a value of an object shape: a root or a nested type. */
  interface ObjectWriter {
    CodeBlock write(Shape.Composite shape, String out, CodeBlock value);
  }

  private WriteCode() {}

  /**
   * Writes objects in full, as verifiers do: a root through its verifier's {@code write}, a
   * nested type through the generated class's own method that {@code nestedWriter} names.
   */
  static ObjectWriter inFull(Function<ClassName, String> nestedWriter) {
    return (shape, out, value) -> shape instanceof Shape.Payload payload
        ? CodeBlock.of("$T.write($L, $L)", payload.companion("Verifier"), out, value)
        : CodeBlock.of("$L($L, $L)", nestedWriter.apply(shape.typeName()), out, value);
  }

  /**
   * The body of a method that writes {@code value}, of {@code model}'s type, to {@code out} as
   * one object. {@code property} gives the statement that writes a property's value, or nothing
   * to leave the property out.
   */
  static CodeBlock object(ObjectModel model, Function<Property, Optional<CodeBlock>> property) {
    CodeBlock.Builder body = CodeBlock.builder()
        .beginControlFlow("if (value == null)")
        .addStatement("out.nullValue()")
        .addStatement("return")
        .endControlFlow()
        .addStatement("out.beginObject($S)", model.type().simpleName());
    for (Property p : model.properties()) {
      Optional<CodeBlock> statement = property.apply(p);
      if (statement.isEmpty()) {
        continue;
      }
      if (p.name().equals(p.jsonName())) {
        body.addStatement("out.name($S)", p.name());
      } else {
        body.addStatement("out.name($S, $S)", p.name(), p.jsonName());
      }
      body.addStatement("$L", statement.get());
    }
    return body.addStatement("out.endObject()").build();
  }

  /** {@code value.email()}, {@code value.getEmail()} or {@code value.email}. */
  static CodeBlock read(Property property) {
    return CodeBlock.of("value.$L", property.readSuffix());
  }

  /** A statement-expression writing {@code value} of {@code shape} to the writer {@code out}. */
  static CodeBlock write(Shape shape, String out, CodeBlock value, ObjectWriter objects) {
    return write(shape, out, value, objects, 1);
  }

  private static CodeBlock write(
      Shape shape, String out, CodeBlock value, ObjectWriter objects, int depth) {
    if (shape instanceof Shape.Scalar scalar) {
      return CodeBlock.of("$L.$L($L)", out, scalar.kind().writerMethod(), value);
    }
    if (shape instanceof Shape.EnumType enumType) {
      return CodeBlock.of("$L.$L($L)", out, enumType.writerMethod(), value);
    }
    if (shape instanceof Shape.Composite composite) {
      return objects.write(composite, out, value);
    }
    Shape.Container container = (Shape.Container) shape;
    if (container.isPrimitiveArray()) {
      return CodeBlock.of("$L.$L($L)", out, container.writerMethod(), value);
    }
    String w = depth == 1 ? "w" : "w" + depth;
    String e = depth == 1 ? "e" : "e" + depth;
    return CodeBlock.of("$L.$L($L, ($L, $L) -> $L)", out, container.writerMethod(), value, w, e,
        write(container.element(), w, CodeBlock.of("$L", e), objects, depth + 1));
  }
}
