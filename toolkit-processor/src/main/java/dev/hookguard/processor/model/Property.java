package dev.hookguard.processor.model;

import dev.hookguard.api.Sensitive;
import java.util.Optional;

/**
 * One property of a payload type, with every decision about it made: its JSON name, how it is
 * read and written, and how it is protected.
 *
 * @param name the Java name
 * @param jsonName the JSON name, after {@code naming} and {@code @JsonProperty}
 * @param readSuffix what follows {@code value.} to read it: {@code email()}, {@code getEmail()} or
 *     {@code email}
 * @param write how a copy receives it
 * @param sensitive its {@code @Sensitive}, if any
 * @param nullable whether it carries an annotation named {@code Nullable} (of any package, on
 *     the declaration or on its type), which makes it optional in JSON
 * @param storage how a store keeps it, when it is a root's property
 */
public record Property(
    String name,
    String jsonName,
    Shape shape,
    String readSuffix,
    Write write,
    Optional<SensitiveSpec> sensitive,
    boolean nullable,
    Storage storage) {

  /** How generated code gives a copy this property's value. */
  public enum WriteKind {
    /** A record's canonical constructor argument. */
    CONSTRUCTOR,
    /** A setter, {@code setName(value)}. */
    SETTER,
    /** Direct assignment to a non-private, non-final field. */
    FIELD
  }

  /** @param target the setter or field name; unused for {@link WriteKind#CONSTRUCTOR} */
  public record Write(WriteKind kind, String target) {}

  /** The {@code @Sensitive} of a property. */
  public record SensitiveSpec(Sensitive.Category category, Sensitive.Mask mask) {}

  /**
   * Whether a JSON document must hold this property with a non-null value: unless it is an
   * {@code Optional} or {@code Nullable}. A primitive is required in any case.
   */
  public boolean isRequired() {
    boolean optional = shape instanceof Shape.Container container
        && container.kind() == Shape.ContainerKind.OPTIONAL;
    boolean primitive = shape instanceof Shape.Scalar scalar && scalar.kind().isPrimitive();
    return primitive || (!optional && !nullable);
  }

  public boolean isSensitive() {
    return sensitive.isPresent();
  }

  /** Whether this property appears at all in log lines and redacted JSON. */
  public boolean isOmitted() {
    return sensitive.map(s -> s.mask() == Sensitive.Mask.OMIT).orElse(false);
  }
}
