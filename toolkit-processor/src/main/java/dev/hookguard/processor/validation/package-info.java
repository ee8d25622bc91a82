/**
 * Checks payload types against the rules of DESIGN.md's "Compile-time checks". Every finding is a
 * {@link dev.hookguard.processor.validation.Message} with a stable id, tied to the most precise
 * element, annotation or annotation value, and collected in a
 * {@link dev.hookguard.processor.validation.ValidationReport}; nothing is thrown at javac.
 */
package dev.hookguard.processor.validation;
