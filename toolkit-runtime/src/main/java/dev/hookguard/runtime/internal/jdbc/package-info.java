/** Connections, transactions and SQL dialects (SQLite, PostgreSQL). Not exported. */
package dev.hookguard.runtime.internal.jdbc;
