package dev.hookguard.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Classifies a property's type into a {@link Shape}, or says it is not supported. Every supported
 * type is listed here and nowhere else.
 */
public final class ShapeResolver {

  private static final Map<String, ScalarKind> DECLARED_SCALARS = Map.ofEntries(
      Map.entry("java.lang.String", ScalarKind.STRING),
      Map.entry("java.lang.Boolean", ScalarKind.BOXED_BOOLEAN),
      Map.entry("java.lang.Character", ScalarKind.BOXED_CHAR),
      Map.entry("java.lang.Byte", ScalarKind.BOXED_BYTE),
      Map.entry("java.lang.Short", ScalarKind.BOXED_SHORT),
      Map.entry("java.lang.Integer", ScalarKind.BOXED_INT),
      Map.entry("java.lang.Long", ScalarKind.BOXED_LONG),
      Map.entry("java.lang.Float", ScalarKind.BOXED_FLOAT),
      Map.entry("java.lang.Double", ScalarKind.BOXED_DOUBLE),
      Map.entry("java.math.BigInteger", ScalarKind.BIG_INTEGER),
      Map.entry("java.math.BigDecimal", ScalarKind.BIG_DECIMAL),
      Map.entry("java.time.Instant", ScalarKind.INSTANT),
      Map.entry("java.time.LocalDate", ScalarKind.LOCAL_DATE),
      Map.entry("java.time.LocalDateTime", ScalarKind.LOCAL_DATE_TIME),
      Map.entry("java.time.LocalTime", ScalarKind.LOCAL_TIME),
      Map.entry("java.time.OffsetDateTime", ScalarKind.OFFSET_DATE_TIME),
      Map.entry("java.time.ZonedDateTime", ScalarKind.ZONED_DATE_TIME),
      Map.entry("java.time.Duration", ScalarKind.DURATION),
      Map.entry("java.util.UUID", ScalarKind.UUID));

  private static final List<String> PLATFORM_PACKAGES = List.of("java.", "javax.", "jdk.");

  /** Primitive arrays that JSON maps naturally; {@code byte[]} is binary, not a number list. */
  private static final List<TypeKind> PRIMITIVE_ARRAY_ELEMENTS =
      List.of(TypeKind.INT, TypeKind.LONG, TypeKind.DOUBLE, TypeKind.BOOLEAN);

  /** Returns the shape of {@code type}, or empty when generated code cannot handle it. */
  public Optional<Shape> resolve(TypeMirror type) {
    return switch (type.getKind()) {
      case BOOLEAN -> scalar(ScalarKind.BOOLEAN, type);
      case CHAR -> scalar(ScalarKind.CHAR, type);
      case BYTE -> scalar(ScalarKind.BYTE, type);
      case SHORT -> scalar(ScalarKind.SHORT, type);
      case INT -> scalar(ScalarKind.INT, type);
      case LONG -> scalar(ScalarKind.LONG, type);
      case FLOAT -> scalar(ScalarKind.FLOAT, type);
      case DOUBLE -> scalar(ScalarKind.DOUBLE, type);
      case ARRAY -> array((ArrayType) type);
      case DECLARED -> declared((DeclaredType) type);
      default -> Optional.empty();
    };
  }

  /** Whether {@code type} or a type argument inside it failed to resolve (maybe not generated yet). */
  public static boolean isUnresolved(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return true;
    }
    if (type instanceof ArrayType array) {
      return isUnresolved(array.getComponentType());
    }
    if (type instanceof DeclaredType declared) {
      return declared.getTypeArguments().stream().anyMatch(ShapeResolver::isUnresolved);
    }
    return false;
  }

  private static Optional<Shape> scalar(ScalarKind kind, TypeMirror type) {
    return Optional.of(new Shape.Scalar(kind, TypeName.get(type)));
  }

  private Optional<Shape> array(ArrayType type) {
    TypeMirror component = type.getComponentType();
    if (component.getKind().isPrimitive()) {
      return PRIMITIVE_ARRAY_ELEMENTS.contains(component.getKind())
          ? resolve(component).map(e -> new Shape.Container(Shape.ContainerKind.ARRAY, e, TypeName.get(type)))
          : Optional.empty();
    }
    // Arrays of containers would need generic array creation; allow single values and objects.
    return resolve(component)
        .filter(e -> e.isSingleValue() || e instanceof Shape.Composite)
        .map(e -> new Shape.Container(Shape.ContainerKind.ARRAY, e, TypeName.get(type)));
  }

  private Optional<Shape> declared(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    ScalarKind scalar = DECLARED_SCALARS.get(name);
    if (scalar != null) {
      return scalar(scalar, type);
    }
    if (element.getKind() == ElementKind.ENUM) {
      return Optional.of(enumType(element, type));
    }
    if (Annotations.find(element, Annotations.WEBHOOK_PAYLOAD).isPresent()) {
      if (!arguments.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Shape.Payload(ClassName.get(element)));
    }
    return switch (name) {
      case "java.util.List" -> container(Shape.ContainerKind.LIST, arguments, 0, type);
      case "java.util.Set" -> container(Shape.ContainerKind.SET, arguments, 0, type);
      case "java.util.Optional" -> container(Shape.ContainerKind.OPTIONAL, arguments, 0, type);
      case "java.util.Map" -> arguments.size() == 2 && isString(arguments.get(0))
          ? container(Shape.ContainerKind.MAP, arguments, 1, type)
          : Optional.empty();
      default -> isNestable(element)
          ? Optional.of(new Shape.Nested(ClassName.get(element)))
          : Optional.empty();
    };
  }

  /**
   * Whether a type without {@code @WebhookPayload} can be a nested type: a record or class of the
   * application or a library, without type parameters. The JDK's own classes ({@code Object},
   * {@code Date}, {@code File}…) are not: their fields are no JSON properties.
   */
  private static boolean isNestable(TypeElement element) {
    String name = element.getQualifiedName().toString();
    boolean platform = PLATFORM_PACKAGES.stream().anyMatch(name::startsWith);
    return (element.getKind() == ElementKind.RECORD || element.getKind() == ElementKind.CLASS)
        && element.getTypeParameters().isEmpty()
        && !platform;
  }

  /** An enum's constants, and the one marked {@code @JsonEnumDefaultValue} as the fallback. */
  private static Shape.EnumType enumType(TypeElement element, DeclaredType type) {
    List<String> constants = new ArrayList<>();
    Optional<String> fallback = Optional.empty();
    for (Element member : element.getEnclosedElements()) {
      if (member.getKind() == ElementKind.ENUM_CONSTANT) {
        String name = member.getSimpleName().toString();
        constants.add(name);
        if (fallback.isEmpty() && Annotations.findBySimpleName(member, "JsonEnumDefaultValue").isPresent()) {
          fallback = Optional.of(name);
        }
      }
    }
    return new Shape.EnumType(ClassName.get(element), List.copyOf(constants), fallback);
  }

  private Optional<Shape> container(
      Shape.ContainerKind kind, List<? extends TypeMirror> arguments, int index, DeclaredType type) {
    if (arguments.size() <= index || arguments.get(index).getKind() != TypeKind.DECLARED) {
      return Optional.empty(); // raw types and wildcards have no single element type
    }
    return resolve(arguments.get(index)).map(e -> new Shape.Container(kind, e, TypeName.get(type)));
  }

  private static boolean isString(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals("java.lang.String");
  }
}
