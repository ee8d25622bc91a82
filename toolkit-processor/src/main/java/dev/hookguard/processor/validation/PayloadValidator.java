package dev.hookguard.processor.validation;

import dev.hookguard.api.Sensitive;
import dev.hookguard.processor.model.Annotations;
import dev.hookguard.processor.model.PayloadModelFactory;
import dev.hookguard.processor.model.PropertyScanner;
import dev.hookguard.processor.model.PropertySource;
import dev.hookguard.processor.model.ScalarKind;
import dev.hookguard.processor.model.Shape;
import dev.hookguard.processor.model.ShapeResolver;
import dev.hookguard.api.Naming;
import dev.hookguard.api.WebhookPayload;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import com.sun.source.util.Trees;

/**
 * Checks one {@code @WebhookPayload} type against every rule in DESIGN.md's "Compile-time checks"
 * that concerns it, and collects the findings in a {@link ValidationReport}. It never throws for
 * a user mistake and never stops at the first one.
 */
public final class PayloadValidator {

  /** Categories whose values must not sit in plain text at rest without a word from the user. */
  private static final Set<Sensitive.Category> MUST_ENCRYPT = EnumSet.of(
      Sensitive.Category.CREDENTIAL, Sensitive.Category.FINANCIAL,
      Sensitive.Category.GOVERNMENT_ID, Sensitive.Category.HEALTH);

  private final Elements elements;
  /** javac's tree API, or {@code null} under another compiler. */
  private final Trees trees;
  private final PropertyScanner scanner;
  private final ShapeResolver shapes;

  public PayloadValidator(
      Elements elements, Trees trees, PropertyScanner scanner, ShapeResolver shapes) {
    this.elements = elements;
    this.trees = trees;
    this.scanner = scanner;
    this.shapes = shapes;
  }

  /** The first property whose type is not resolved yet, if any: the type must wait a round. */
  public Optional<PropertySource> unresolvedProperty(TypeElement type) {
    if (type.getKind() != ElementKind.RECORD && type.getKind() != ElementKind.CLASS) {
      return Optional.empty();
    }
    return scanner.scan(type).stream()
        .filter(p -> ShapeResolver.isUnresolved(p.type()))
        .findFirst();
  }

  public ValidationReport validate(TypeElement type) {
    ValidationReport report = new ValidationReport();
    AnnotationMirror payload = Annotations.find(type, Annotations.WEBHOOK_PAYLOAD).orElseThrow();
    if (type.getKind() != ElementKind.RECORD && type.getKind() != ElementKind.CLASS) {
      report.add(Diagnostic.PAYLOAD_KIND, type, payload, null,
          describeKind(type), type.getSimpleName());
      return report;
    }
    checkAccess(type, report);
    if (!type.getTypeParameters().isEmpty()) {
      report.add(Diagnostic.PAYLOAD_GENERIC, type, type.getSimpleName());
    }
    if (type.getKind() == ElementKind.CLASS) {
      checkConstructor(type, report);
    }
    Optional<Integer> typeDays = checkRetainDays(type, report);

    List<PropertySource> properties = scanner.scan(type);
    Naming naming = type.getAnnotation(WebhookPayload.class).naming();
    Map<String, PropertySource> byJsonName = new HashMap<>();
    boolean anySensitive = false;
    for (PropertySource property : properties) {
      checkProperty(type, property, typeDays, report);
      anySensitive |= property.element().getAnnotation(Sensitive.class) != null;
      String jsonName = PayloadModelFactory.jsonName(property, naming);
      PropertySource clash = byJsonName.putIfAbsent(jsonName, property);
      if (clash != null) {
        report.add(Diagnostic.DUPLICATE_JSON_NAME, property.element(),
            clash.name(), property.name(), type.getSimpleName(), jsonName);
      }
    }
    if (type.getKind() == ElementKind.RECORD && anySensitive && !declaresToString(type)
        && !Annotations.isSuppressed(type, Diagnostic.RECORD_TO_STRING.id())) {
      String name = type.getSimpleName().toString();
      report.add(Diagnostic.RECORD_TO_STRING, type, name, name, flatName(type));
    }
    return report;
  }

