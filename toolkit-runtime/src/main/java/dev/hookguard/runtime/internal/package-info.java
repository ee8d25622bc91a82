/**
 * Plumbing shared by the capabilities' implementations, not exported and used only by {@code
 * ..internal} packages and {@link dev.hookguard.runtime.HookGuard}: JDBC connections and
 * dialects ({@code jdbc}), the data keyring ({@code keys}), the sealed record format and its rows
 * ({@code records}), and the schema's migrations ({@code schema}). They depend on one another in
 * that order, and on no capability's implementation.
 */
package dev.hookguard.runtime.internal;
