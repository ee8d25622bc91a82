/**
 * Signature-side parts kept in the store database: the replay guard shared by every receiver
 * instance on one database. Not exported; users reach it through {@code HookGuard.replayGuard}.
 */
package dev.hookguard.runtime.signature.internal;
