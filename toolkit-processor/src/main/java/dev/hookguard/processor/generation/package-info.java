/**
 * Renders models into the generated companions: {@code XRedactor}, {@code XVerifier} and
 * {@code XStore} for a root, with private methods for the nested types below it, and
 * {@code Outer_InnerRedactor} for a nested type that has its own. Uses palantir JavaPoet.
 * Generators make no decisions of their own: they render what the model decided (a property's
 * storage and redaction, how a type is constructed, which reader and writer methods handle a
 * shape) and read no elements or type mirrors. Code both need is rendered once: writing values
 * ({@code WriteCode}) and building instances ({@code ConstructionCode}).
 * {@link dev.hookguard.processor.generation.SourceFileWriter} is the only place files are written.
 */
package dev.hookguard.processor.generation;
