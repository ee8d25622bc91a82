package dev.hookguard.processor.model;

/**
 * How generated code builds an instance of a type, decided once for every place that builds one:
 * a verifier's reader and a redactor's copier alike.
 */
public enum Construction {
  /** A record: its canonical constructor, given every property in declaration order. */
  CANONICAL_CONSTRUCTOR,
  /**
   * A class: its constructor without parameters, then each property in declaration order through
   * its setter or its field, as {@link Property#write()} says.
   */
  SETTERS_AND_FIELDS
}
