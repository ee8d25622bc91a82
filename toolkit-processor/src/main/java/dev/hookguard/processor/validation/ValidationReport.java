package dev.hookguard.processor.validation;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * What validation found for one payload type: each item tied to the most precise place the
 * compiler can point at (an element, an annotation on it, or one value of that annotation).
 */
public final class ValidationReport {

  /** One finding. {@code mirror} and {@code value} may be {@code null}. */
  public record Item(
      Diagnostic diagnostic,
      String message,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value) {}

  private final List<Item> items = new ArrayList<>();

  void add(Diagnostic diagnostic, Element element, Object... args) {
    add(diagnostic, element, null, null, args);
  }

  void add(
      Diagnostic diagnostic,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value,
      Object... args) {
    items.add(new Item(diagnostic, diagnostic.format(args), element, mirror, value));
  }

  public List<Item> items() {
    return List.copyOf(items);
  }

  /** True when nothing stops generation (warnings may remain). */
  public boolean isClean() {
    return items.stream().noneMatch(item -> item.diagnostic().kind() == Kind.ERROR);
  }

  /** Prints every item to the compiler. */
  public void printTo(Messager messager) {
    for (Item item : items) {
      if (item.value() != null) {
        messager.printMessage(
            item.diagnostic().kind(), item.message(), item.element(), item.mirror(), item.value());
      } else if (item.mirror() != null) {
        messager.printMessage(
            item.diagnostic().kind(), item.message(), item.element(), item.mirror());
      } else {
        messager.printMessage(item.diagnostic().kind(), item.message(), item.element());
      }
    }
  }
}
