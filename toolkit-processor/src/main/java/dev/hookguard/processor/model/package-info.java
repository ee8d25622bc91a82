/**
 * The model of a payload type: its properties, their shapes, JSON names, masks, encryption and
 * retention, decided once here so that generation only renders. Types are read by
 * {@link dev.hookguard.processor.model.PropertyScanner} and classified by
 * {@link dev.hookguard.processor.model.ShapeResolver}, the one list of supported types.
 */
package dev.hookguard.processor.model;
