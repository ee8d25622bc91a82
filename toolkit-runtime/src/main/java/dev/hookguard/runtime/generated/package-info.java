/**
 * For generated code only; no compatibility promise. What the classes the annotation processor
 * writes ({@code XVerifier}, {@code XRedactor}, {@code XStore}) call: the streaming JSON reader
 * and writer, masks and copies, the verification steps, and the schema and table a store is
 * written on. Names and signatures here change with the processor that generates the calls, and
 * applications should not call them: the README's API is in the other exported packages.
 *
 * <p>The model is Dagger's {@code dagger.internal}: exported because generated code in the
 * application's packages must reach it, documented as not for use.
 *
 * <p>A {@link dev.hookguard.runtime.generated.PayloadTable} opens records without an access
 * check; it is reachable only through {@link
 * dev.hookguard.runtime.generated.GeneratedStores#table}, which a generated {@code XStore}
 * calls with its schema and wraps in its own access-checked methods. That keeps it out of the
 * API the README teaches; it is no security boundary (see {@code TableSource}).
 */
package dev.hookguard.runtime.generated;
