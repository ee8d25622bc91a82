package dev.hookguard.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class the HookGuard processor generated; {@link #value()} names the processor. Used
 * instead of {@code javax.annotation.processing.Generated}, which a named module could only see
 * by requiring {@code java.compiler}. It carries no date, so a build is reproducible.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Generated {

  /** The fully qualified name of the processor that wrote the class. */
  String value();
}
