package dev.hookguard.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * A property as found in the source, before any rule is checked.
 *
 * @param element the field (of a record component, or of a class): where its annotations are
 *     read and its diagnostics point
 * @param readSuffix how to read it after {@code value.}; empty when generated code cannot
 * @param write how a copy receives it; empty when generated code cannot
 * @param carriers every element that may carry its {@code @JsonProperty} (component, accessor,
 *     field, getter)
 * @param publicAccess whether the members that read and write it are public, so that code
 *     generated in another package can use them (a record's accessors always are)
 */
public record PropertySource(
    String name,
    Element element,
    TypeMirror type,
    Optional<String> readSuffix,
    Optional<Property.Write> write,
    List<Element> carriers,
    boolean publicAccess) {}
