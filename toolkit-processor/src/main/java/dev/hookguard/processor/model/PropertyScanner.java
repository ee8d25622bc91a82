package dev.hookguard.processor.model;

import dev.hookguard.processor.model.Property.Write;
import dev.hookguard.processor.model.Property.WriteKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds the properties of a payload type: a record's components, or a class's own non-static,
 * non-transient fields with the getter and setter (or the field itself) that reach each.
 */
public final class PropertyScanner {

  private final Elements elements;
  private final Types types;

  public PropertyScanner(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  public List<PropertySource> scan(TypeElement type) {
    return type.getKind() == ElementKind.RECORD ? scanRecord(type) : scanClass(type);
  }

  private List<PropertySource> scanRecord(TypeElement type) {
    List<PropertySource> properties = new ArrayList<>();
    List<VariableElement> fields = ElementFilter.fieldsIn(type.getEnclosedElements());
    for (RecordComponentElement component : type.getRecordComponents()) {
      String name = component.getSimpleName().toString();
      Optional<VariableElement> field = fields.stream()
          .filter(f -> f.getSimpleName().contentEquals(name))
          .findFirst();
      List<Element> carriers = new ArrayList<>();
      carriers.add(component);
      if (component.getAccessor() != null) {
        carriers.add(component.getAccessor());
      }
      field.ifPresent(carriers::add);
      // The component's field carries the same annotations (every HookGuard annotation targets
      // FIELD), and unlike the component, javac 17 knows its source position for diagnostics.
      properties.add(new PropertySource(
          name,
          field.<Element>map(f -> f).orElse(component),
          component.asType(),
          Optional.of(name + "()"),
          Optional.of(new Write(WriteKind.CONSTRUCTOR, name)),
          carriers,
          true));
    }
    return properties;
  }

  private List<PropertySource> scanClass(TypeElement type) {
    List<PropertySource> properties = new ArrayList<>();
    List<ExecutableElement> methods = ElementFilter.methodsIn(elements.getAllMembers(type));
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      Set<Modifier> modifiers = field.getModifiers();
      if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.TRANSIENT)) {
        continue;
      }
      String name = field.getSimpleName().toString();
      boolean fieldVisible = !modifiers.contains(Modifier.PRIVATE);
      Optional<ExecutableElement> getter = getter(methods, field);
      Optional<ExecutableElement> setter = setter(methods, field);

      Optional<String> read = getter.map(g -> g.getSimpleName() + "()")
          .or(() -> fieldVisible ? Optional.of(name) : Optional.empty());
      Optional<Write> write = setter.map(s -> new Write(WriteKind.SETTER, s.getSimpleName().toString()))
          .or(() -> fieldVisible && !modifiers.contains(Modifier.FINAL)
              ? Optional.of(new Write(WriteKind.FIELD, name))
              : Optional.empty());

      List<Element> carriers = new ArrayList<>();
      carriers.add(field);
      getter.ifPresent(carriers::add);
      boolean publicField = modifiers.contains(Modifier.PUBLIC);
      boolean publicAccess = getter.map(PropertyScanner::isPublic).orElse(publicField)
          && setter.map(PropertyScanner::isPublic).orElse(publicField);
      properties.add(new PropertySource(
          name, field, field.asType(), read, write, carriers, publicAccess));
    }
    return properties;
  }

  /** {@code getName()}, or {@code isName()} for a {@code boolean}, returning the field's type. */
  public static String getterName(VariableElement field) {
    String prefix = field.asType().getKind() == TypeKind.BOOLEAN ? "is" : "get";
    return prefix + capitalize(field.getSimpleName().toString());
  }

  public static String setterName(VariableElement field) {
    return "set" + capitalize(field.getSimpleName().toString());
  }

  private Optional<ExecutableElement> getter(List<ExecutableElement> methods, VariableElement field) {
    String name = getterName(field);
    return methods.stream()
        .filter(m -> m.getSimpleName().contentEquals(name))
        .filter(m -> m.getParameters().isEmpty() && isCallable(m))
        .filter(m -> types.isSameType(m.getReturnType(), field.asType()))
        .findFirst();
  }

  private Optional<ExecutableElement> setter(List<ExecutableElement> methods, VariableElement field) {
    String name = setterName(field);
    return methods.stream()
        .filter(m -> m.getSimpleName().contentEquals(name))
        .filter(m -> m.getParameters().size() == 1 && isCallable(m))
        .filter(m -> types.isSameType(m.getParameters().get(0).asType(), field.asType()))
        .findFirst();
  }

  private static boolean isPublic(Element member) {
    return member.getModifiers().contains(Modifier.PUBLIC);
  }

  private static boolean isCallable(ExecutableElement method) {
    return !method.getModifiers().contains(Modifier.PRIVATE)
        && !method.getModifiers().contains(Modifier.STATIC);
  }

  private static String capitalize(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
