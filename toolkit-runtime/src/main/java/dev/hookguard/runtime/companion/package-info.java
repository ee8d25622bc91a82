/**
 * What every generated companion class does, written once: {@link
 * dev.hookguard.runtime.companion.AbstractPayloadVerifier} under each {@code XVerifier}, {@link
 * dev.hookguard.runtime.companion.AbstractRedactor} under each {@code XRedactor} and {@link
 * dev.hookguard.runtime.companion.AbstractPayloadStore} under each {@code XStore}.
 *
 * <p>The processor writes only what differs between payload types: the reading and writing of
 * each property, its masks, its storage schema, a typed {@code findByF} per deterministic
 * property and the factories. The methods users call ({@code verify}, {@code toLogString}, {@code
 * put}, {@code reveal}, ...) are these classes' public methods, inherited, with the payload type
 * as their type argument; that keeps the generated source (and javac's work on it) to what is
 * particular to each type.
 *
 * <p>These classes are extended by generated code only: their constructors take the generated
 * class's own functions, and their names and constructors change with the processor.
 */
package dev.hookguard.runtime.companion;
