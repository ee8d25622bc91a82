package dev.hookguard.processor.model;

import com.palantir.javapoet.ClassName;
import dev.hookguard.api.Encrypt;
import dev.hookguard.api.Naming;
import dev.hookguard.api.Retain;
import dev.hookguard.api.Sensitive;
import dev.hookguard.api.WebhookPayload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/** Builds the models of types that validation found clean: roots, and the nested types below. */
public final class PayloadModelFactory {

  private final PropertyScanner scanner;
  private final ShapeResolver shapes;
  private final NestedTypes nestedTypes;

  public PayloadModelFactory(PropertyScanner scanner, ShapeResolver shapes, NestedTypes nestedTypes) {
    this.scanner = scanner;
    this.shapes = shapes;
    this.nestedTypes = nestedTypes;
  }

  /** The model of root {@code type}, with every nested type below it. */
  public PayloadModel create(TypeElement type) {
    WebhookPayload payload = type.getAnnotation(WebhookPayload.class);
    List<NestedModel> nested = new ArrayList<>();
    for (NestedTypes.Reached reached : nestedTypes.reachedFrom(type)) {
      nested.add(nested(reached.type(), payload.naming()));
    }
    return new PayloadModel(
        type,
        ClassName.get(type),
        construction(type),
        isPublic(type),
        payload.event(),
        payload.naming(),
        retainDays(type),
        properties(type, payload.naming()),
        new NestedModels(nested));
  }

  /**
   * The models of nested {@code type}, first, and of every nested type below it, read with the
   * naming of the root that reaches it: what its own redactor needs.
   */
  public NestedModels nestedFrom(TypeElement type, Naming naming) {
    List<NestedModel> nested = new ArrayList<>();
    nested.add(nested(type, naming));
    for (NestedTypes.Reached reached : nestedTypes.reachedFrom(type)) {
      nested.add(nested(reached.type(), naming));
    }
    return new NestedModels(nested);
  }

  private NestedModel nested(TypeElement type, Naming naming) {
    return new NestedModel(
        ClassName.get(type),
        construction(type),
        isPublic(type),
        properties(type, naming),
        redaction(type));
  }

  /**
   * A nested type with its own redactor is redacted by it; any other is redacted by the redactor
   * that holds it, with masks if it is sensitive, else in full.
   */
  private ObjectRedaction redaction(TypeElement type) {
    if (nestedTypes.hasOwnRedactor(type)) {
      return ObjectRedaction.OWN_REDACTOR;
    }
    return nestedTypes.isSensitive(type)
        ? ObjectRedaction.MASKED_BY_HOLDER
        : ObjectRedaction.IN_FULL_BY_HOLDER;
  }

  private List<Property> properties(TypeElement type, Naming naming) {
    List<Property> properties = new ArrayList<>();
    for (PropertySource source : scanner.scan(type)) {
      Shape shape = shapes.resolve(source.type()).orElseThrow();
      Optional<Sensitive> sensitive =
          Optional.ofNullable(source.element().getAnnotation(Sensitive.class));
      NestedTypes.Contents inside = nestedTypes.contents(shape);
      properties.add(new Property(
          source.name(),
          jsonName(source, naming),
          shape,
          source.readSuffix().orElseThrow(),
          source.write().orElseThrow(),
          sensitive.map(s -> new Property.SensitiveSpec(s.category(), s.mask())),
          isNullable(source),
          storage(source, sensitive, inside),
          redaction(sensitive, shape),
          declaredProtection(source),
          Annotations.find(source.element(), Annotations.SUBJECT).isPresent(),
          PersonalDataNames.undecided(source.element(), source.name(), shape.isFlag())
              .map(PersonalDataNames.Match::description)));
    }
    return List.copyOf(properties);
  }

