package dev.hookguard.runtime.generated;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Null-safe, order-keeping copies of containers with each element replaced, used by generated
 * {@code redact} methods where a container holds nested payloads. The copies are unmodifiable
 * and, unlike {@code List.copyOf}, accept {@code null} elements.
 */
public final class Copies {

  private Copies() {}

  /** A copy of {@code values} with each element mapped; {@code null} stays {@code null}. */
  public static <E> List<E> list(List<E> values, UnaryOperator<E> element) {
    if (values == null) {
      return null;
    }
    List<E> copy = new ArrayList<>(values.size());
    for (E value : values) {
      copy.add(element.apply(value));
    }
    return Collections.unmodifiableList(copy);
  }

  /** A copy of {@code values} with each element mapped, in iteration order. */
  public static <E> Set<E> set(Set<E> values, UnaryOperator<E> element) {
    if (values == null) {
      return null;
    }
    Set<E> copy = new LinkedHashSet<>();
    for (E value : values) {
      copy.add(element.apply(value));
    }
    return Collections.unmodifiableSet(copy);
  }

  /** A copy of {@code values} with each value mapped, in iteration order. */
  public static <V> Map<String, V> map(Map<String, V> values, UnaryOperator<V> value) {
    if (values == null) {
      return null;
    }
    Map<String, V> copy = new LinkedHashMap<>();
    for (Map.Entry<String, V> entry : values.entrySet()) {
      copy.put(entry.getKey(), value.apply(entry.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  /** {@code value} with its content mapped; {@code null} stays {@code null}. */
  @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
  public static <E> Optional<E> optional(Optional<E> value, UnaryOperator<E> element) {
    return value == null ? null : value.map(element);
  }

  /** A copy of {@code values}, of the same array type, with each element mapped. */
  public static <E> E[] array(E[] values, UnaryOperator<E> element) {
    if (values == null) {
      return null;
    }
    E[] copy = Arrays.copyOf(values, values.length);
    for (int i = 0; i < copy.length; i++) {
      copy[i] = element.apply(copy[i]);
    }
    return copy;
  }
}
