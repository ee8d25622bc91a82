/**
 * The models of roots ({@link dev.hookguard.processor.model.PayloadModel}) and of the nested types
 * below them ({@link dev.hookguard.processor.model.NestedModel}): their properties, shapes, JSON
 * names, how each type is constructed, how each property is stored and redacted, and which
 * reader and writer methods handle each shape, decided once here so that generation only renders.
 * Types are read by {@link dev.hookguard.processor.model.PropertyScanner}, classified by
 * {@link dev.hookguard.processor.model.ShapeResolver}, the one list of supported types, and
 * walked to their nested types by {@link dev.hookguard.processor.model.NestedTypes}.
 */
package dev.hookguard.processor.model;
