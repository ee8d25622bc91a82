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

  /**
   * Whether this is a boolean: a flag such as {@code verifiedEmail} says something about data but
   * holds none, so its name is never taken for personal data.
   */
  default boolean isFlag() {
    return this instanceof Scalar scalar
        && (scalar.kind() == ScalarKind.BOOLEAN || scalar.kind() == ScalarKind.BOXED_BOOLEAN);
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
      implements Shape {

    /** The {@code PayloadReader} method that reads a constant by name. */
    public String readerMethod() {
      return "readEnum";
    }

    /** The {@code PayloadWriter} method that writes a constant's name. */
    public String writerMethod() {
      return "enumConstant";
    }
  }

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

  /**
   * What kind of container, with the methods of {@code PayloadReader}, {@code PayloadWriter} and
   * {@code Copies} that take one element by element.
   */
  enum ContainerKind {
    LIST("readList", "list", "list"),
    SET("readSet", "list", "set"),
    ARRAY("readArray", "array", "array"),
    MAP("readMap", "map", "map"),
    OPTIONAL("readOptional", "optional", "optional");

    private final String readerMethod;
    private final String writerMethod;
    private final String copyMethod;

    ContainerKind(String readerMethod, String writerMethod, String copyMethod) {
      this.readerMethod = readerMethod;
      this.writerMethod = writerMethod;
      this.copyMethod = copyMethod;
    }
  }

  /**
   * A {@code List}, {@code Set}, array, {@code Map<String, V>} or {@code Optional} of an element
   * shape.
   */
  record Container(ContainerKind kind, Shape element, TypeName typeName) implements Shape {

    /**
     * An {@code int[]}, {@code long[]}, {@code double[]} or {@code boolean[]}, which
     * {@code PayloadReader} and {@code PayloadWriter} handle whole, not element by element.
     */
    public boolean isPrimitiveArray() {
      return kind == ContainerKind.ARRAY
          && element instanceof Scalar scalar
          && scalar.kind().isPrimitive();
    }

    /**
     * The {@code PayloadReader} method that reads it: for a primitive array one that reads it
     * whole ({@code readIntArray}); otherwise one that takes a reader of one element
     * ({@code readList}).
     */
    public String readerMethod() {
      if (!isPrimitiveArray()) {
        return kind.readerMethod;
      }
      return switch (((Scalar) element).kind()) {
        case INT -> "readIntArray";
        case LONG -> "readLongArray";
        case DOUBLE -> "readDoubleArray";
        case BOOLEAN -> "readBooleanArray";
        default -> throw new IllegalStateException("no reader of " + typeName);
      };
    }

    /**
     * The {@code PayloadWriter} method that writes it: for a primitive array one that takes the
     * array alone; otherwise one that takes a writer of one element.
     */
    public String writerMethod() {
      return kind.writerMethod;
    }

    /** The {@code Copies} method that copies it, given a copier of one element. */
    public String copyMethod() {
      return kind.copyMethod;
    }
  }
}
