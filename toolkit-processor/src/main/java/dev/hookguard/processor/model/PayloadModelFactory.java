package dev.hookguard.processor.model;

import com.palantir.javapoet.ClassName;
import dev.hookguard.api.Encrypt;
import dev.hookguard.api.Naming;
import dev.hookguard.api.Retain;
import dev.hookguard.api.Sensitive;
import dev.hookguard.api.WebhookPayload;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Builds the {@link PayloadModel} of a type that validation found clean. */
public final class PayloadModelFactory {

  private final Elements elements;
  private final PropertyScanner scanner;
  private final ShapeResolver shapes;

  public PayloadModelFactory(Elements elements, PropertyScanner scanner, ShapeResolver shapes) {
    this.elements = elements;
    this.scanner = scanner;
    this.shapes = shapes;
  }

  public PayloadModel create(TypeElement type) {
    WebhookPayload payload = type.getAnnotation(WebhookPayload.class);
    List<Property> properties = new ArrayList<>();
    for (PropertySource source : scanner.scan(type)) {
      Shape shape = shapes.resolve(source.type()).orElseThrow();
      properties.add(new Property(
          source.name(),
          jsonName(source, payload.naming()),
          shape,
          source.readSuffix().orElseThrow(),
          source.write().orElseThrow(),
          Optional.ofNullable(source.element().getAnnotation(Sensitive.class))
              .map(s -> new Property.SensitiveSpec(s.category(), s.mask())),
          Optional.ofNullable(source.element().getAnnotation(Encrypt.class))
              .map(e -> new Property.EncryptSpec(e.deterministic())),
          retainDays(source.element()),
          isNullable(source),
          nested(shape, new HashSet<>())));
    }
    return new PayloadModel(
        type,
        ClassName.get(type),
        type.getKind() == ElementKind.RECORD,
        isPublic(type),
        payload.event(),
        payload.naming(),
        retainDays(type),
        List.copyOf(properties));
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

  /** What the payload types inside {@code shape}, at any depth, carry; each type visited once. */
  private Property.Nested nested(Shape shape, Set<String> visited) {
    if (shape instanceof Shape.Container container) {
      return nested(container.element(), visited);
    }
    if (!(shape instanceof Shape.Payload payload)
        || !visited.add(payload.typeName().canonicalName())) {
      return Property.Nested.NONE;
    }
    TypeElement type = elements.getTypeElement(payload.typeName().canonicalName());
    if (type == null) {
      return Property.Nested.NONE;
    }
    boolean encrypted = false;
    EnumSet<Sensitive.Category> categories = EnumSet.noneOf(Sensitive.Category.class);
    for (PropertySource source : scanner.scan(type)) {
      encrypted |= source.element().getAnnotation(Encrypt.class) != null;
      Sensitive sensitive = source.element().getAnnotation(Sensitive.class);
      if (sensitive != null) {
        categories.add(sensitive.category());
      }
      Optional<Shape> inner = shapes.resolve(source.type());
      if (inner.isPresent()) {
        Property.Nested deeper = nested(inner.get(), visited);
        encrypted |= deeper.encrypted();
        categories.addAll(deeper.categories());
      }
    }
    return new Property.Nested(encrypted, Set.copyOf(categories));
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
