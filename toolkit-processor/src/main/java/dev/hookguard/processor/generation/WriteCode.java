package dev.hookguard.processor.generation;

import com.palantir.javapoet.CodeBlock;
import dev.hookguard.processor.model.Shape;

/**
 * The code that writes a value of some shape to a {@code PayloadWriter}, shared by redactors and
 * verifiers. They differ only in how a nested payload is written, which {@link Nested} says.
 */
final class WriteCode {

  /** Writes a nested payload value. */
  interface Nested {
    CodeBlock write(Shape.Payload payload, String out, CodeBlock value);
  }

  private WriteCode() {}

  /** A statement-expression writing {@code value} of {@code shape} to the writer {@code out}. */
  static CodeBlock write(Shape shape, String out, CodeBlock value, Nested nested) {
    return write(shape, out, value, nested, 1);
  }

  private static CodeBlock write(Shape shape, String out, CodeBlock value, Nested nested, int depth) {
    if (shape instanceof Shape.Scalar scalar) {
      return CodeBlock.of("$L.$L($L)", out, scalar.kind().writerMethod(), value);
    }
    if (shape instanceof Shape.EnumType) {
      return CodeBlock.of("$L.enumConstant($L)", out, value);
    }
    if (shape instanceof Shape.Payload payload) {
      return nested.write(payload, out, value);
    }
    Shape.Container container = (Shape.Container) shape;
    if (container.isPrimitiveArray()) {
      return CodeBlock.of("$L.array($L)", out, value);
    }
    String method = switch (container.kind()) {
      case LIST, SET -> "list";
      case ARRAY -> "array";
      case MAP -> "map";
      case OPTIONAL -> "optional";
    };
    String w = depth == 1 ? "w" : "w" + depth;
    String e = depth == 1 ? "e" : "e" + depth;
    return CodeBlock.of("$L.$L($L, ($L, $L) -> $L)", out, method, value, w, e,
        write(container.element(), w, CodeBlock.of("$L", e), nested, depth + 1));
  }
}
