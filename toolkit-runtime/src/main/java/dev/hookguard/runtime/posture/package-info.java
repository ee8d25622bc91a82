/**
 * The posture audit: the running configuration of a store and its receivers checked against the
 * practices HookGuard enforces (HTTPS, signatures and their secrets, tolerance and replay windows,
 * allow-list, rate limits, retention and sweeps, key ages, where the master key is kept, file
 * permissions, the audit trail and its exported checkpoints, undecided personal-data names).
 *
 * <p>{@code hookGuard.posture()} gives a {@link dev.hookguard.runtime.posture.Posture}; its {@code
 * check(receivers...)} returns a {@link dev.hookguard.runtime.posture.PostureReport} of {@link
 * dev.hookguard.runtime.posture.Finding}s, each with a stable id, a {@link
 * dev.hookguard.runtime.posture.Severity}, what was found and how to fix it: names, lengths,
 * durations and paths, never a secret or a payload value. A {@link
 * dev.hookguard.runtime.posture.PosturePolicy} sets the limits (key rotation, sweep and checkpoint
 * ages, secret length, tolerance).
 */
package dev.hookguard.runtime.posture;
