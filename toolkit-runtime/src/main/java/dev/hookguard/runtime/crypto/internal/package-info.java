/**
 * Key management, not exported: rotation, re-encryption of stored records under the primary key,
 * and destruction of retired keys ({@code KeyManager}'s JDBC implementation). The keyring itself
 * is shared plumbing in {@code dev.hookguard.runtime.internal.keys}.
 */
package dev.hookguard.runtime.crypto.internal;
