/**
 * JSON limits: {@link dev.hookguard.runtime.json.JsonLimits} bounds what a verifier parses (body
 * size, nesting, entries, string and number lengths). The reader and writer that generated code
 * calls are in {@code dev.hookguard.runtime.generated}.
 */
package dev.hookguard.runtime.json;
