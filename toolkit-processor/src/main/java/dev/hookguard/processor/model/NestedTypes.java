package dev.hookguard.processor.model;

import com.palantir.javapoet.ClassName;
import dev.hookguard.api.Encrypt;
import dev.hookguard.api.Retain;
import dev.hookguard.api.Sensitive;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The nested types below a type, and what they ask of generated code. Nested types are found
 * through properties and containers, depth first in declaration order, each once, and never
 * past a {@code @WebhookPayload} type: a root handles what is below it.
 */
public final class NestedTypes {

  /**
   * A nested type where it is first reached.
   *
   * @param type the nested type
   * @param owner the type whose property reaches it
   * @param via that property (its field)
   * @param path the Java names from the start type to it, such as
   *     {@code ShopifyOrder.lineItems[].properties[]}: {@code []} stands for an element of a list,
   *     set or array, {@code {}} for a value of a map
   */
  public record Reached(TypeElement type, TypeElement owner, Element via, String path) {}

  private final Elements elements;
  private final PropertyScanner scanner;
  private final ShapeResolver shapes;
  private final SourceTypes sources;

  public NestedTypes(
      Elements elements, PropertyScanner scanner, ShapeResolver shapes, SourceTypes sources) {
    this.elements = elements;
    this.scanner = scanner;
    this.shapes = shapes;
    this.sources = sources;
  }

  /** Every nested type below {@code start}, in the order first reached; {@code start} excluded. */
  public List<Reached> reachedFrom(TypeElement start) {
    List<Reached> reached = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    seen.add(start.getQualifiedName().toString());
    visitProperties(start, start.getSimpleName().toString(), seen, reached);
    return reached;
  }

  private void visitProperties(
      TypeElement owner, String path, Set<String> seen, List<Reached> reached) {
    for (PropertySource property : scanner.scan(owner)) {
      Optional<Shape> shape = shapes.resolve(property.type());
      if (shape.isPresent()) {
        visitShape(shape.get(), owner, property, path + "." + property.name(), seen, reached);
      }
    }
  }

  private void visitShape(Shape shape, TypeElement owner, PropertySource property, String path,
      Set<String> seen, List<Reached> reached) {
    if (shape instanceof Shape.Container container) {
      String step = switch (container.kind()) {
        case LIST, SET, ARRAY -> "[]";
        case MAP -> "{}";
        case OPTIONAL -> "";
      };
      visitShape(container.element(), owner, property, path + step, seen, reached);
    } else if (shape instanceof Shape.Nested nested) {
      Optional<TypeElement> type = element(nested);
      if (type.isPresent() && seen.add(type.get().getQualifiedName().toString())) {
        reached.add(new Reached(type.get(), owner, property.element(), path));
        visitProperties(type.get(), path, seen, reached);
      }
    }
  }

  /**
   * What the objects inside a value hold, at any depth: stored as part of the property that holds
   * them, their {@code @Encrypt} properties are kept sealed by sealing that property, and
   * revealing or redacting it concerns their {@code @Sensitive} values.
   *
   * @param encrypted whether any of their properties is {@code @Encrypt}
   * @param categories the categories of every {@code @Sensitive} one
   */
  public record Contents(
      boolean encrypted, Set<Sensitive.Category> categories, OptionalInt retainDays) {
    static final Contents NONE = new Contents(false, Set.of(), OptionalInt.empty());
  }

  /** What the objects inside {@code shape}, roots and nested types at any depth, hold. */
  public Contents contents(Shape shape) {
    return contents(shape, new HashSet<>());
  }

  private Contents contents(Shape shape, Set<String> visited) {
    if (shape instanceof Shape.Container container) {
      return contents(container.element(), visited);
    }
    if (!(shape instanceof Shape.Composite composite)
        || !visited.add(composite.typeName().canonicalName())) {
      return Contents.NONE;
    }
    Optional<TypeElement> type = element(composite);
    if (type.isEmpty()) {
      return Contents.NONE;
    }
    boolean encrypted = false;
    EnumSet<Sensitive.Category> categories = EnumSet.noneOf(Sensitive.Category.class);
    OptionalInt retainDays = shortest(OptionalInt.empty(), type.get().getAnnotation(Retain.class));
    for (PropertySource source : scanner.scan(type.get())) {
      encrypted |= source.element().getAnnotation(Encrypt.class) != null;
      retainDays = shortest(retainDays, source.element().getAnnotation(Retain.class));
      Sensitive sensitive = source.element().getAnnotation(Sensitive.class);
      if (sensitive != null) {
        categories.add(sensitive.category());
      }
      Optional<Shape> inner = shapes.resolve(source.type());
      if (inner.isPresent()) {
        Contents deeper = contents(inner.get(), visited);
        encrypted |= deeper.encrypted();
        categories.addAll(deeper.categories());
        if (deeper.retainDays().isPresent()) {
          retainDays = shortest(retainDays, deeper.retainDays().getAsInt());
        }
      }
    }
    return new Contents(encrypted, Set.copyOf(categories), retainDays);
  }

  private static OptionalInt shortest(OptionalInt days, Retain retain) {
    return retain == null ? days : shortest(days, retain.days());
  }

  private static OptionalInt shortest(OptionalInt days, int other) {
    return OptionalInt.of(days.isPresent() ? Math.min(days.getAsInt(), other) : other);
  }

  /** Whether {@code type} has a {@code @Sensitive} property, its own or at any depth below. */
  public boolean isSensitive(TypeElement type) {
    return !contents(new Shape.Nested(ClassName.get(type))).categories().isEmpty();
  }

  /**
   * Whether nested {@code type} gets its own {@code Outer_InnerRedactor}: it is sensitive, and
   * compiled here from source, whose {@code toString} can call it.
   */
  public boolean hasOwnRedactor(TypeElement type) {
    return sources.contains(type) && isSensitive(type);
  }

  private Optional<TypeElement> element(Shape.Composite shape) {
    return Optional.ofNullable(elements.getTypeElement(shape.typeName().canonicalName()));
  }
}
