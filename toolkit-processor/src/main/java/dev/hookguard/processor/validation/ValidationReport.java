package dev.hookguard.processor.validation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * What validation found for one payload type and the nested types below it: each item tied to
 * the most precise place the compiler can point at (an element, an annotation on it, or one value
 * of that annotation), and the nested types whose errors an earlier report already gave.
 */
public final class ValidationReport {

  /** One finding, {@code text} in full. {@code mirror} and {@code value} may be {@code null}. */
  public record Item(
      Message message,
      String text,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value) {}

  private final List<Item> items = new ArrayList<>();
  private final Set<String> blockedBy = new LinkedHashSet<>();

  void add(
      Message message,
      String path,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value,
      Object... args) {
    items.add(new Item(message, message.formatAt(path, args), element, mirror, value));
  }

  void addAll(ValidationReport other) {
    items.addAll(other.items);
    blockedBy.addAll(other.blockedBy);
  }

  /** Notes that the type holds nested type {@code name}, whose errors were reported before. */
  void blockedBy(String name) {
    blockedBy.add(name);
  }

  public List<Item> items() {
    return List.copyOf(items);
  }

  /**
   * True when nothing stops generation (warnings may remain): no error here, and no nested type
   * with errors reported before.
   */
  public boolean isClean() {
    return blockedBy.isEmpty()
        && items.stream().noneMatch(item -> item.message().kind() == Kind.ERROR);
  }

  /** Prints every item to the compiler. */
  public void printTo(Messager messager) {
    for (Item item : items) {
      if (item.value() != null) {
        messager.printMessage(
            item.message().kind(), item.text(), item.element(), item.mirror(), item.value());
      } else if (item.mirror() != null) {
        messager.printMessage(
            item.message().kind(), item.text(), item.element(), item.mirror());
      } else {
        messager.printMessage(item.message().kind(), item.text(), item.element());
      }
    }
  }
}
