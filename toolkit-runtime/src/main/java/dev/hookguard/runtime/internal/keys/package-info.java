/**
 * The data keyring, not exported: four Tink keysets stored wrapped by the master key, the
 * primitives built from them once per key generation, and the day keys that crypto-shredding
 * destroys.
 */
package dev.hookguard.runtime.internal.keys;
