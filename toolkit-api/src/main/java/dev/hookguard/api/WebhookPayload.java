package dev.hookguard.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record or class as the shape of a webhook payload. For every such type {@code X} the
 * HookGuard processor generates, in the same package, {@code XRedactor} (safe log lines, redacted
 * JSON and minimized copies) and, as the toolkit grows, {@code XVerifier} and {@code XStore}.
 * A nested type {@code Outer.Inner} gets {@code Outer_InnerRedactor}.
 *
 * <pre>{@code
 * @WebhookPayload(event = "customer.created", naming = Naming.SNAKE_CASE)
 * public record Customer(
 *     String id,
 *     @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL) String email,
 *     Instant created) {}
 * }</pre>
 *
 * <p>What the generated code reads and builds:
 * <ul>
 *   <li>a <b>record</b>: its components, through the accessors and the canonical constructor;
 *   <li>a <b>class</b>: its non-static, non-transient fields declared in the class itself, read
 *       through a getter ({@code getName()}, or {@code isName()} for {@code boolean}) or else the
 *       field when it is not private, and written through a setter ({@code setName(..)}) or else
 *       the field when it is neither private nor final; the class needs a non-private no-argument
 *       constructor. Fields of superclasses are not part of the payload.
 * </ul>
 * Supported property types: {@code String}, primitives and their boxes, {@code BigDecimal},
 * {@code BigInteger}, {@code java.time} values, {@code UUID}, enums, other {@code @WebhookPayload}
 * types, and {@code List}, {@code Set}, {@code Map<String, V>}, {@code Optional} and arrays of
 * those. Anything else is a compile-time error that names the property.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WebhookPayload {

  /** The provider's event name this type carries, such as {@code "customer.created"}; optional. */
  String event() default "";

  /** How Java property names map to JSON names; {@code @JsonProperty} on a property wins. */
  Naming naming() default Naming.AS_IS;
}
