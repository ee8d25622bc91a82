package dev.hookguard.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A record or class whose properties generated code reads, writes and redacts one by one: a root
 * ({@link PayloadModel}) or a nested type ({@link NestedModel}).
 */
public sealed interface ObjectModel permits PayloadModel, NestedModel {

  /** The type's class name. */
  ClassName type();

  /** How generated code builds an instance. */
  Construction construction();

  /** Whether it and every type around it are public, which makes its companions public. */
  boolean isPublic();

  /** Its properties, in declaration order. */
  List<Property> properties();

  /** {@code Outer_InnerRedactor} for {@code Outer.Inner}, beside the type. */
  default ClassName redactor() {
    return PayloadModel.companion(type(), "Redactor");
  }
}
