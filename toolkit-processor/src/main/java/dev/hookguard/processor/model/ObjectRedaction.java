package dev.hookguard.processor.model;

/**
 * How a redactor redacts an object it holds, a root or a nested type, in log lines, redacted JSON
 * and redacted copies.
 */
public enum ObjectRedaction {
  /**
   * By that type's own generated redactor: every root, and a nested type with sensitive
   * properties that is compiled here ({@code Outer_InnerRedactor}).
   */
  OWN_REDACTOR,
  /**
   * By private methods of the redactor that holds it, which mask its sensitive values and build
   * a redacted copy: a nested type with sensitive properties read from class files.
   */
  MASKED_BY_HOLDER,
  /**
   * By a private method of the redactor that holds it, which writes it in full; a redacted copy
   * keeps it as it is: a nested type that holds nothing sensitive.
   */
  IN_FULL_BY_HOLDER
}
