package dev.hookguard.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps a payload property encrypted at rest. The generated storage adapter seals it with an
 * authenticated cipher (AES256-GCM through Tink) bound to the record and field it belongs to, so
 * a ciphertext copied elsewhere fails to decrypt.
 *
 * <p>With {@link #deterministic()} the same value always gives the same ciphertext (AES256-SIV),
 * which allows equality look-ups: the storage adapter gets a {@code findByName(value)} finder.
 * Use it only where look-up is needed: equal values are visibly equal in the store. It is allowed
 * on values with one stable encoding: strings, integral numbers, booleans, enums, UUIDs,
 * {@code LocalDate} and {@code Instant}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Encrypt {

  /** Whether equal values encrypt to equal ciphertexts, enabling a generated finder. */
  boolean deterministic() default false;
}
