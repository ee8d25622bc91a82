/**
 * Internals of key handling, not exported: the data keyring (four Tink keysets, stored wrapped by
 * the master key) and the primitives built from it once per key generation.
 */
package dev.hookguard.runtime.crypto.internal;
