/**
 * Renders payload models into the generated companions ({@code XRedactor}, {@code XVerifier},
 * {@code XStore}) with palantir JavaPoet. Generators make no decisions of their own, and
 * {@link dev.hookguard.processor.generation.SourceFileWriter} is the only place files are written.
 */
package dev.hookguard.processor.generation;
