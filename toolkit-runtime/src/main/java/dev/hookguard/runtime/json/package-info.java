/**
 * JSON for generated code, through Jackson's streaming API and without reflection:
 * {@link dev.hookguard.runtime.json.PayloadReader} reads a document within
 * {@link dev.hookguard.runtime.json.JsonLimits} and turns every problem into a typed verification
 * failure; {@link dev.hookguard.runtime.json.PayloadWriter} writes one structure as JSON or as a
 * log line.
 */
package dev.hookguard.runtime.json;
