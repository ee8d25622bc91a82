/**
 * Classes that break each rule of {@code ArchitectureTest} on purpose, so that its tests can show
 * every rule failing. Nothing else uses them.
 */
package dev.hookguard.runtime.archfixture;