  private void checkAccess(TypeElement type, ValidationReport report) {
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        report.add(Diagnostic.PAYLOAD_ACCESS, type, type.getSimpleName(),
            t == type ? "it is private" : "it is inside private " + t.getSimpleName(),
            "make " + t.getSimpleName() + " package-private or public");
        return;
      }
    }
    if (type.getNestingKind() == NestingKind.MEMBER
        && type.getKind() == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.STATIC)) {
      report.add(Diagnostic.PAYLOAD_ACCESS, type, type.getSimpleName(),
          "it is an inner class, which needs an enclosing instance", "declare it static");
    } else if (type.getNestingKind() == NestingKind.LOCAL
        || type.getNestingKind() == NestingKind.ANONYMOUS) {
      report.add(Diagnostic.PAYLOAD_ACCESS, type, type.getSimpleName(),
          "it is local to a method", "declare it at the top level or as a static member");
    }
  }

  private static void checkConstructor(TypeElement type, ValidationReport report) {
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      report.add(Diagnostic.NO_CONSTRUCTOR, type, type.getSimpleName(), "it is abstract");
      return;
    }
    List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements());
    boolean noArgs = constructors.stream()
        .anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
    if (!noArgs) {
      report.add(Diagnostic.NO_CONSTRUCTOR, type, type.getSimpleName(),
          "it has no non-private constructor without parameters");
    }
  }

  private void checkProperty(
      TypeElement type, PropertySource property, Optional<Integer> typeDays, ValidationReport report) {
    Element element = property.element();
    Optional<AnnotationMirror> encrypt = Annotations.find(element, Annotations.ENCRYPT);
    Optional<Shape> shape = shapes.resolve(property.type());
    if (shape.isEmpty()) {
      if (encrypt.isPresent()) {
        report.add(Diagnostic.ENCRYPT_TYPE, element, encrypt.get(), null,
            property.name(), property.type());
      } else {
        report.add(Diagnostic.UNSUPPORTED_TYPE, element,
            property.name(), property.type(), property.type());
      }
    }
    if (property.readSuffix().isEmpty()) {
      report.add(Diagnostic.UNREADABLE_PROPERTY, element, property.name(), type.getSimpleName(),
          PropertyScanner.getterName((VariableElement) element));
    } else if (property.write().isEmpty()) {
      boolean isPrivate = element.getModifiers().contains(Modifier.PRIVATE);
      report.add(Diagnostic.UNWRITABLE_PROPERTY, element, property.name(), type.getSimpleName(),
          isPrivate ? "private" : "final",
          PropertyScanner.setterName((VariableElement) element), type.getSimpleName());
    }
    shape.ifPresent(s -> checkMask(property, s, report));
    shape.ifPresent(s -> checkEnumFallbacks(property, s, report));
    if (shape.isPresent() && encrypt.isPresent()) {
      checkDeterministic(property, shape.get(), encrypt.get(), report);
    }
    checkRetainDays(element, report).ifPresent(days -> typeDays.ifPresent(limit -> {
      if (days > limit) {
        AnnotationMirror retain = Annotations.find(element, Annotations.RETAIN).orElseThrow();
        report.add(Diagnostic.RETAIN_LONGER_THAN_TYPE, element, retain,
            Annotations.explicitValue(retain, "days").orElse(null),
            days, property.name(), limit, type.getSimpleName(), limit, limit);
      }
    }));
    Sensitive sensitive = element.getAnnotation(Sensitive.class);
    if (sensitive != null && encrypt.isEmpty() && MUST_ENCRYPT.contains(sensitive.category())
        && !Annotations.isSuppressed(element, Diagnostic.SENSITIVE_NOT_ENCRYPTED.id())) {
      report.add(Diagnostic.SENSITIVE_NOT_ENCRYPTED, element,
          Annotations.find(element, Annotations.SENSITIVE).orElseThrow(), null,
          property.name(), sensitive.category());
    }
    // A flag such as verifiedEmail says something about data, but holds none.
    boolean isFlag = shape.filter(s -> s instanceof Shape.Scalar scalar
        && (scalar.kind() == ScalarKind.BOOLEAN || scalar.kind() == ScalarKind.BOXED_BOOLEAN))
        .isPresent();
    if (!isFlag && element.getAnnotation(Sensitive.class) == null
        && !Annotations.isSuppressed(element, Diagnostic.PERSONAL_DATA_NAME.id())) {
      PersonalDataNames.match(property.name()).ifPresent(match ->
          report.add(Diagnostic.PERSONAL_DATA_NAME, element,
              property.name(), match.description(), match.category()));
    }
  }

  private static void checkMask(PropertySource property, Shape shape, ValidationReport report) {
    Sensitive sensitive = property.element().getAnnotation(Sensitive.class);
    if (sensitive == null) {
      return;
    }
    String problem = switch (sensitive.mask()) {
      case LAST4, EMAIL -> isString(shape) ? null : "this mask keeps part of a String";
      case HASH -> shape.isSingleValue()
          ? null
          : "a pseudonym stands for one value, and a container's size would still show";
      case FULL, OMIT -> null;
    };
    if (problem != null) {
      AnnotationMirror mirror =
          Annotations.find(property.element(), Annotations.SENSITIVE).orElseThrow();
      report.add(Diagnostic.MASK_TYPE, property.element(), mirror,
          Annotations.explicitValue(mirror, "mask").orElse(null),
          sensitive.mask(), property.name(), property.type(), problem);
    }
  }

  /** Each enum inside the property's type may name one fallback for unknown constants. */
  private void checkEnumFallbacks(PropertySource property, Shape shape, ValidationReport report) {
    if (shape instanceof Shape.Container container) {
      checkEnumFallbacks(property, container.element(), report);
    } else if (shape instanceof Shape.EnumType enumType) {
      TypeElement type = elements.getTypeElement(enumType.typeName().canonicalName());
      long fallbacks = type == null ? 0 : type.getEnclosedElements().stream()
          .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
          .filter(e -> Annotations.findBySimpleName(e, "JsonEnumDefaultValue").isPresent())
          .count();
      if (fallbacks > 1) {
        report.add(Diagnostic.ENUM_FALLBACK, property.element(),
            enumType.typeName().simpleName(), property.name(), fallbacks);
      }
    }
  }

  private static void checkDeterministic(
      PropertySource property, Shape shape, AnnotationMirror encrypt, ValidationReport report) {
    Optional<AnnotationValue> deterministic = Annotations.explicitValue(encrypt, "deterministic");
    if (deterministic.isEmpty() || !Boolean.TRUE.equals(deterministic.get().getValue())) {
      return;
    }
    boolean stable = shape instanceof Shape.EnumType
        || (shape instanceof Shape.Scalar scalar && scalar.kind().hasStableEncoding());
    if (!stable) {
      report.add(Diagnostic.DETERMINISTIC_TYPE, property.element(), encrypt, deterministic.get(),
          property.name(), property.type());
    }
  }

  /** Reports a non-positive {@code @Retain(days)} on {@code element}; returns the days if valid. */
  private static Optional<Integer> checkRetainDays(Element element, ValidationReport report) {
    Optional<AnnotationMirror> retain = Annotations.find(element, Annotations.RETAIN);
    if (retain.isEmpty()) {
      return Optional.empty();
    }
    AnnotationValue value = Annotations.explicitValue(retain.get(), "days").orElse(null);
    if (value == null || !(value.getValue() instanceof Integer days)) {
      return Optional.empty(); // javac already reports a missing or mistyped value
    }
    if (days <= 0) {
      report.add(Diagnostic.RETAIN_DAYS, element, retain.get(), value, days);
      return Optional.empty();
    }
    return Optional.of(days);
  }

  private static boolean isString(Shape shape) {
    return shape instanceof Shape.Scalar scalar && scalar.kind() == ScalarKind.STRING;
  }

  /** Whether the record declares {@code toString()} in its source, rather than implicitly. */
  private boolean declaresToString(TypeElement type) {
    return ElementFilter.methodsIn(type.getEnclosedElements()).stream()
        .filter(m -> m.getSimpleName().contentEquals("toString") && m.getParameters().isEmpty())
        .anyMatch(this::isInSource);
  }

  /**
   * A record's implicit members are among its elements too. javac 17 reports them as
   * {@code EXPLICIT} (fixed in later releases), so where javac's tree API is at hand, a member
   * without a source tree counts as implicit.
   */
  private boolean isInSource(ExecutableElement method) {
    if (elements.getOrigin(method) != Elements.Origin.EXPLICIT) {
      return false;
    }
    return trees == null || trees.getTree(method) != null;
  }

  private static String describeKind(TypeElement type) {
    return switch (type.getKind()) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation type";
      default -> type.getKind().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** {@code Outer_Inner} for a nested type, as generated class names use it. */
  private static String flatName(TypeElement type) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    for (Element e = type.getEnclosingElement(); e instanceof TypeElement t; e = e.getEnclosingElement()) {
      name.insert(0, t.getSimpleName() + "_");
    }
    return name.toString();
  }
}
