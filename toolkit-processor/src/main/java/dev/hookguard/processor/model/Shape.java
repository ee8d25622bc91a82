package dev.hookguard.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;

/** The structure of a property's type, as far as generated code cares. */
public sealed interface Shape {

  /** The Java type, for declarations and casts. */
  TypeName typeName();

  /** Whether this is one value (not a container and not an object). */
  default boolean isSingleValue() {
    return this instanceof Scalar || this instanceof EnumType;
  }

  /** A single value: string, number, boolean, character, date or time, UUID. */
  record Scalar(ScalarKind kind, TypeName typeName) implements Shape {}

  /**
   * An enum, written and read by constant name.
   *
   * @param constants the constant names in declaration order
   * @param fallback the constant that stands for any unknown name, if the enum marks one with
   *     {@code @JsonEnumDefaultValue}
   */
  record EnumType(ClassName typeName, List<String> constants, Optional<String> fallback)
      implements Shape {}

  /** A JSON object with properties of its own: a root or a nested type. */
  sealed interface Composite extends Shape permits Payload, Nested {
    @Override
    ClassName typeName();
  }

  /** Another {@code @WebhookPayload} type: a root, handled by its own generated companions. */
  record Payload(ClassName typeName) implements Composite {

    /** The generated companion with {@code suffix}, such as {@code AddressRedactor}. */
    public ClassName companion(String suffix) {
      return PayloadModel.companion(typeName, suffix);
    }
  }

  /**
   * A record or class without {@code @WebhookPayload}, reached from a root: read and written by
   * the generated code of that root, redacted by its own redactor if it has one
   * ({@link NestedModel#redaction()}).
   */
  record Nested(ClassName typeName) implements Composite {}

  /** What kind of container. */
  enum ContainerKind {
    LIST,
    SET,
    ARRAY,
    MAP,
    OPTIONAL
  }

  /** A {@code List}, {@code Set}, array, {@code Map<String, V>} or {@code Optional} of an element shape. */
  record Container(ContainerKind kind, Shape element, TypeName typeName) implements Shape {

    /** An {@code int[]}, {@code long[]}, {@code double[]} or {@code boolean[]}. */
    public boolean isPrimitiveArray() {
      return kind == ContainerKind.ARRAY
          && element instanceof Scalar scalar
          && scalar.kind().isPrimitive();
    }
  }
}
