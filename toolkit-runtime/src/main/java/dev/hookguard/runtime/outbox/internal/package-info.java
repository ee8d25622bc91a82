/** The outbox's rows in the store's database, and its relay. No compatibility promise. */
package dev.hookguard.runtime.outbox.internal;
