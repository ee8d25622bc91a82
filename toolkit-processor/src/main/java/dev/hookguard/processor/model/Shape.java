package dev.hookguard.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/** The structure of a property's type, as far as generated code cares. */
public sealed interface Shape {

  /** The Java type, for declarations and casts. */
  TypeName typeName();

  /** Whether a {@code @WebhookPayload} type occurs anywhere inside. */
  boolean containsPayload();

  /** Whether this is one value (not a container and not a nested payload). */
  default boolean isSingleValue() {
    return this instanceof Scalar || this instanceof EnumType;
  }

  /** A single value: string, number, boolean, character, date or time, UUID. */
  record Scalar(ScalarKind kind, TypeName typeName) implements Shape {
    @Override
    public boolean containsPayload() {
      return false;
    }
  }

  /** An enum, written by constant name. */
  record EnumType(TypeName typeName) implements Shape {
    @Override
    public boolean containsPayload() {
      return false;
    }
  }

  /** Another {@code @WebhookPayload} type, handled by its own generated redactor. */
  record Payload(ClassName typeName, ClassName redactor) implements Shape {
    @Override
    public boolean containsPayload() {
      return true;
    }
  }

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
    @Override
    public boolean containsPayload() {
      return element.containsPayload();
    }

    /** An {@code int[]}, {@code long[]}, {@code double[]} or {@code boolean[]}. */
    public boolean isPrimitiveArray() {
      return kind == ContainerKind.ARRAY
          && element instanceof Scalar scalar
          && scalar.kind().isPrimitive();
    }
  }
}
