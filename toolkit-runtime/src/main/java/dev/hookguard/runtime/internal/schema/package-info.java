/** The database schema's migrations, applied in order at start. Not exported. */
package dev.hookguard.runtime.internal.schema;
