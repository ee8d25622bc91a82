package dev.hookguard.processor.generation;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The method names of one generated class. Its fixed methods keep their names; a nested type's
 * private methods are a verb and its simple name ({@code readLineItem}), or its flat name
 * ({@code readOrder_Address}) where two nested types of the class share a simple name; any other
 * clash adds an underscore. Names depend only on the order they are asked for.
 */
final class MethodNames {

  private final NameAllocator names = new NameAllocator();
  private final Map<ClassName, String> suffixes = new HashMap<>();

  /** Reserves {@code fixed}, and decides the suffix of each of the {@code nested} types. */
  MethodNames(Collection<String> fixed, Collection<ClassName> nested) {
    fixed.forEach(name -> names.newName(name, name));
    Map<String, Long> bySimpleName = new HashMap<>();
    nested.forEach(type -> bySimpleName.merge(type.simpleName(), 1L, Long::sum));
    for (ClassName type : nested) {
      suffixes.put(type, bySimpleName.get(type.simpleName()) == 1
          ? type.simpleName()
          : String.join("_", type.simpleNames()));
    }
  }

  /** Allocates the name of another method, known afterwards by {@code tag}. */
  void add(String suggestion, Object tag) {
    names.newName(suggestion, tag);
  }

  /** Allocates {@code verb} followed by the suffix of nested {@code type}. */
  void addNested(String verb, ClassName type) {
    names.newName(verb + suffixes.get(type), verb + " " + type.canonicalName());
  }

  /** The name allocated for {@code tag}. */
  String get(Object tag) {
    return names.get(tag);
  }

  /** The name allocated for {@code verb} and nested {@code type}. */
  String nested(String verb, ClassName type) {
    return names.get(verb + " " + type.canonicalName());
  }
}
