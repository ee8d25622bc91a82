package dev.hookguard.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record or class as a root: the shape of what arrives as a webhook body. For every root
 * {@code X} the HookGuard processor generates, in the same package, {@code XVerifier} (checks and
 * reads a request), {@code XRedactor} (safe log lines, redacted JSON and minimized copies) and
 * {@code XStore} (encrypted storage). A member type {@code Outer.Inner} gets
 * {@code Outer_InnerVerifier} and so on.
 *
 * <p>The records and classes a root holds, directly or in containers, at any depth, need no
 * annotation: they are nested types, read and written by the root's generated code, their
 * {@code @Sensitive}, {@code @Encrypt}, {@code @Retain} and {@code @JsonProperty} honoured as on
 * a root, their JSON names given by the root's {@link #naming()}. A nested type with sensitive
 * properties, compiled in the same build, gets its own {@code Outer_InnerRedactor} for its
 * {@code toString}. A nested type that carries this annotation stays a root.
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
 * {@code BigInteger}, {@code java.time} values, {@code UUID}, enums, records and classes (roots or
 * nested types) without type parameters, and {@code List}, {@code Set}, {@code Map<String, V>},
 * {@code Optional} and arrays of those. Anything else is a compile-time error that names the
 * property.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WebhookPayload {

  /** The provider's event name this type carries, such as {@code "customer.created"}; optional. */
  String event() default "";

  /**
   * How Java property names map to JSON names, in this root and the nested types below it;
   * {@code @JsonProperty} on a property wins.
   */
  Naming naming() default Naming.AS_IS;
}
