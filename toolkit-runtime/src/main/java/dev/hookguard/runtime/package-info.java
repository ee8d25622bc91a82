/**
 * The entry point: {@link dev.hookguard.runtime.HookGuard} ties a database, a master key, a clock
 * and an audit sink together, and hands out payload tables and key management.
 */
package dev.hookguard.runtime;