  /**
   * A sensitive property is shown masked, or left out; a redacted copy holds its masked text if
   * it is a {@code String}, else its empty value. Any other property is shown as it is, and a
   * redacted copy copies it when it holds a root (whose redactor copies it) or a sensitive nested
   * type, and keeps it otherwise.
   */
  private Redaction redaction(Optional<Sensitive> sensitive, Shape shape) {
    if (sensitive.isEmpty()) {
      return new Redaction(
          Redaction.Shown.VALUE,
          holdsRedactedObject(shape) ? Redaction.Copied.REDACTED_INSIDE : Redaction.Copied.SAME,
          Optional.empty());
    }
    Optional<Redaction.Mask> mask = switch (sensitive.get().mask()) {
      case FULL -> Optional.of(Redaction.Mask.FULL);
      case LAST4 -> Optional.of(Redaction.Mask.LAST4);
      case EMAIL -> Optional.of(Redaction.Mask.EMAIL);
      case HASH -> Optional.of(Redaction.Mask.HASH);
      case OMIT -> Optional.empty();
    };
    if (mask.isEmpty()) {
      return new Redaction(Redaction.Shown.OMITTED, Redaction.Copied.EMPTY, Optional.empty());
    }
    boolean isString = shape instanceof Shape.Scalar scalar && scalar.kind() == ScalarKind.STRING;
    return new Redaction(
        Redaction.Shown.MASKED,
        isString ? Redaction.Copied.MASKED : Redaction.Copied.EMPTY,
        mask);
  }

  /** Whether a value of {@code shape} holds a root or a sensitive nested type, at any depth. */
  private boolean holdsRedactedObject(Shape shape) {
    if (shape instanceof Shape.Container container) {
      return holdsRedactedObject(container.element());
    }
    return shape instanceof Shape.Payload
        || (shape instanceof Shape.Nested && !nestedTypes.contents(shape).categories().isEmpty());
  }

  /**
   * How a store keeps a property: sealed as its {@code @Encrypt} says, and sealed too when an
   * object inside it has an {@code @Encrypt} property, since that is stored inside it; revealed
   * with its own category and those of the objects inside; kept as long as the shortest {@code
   * @Retain} of its own and of every type and property inside it.
   */
  private static Storage storage(
      PropertySource source, Optional<Sensitive> sensitive, NestedTypes.Contents inside) {
    Storage.Protection protection = declaredProtection(source);
    if (protection == Storage.Protection.PLAIN && inside.encrypted()) {
      protection = Storage.Protection.RANDOMIZED;
    }
    // The values inside are stored in this property's field: it is kept no longer than the
    // shortest @Retain of anything inside it.
    OptionalInt own = retainDays(source.element());
    OptionalInt retain = own;
    if (inside.retainDays().isPresent()) {
      int nested = inside.retainDays().getAsInt();
      retain = OptionalInt.of(own.isPresent() ? Math.min(own.getAsInt(), nested) : nested);
    }
    return new Storage(
        protection,
        sensitive.map(Sensitive::category),
        inside.categories().stream().sorted().toList(),
        retain);
  }

  /** What the property's own {@code @Encrypt} asks for; {@code PLAIN} without one. */
  private static Storage.Protection declaredProtection(PropertySource source) {
    Encrypt encrypt = source.element().getAnnotation(Encrypt.class);
    if (encrypt == null) {
      return Storage.Protection.PLAIN;
    }
    return encrypt.deterministic()
        ? Storage.Protection.DETERMINISTIC
        : Storage.Protection.RANDOMIZED;
  }

  /** The JSON name: a non-empty {@code @JsonProperty} on any carrier, else the naming rule. */
  public static String jsonName(PropertySource source, Naming naming) {
    for (Element carrier : source.carriers()) {
      Optional<String> explicit = Annotations.find(carrier, Annotations.JSON_PROPERTY)
          .flatMap(mirror -> Annotations.explicitValue(mirror, "value"))
          .map(value -> (String) value.getValue())
          .filter(value -> !value.isEmpty());
      if (explicit.isPresent()) {
        return explicit.get();
      }
    }
    return JsonNames.translate(source.name(), naming);
  }

  /** {@code Nullable} of any package, as a declaration or a type-use annotation. */
  static boolean isNullable(PropertySource source) {
    return Annotations.typeHasSimpleName(source.type(), "Nullable")
        || source.carriers().stream()
            .anyMatch(c -> Annotations.findBySimpleName(c, "Nullable").isPresent());
  }

  static OptionalInt retainDays(Element element) {
    Retain retain = element.getAnnotation(Retain.class);
    return retain == null ? OptionalInt.empty() : OptionalInt.of(retain.days());
  }

  /**
   * A record through its canonical constructor; a class (validation made sure it has a
   * constructor without parameters, and a setter or a writable field for each property) through
   * those.
   */
  private static Construction construction(TypeElement type) {
    return type.getKind() == ElementKind.RECORD
        ? Construction.CANONICAL_CONSTRUCTOR
        : Construction.SETTERS_AND_FIELDS;
  }

  /** Public only if it and every type around it are public. */
  private static boolean isPublic(TypeElement type) {
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (!e.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }
}
