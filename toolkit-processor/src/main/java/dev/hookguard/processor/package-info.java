/**
 * The HookGuard annotation processor. {@link dev.hookguard.processor.HookGuardProcessor} runs the
 * pipeline per round: {@code validation} checks each {@code @WebhookPayload} type and the nested
 * types below it into a report, {@code model} turns a clean type into an immutable model with
 * every decision made, and {@code generation} renders the model into source files through one
 * writer.
 *
 * <p>A {@code @WebhookPayload} type is a <b>root</b>, what arrives as a webhook body: it gets
 * {@code XVerifier}, {@code XStore} and {@code XRedactor}. A record or class reached from a root
 * through its properties (directly, or in lists, sets, maps, optionals and arrays, at any depth)
 * without the annotation is a <b>nested type</b>. It is read through the element API
 * ({@code javax.lang.model}), so it may come from another source file or from a library's class
 * files, and it gets only what it needs:
 *
 * <ul>
 *   <li><b>Reading and writing live in the root's verifier</b>, as one private static
 *       {@code readT} and {@code writeT} per nested type, in the order the types are first
 *       reached (depth first, in declaration order), named after the type's simple name (its
 *       flat name {@code Outer_Inner} where two share one). We chose this over one shared
 *       helper class per nested type: it generates no class that nobody can sensibly call, needs
 *       nothing public beyond what the nested type already exposes, never generates into a
 *       library's package (a split package on the module path), and lets each root read a
 *       nested type with its own {@code naming}. The cost is that two roots holding one nested
 *       type each carry its few lines of reading code.
 *   <li><b>A nested type with sensitive properties</b> (its own or below it) that is compiled in
 *       this build gets {@code Outer_InnerRedactor}, so its {@code toString} can use it; it is
 *       generated once, from the first root that reaches it, with that root's naming, and every
 *       redactor that holds the type calls it. Roots that disagree on its naming are refused
 *       ({@code HookGuardNestedNaming}).
 *   <li><b>Any other nested type is redacted by the redactor that holds it</b>, with private
 *       methods: a {@code writeT} that writes it in full when it holds nothing sensitive (a
 *       redacted copy keeps such a value as it is), or a masking {@code writeT} and a
 *       {@code copyRedactedT} for a sensitive type read from class files.
 *   <li>Storage is the root's: a nested value is stored inside the root's property that holds
 *       it, sealed when anything below is {@code @Encrypt}, revealed only with the categories of
 *       everything below.
 * </ul>
 *
 * A nested type that carries {@code @WebhookPayload} stays a root: its holders call its
 * generated classes, and the walk to nested types stops there. Each nested type is validated once
 * per naming, and its diagnostics name the path from the root that first reached it
 * ({@code Order.lineItems[].taxLines[]: …}); a type read from class files has no lines to point at,
 * so its errors point at the nearest property in source on that path.
 */
package dev.hookguard.processor;
