/**
 * The HookGuard annotation processor. {@link dev.hookguard.processor.HookGuardProcessor} runs the
 * pipeline per round: {@code validation} checks each {@code @WebhookPayload} type into a report,
 * {@code model} turns a clean type into an immutable model with every decision made, and
 * {@code generation} renders the model into source files through one writer.
 */
package dev.hookguard.processor;
