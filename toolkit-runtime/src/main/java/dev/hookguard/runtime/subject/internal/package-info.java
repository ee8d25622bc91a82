/** The data subject index, export and erasure on the one JDBC schema. Not exported. */
package dev.hookguard.runtime.subject.internal;
