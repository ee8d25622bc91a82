/**
 * What the modules' tests share: {@link dev.hookguard.testsupport.TestPostgres}, one real
 * PostgreSQL per test JVM (embedded unless {@code HOOKGUARD_TEST_POSTGRES_URL} names a server),
 * and {@link dev.hookguard.testsupport.TestClock}.
 */
package dev.hookguard.testsupport;
