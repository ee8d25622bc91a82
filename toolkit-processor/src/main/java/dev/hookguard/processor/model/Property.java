package dev.hookguard.processor.model;

import dev.hookguard.api.Sensitive;
import java.util.Optional;

/**
 * One property of a payload type, with every decision about it made: its JSON name, how it is
 * read and written, how it is stored and how it is redacted.
 *
 * @param name the Java name
 * @param jsonName the JSON name, after {@code naming} and {@code @JsonProperty}
 * @param readSuffix what follows {@code value.} to read it: {@code email()}, {@code getEmail()} or
 *     {@code email}
 * @param write how an instance being built receives it, as its type's {@link Construction} says
 * @param sensitive its {@code @Sensitive}, if any, as generated javadoc lists it
 * @param nullable whether it carries an annotation named {@code Nullable} (of any package, on
 *     the declaration or on its type), which makes it optional in JSON
 * @param storage how a store keeps it, when it is a root's own property; its nested categories
 *     say what is sensitive inside it in any case
 * @param redaction how redactors treat it
 * @param declaredProtection what its own {@code @Encrypt} asks for ({@code PLAIN} without one),
 *     whatever the objects inside it ask for; the privacy manifest lists it per property
 * @param subject whether it carries {@code @Subject}: its values identify the person a record is
 *     about
 * @param undecided what personal data its name suggests ({@link PersonalDataNames}), when no
 *     decision was taken on it: neither {@code @Sensitive}, nor a flag, nor {@code
 *     @SuppressWarnings("HookGuardPersonalData")}; empty otherwise
 */
public record Property(
    String name,
    String jsonName,
    Shape shape,
    String readSuffix,
    Write write,
    Optional<SensitiveSpec> sensitive,
    boolean nullable,
    Storage storage,
    Redaction redaction,
    Storage.Protection declaredProtection,
    boolean subject,
    Optional<String> undecided) {

  /** What stands for the property when it has no value. */
  public enum Empty {
    /** A primitive's zero. */
    ZERO,
    /** An empty {@code Optional}. */
    EMPTY_OPTIONAL,
    /** {@code null}. */
    NULL
  }

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
   * What stands for the property when it has no value: what a redacted copy holds instead of a
   * value it leaves out, and what a reader starts from.
   */
  public Empty emptyValue() {
    if (shape instanceof Shape.Scalar scalar && scalar.kind().isPrimitive()) {
      return Empty.ZERO;
    }
    boolean optional = shape instanceof Shape.Container container
        && container.kind() == Shape.ContainerKind.OPTIONAL;
    return optional ? Empty.EMPTY_OPTIONAL : Empty.NULL;
  }

  /** The literal of a primitive's zero; only when {@link #emptyValue()} is {@code ZERO}. */
  public String zero() {
    if (!(shape instanceof Shape.Scalar scalar && scalar.kind().isPrimitive())) {
      throw new IllegalStateException(name + " is not a primitive");
    }
    return scalar.kind().zero();
  }

  /**
   * Whether a JSON document must hold this property with a non-null value: unless it is an
   * {@code Optional} or {@code Nullable}. A primitive is required in any case.
   */
  public boolean isRequired() {
    Empty empty = emptyValue();
    return empty == Empty.ZERO || (empty == Empty.NULL && !nullable);
  }

  public boolean isSensitive() {
    return sensitive.isPresent();
  }
}
