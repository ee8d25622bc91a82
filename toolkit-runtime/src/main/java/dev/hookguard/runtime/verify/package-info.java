/**
 * Configuring a generated {@code XVerifier}: {@link dev.hookguard.runtime.verify.VerifierBuilder}
 * (limits, replay guard, strict properties). What the verifier then does with a request, in
 * order: refuse an oversized body, authenticate the raw bytes, refuse a replayed message id, then
 * parse within hard limits and validate. Nothing is returned until every step passed.
 */
package dev.hookguard.runtime.verify;
