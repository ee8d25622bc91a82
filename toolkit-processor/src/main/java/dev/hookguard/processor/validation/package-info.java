/**
 * Checks payload types against the rules of DESIGN.md's "Compile-time checks". Every finding is a
 * {@link dev.hookguard.processor.validation.Message} with a stable id, tied to the most precise
 * element, annotation or annotation value, and collected in a
 * {@link dev.hookguard.processor.validation.Report}; nothing is thrown at javac. A report is the
 * one way the processor prints anything: its own findings of a round (annotations no payload type
 * reads, unexpected failures) go through one too.
 */
package dev.hookguard.processor.validation;
