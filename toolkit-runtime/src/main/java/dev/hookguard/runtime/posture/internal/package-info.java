/** The posture audit's checks, reading the store through the shared JDBC plumbing. */
package dev.hookguard.runtime.posture.internal;
