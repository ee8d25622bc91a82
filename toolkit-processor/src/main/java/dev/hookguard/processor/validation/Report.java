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
 * Messages for the compiler, each tied to the most precise place it can point at (an element, an
 * annotation on it, or one value of that annotation), printed together. Every message the
 * processor prints goes through a report: what validation found for one payload type and the
 * nested types below it (with the nested types whose errors an earlier report already gave), and
 * the processor's own findings of a round.
 */
public final class Report {

  /** One finding, {@code text} in full. {@code mirror} and {@code value} may be {@code null}. */
  public record Item(
      Message message,
      String text,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value) {}

  private final List<Item> items = new ArrayList<>();
  private final Set<String> blockedBy = new LinkedHashSet<>();

  /** Adds {@code message} about {@code element}, formatted with {@code args}. */
  public void add(Message message, Element element, Object... args) {
    add(message, "", element, null, null, args);
  }

  void add(
      Message message,
      String path,
      Element element,
      AnnotationMirror mirror,
      AnnotationValue value,
      Object... args) {
    items.add(new Item(message, message.formatAt(path, args), element, mirror, value));
  }

  /** Adds every item of {@code other}, and the nested types it is blocked by. */
  public void addAll(Report other) {
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

  /** Prints every item to the compiler, in the order added: the one place messages are printed. */
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
