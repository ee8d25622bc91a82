package dev.hookguard.processor.model;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The types this compilation compiles from source, known by their top-level types. Only these
 * can point a diagnostic at a line, and only these can refer, from their own source, to a
 * companion generated beside them (a nested type's {@code toString} calling its redactor). Types
 * read from class files (a library's) are neither.
 */
public final class SourceTypes {

  private final Set<String> topLevelNames = new HashSet<>();

  /** Adds a round's root elements: its top-level types, given or generated. */
  public void addRound(Collection<? extends Element> rootElements) {
    for (Element element : rootElements) {
      if (element instanceof TypeElement type) {
        topLevelNames.add(type.getQualifiedName().toString());
      }
    }
  }

  /** Whether {@code element} (a type or a member of one) is declared in a source of this compilation. */
  public boolean contains(Element element) {
    TypeElement topLevel = null;
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      if (e instanceof TypeElement type) {
        topLevel = type;
      }
    }
    return topLevel != null && topLevelNames.contains(topLevel.getQualifiedName().toString());
  }
}
