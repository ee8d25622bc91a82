package dev.hookguard.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a payload property whose value must never be logged or forwarded as it is. The generated
 * redactor replaces it by its {@link #mask()} in log lines, redacted JSON and redacted copies;
 * storage checks an accessor's grants against its {@link #category()} before revealing it.
 *
 * <pre>{@code
 * @Sensitive(category = Category.FINANCIAL, mask = Mask.LAST4) String cardNumber,
 * @Sensitive(category = Category.CONTACT, mask = Mask.EMAIL) String email,
 * @Sensitive(mask = Mask.HASH) String customerId,      // correlate log lines without the value
 * @Sensitive(mask = Mask.OMIT) List<String> notes       // left out entirely
 * }</pre>
 *
 * <p>{@link Mask#LAST4} and {@link Mask#EMAIL} apply to {@code String} properties,
 * {@link Mask#HASH} to single values (strings, numbers, enums, UUIDs, dates), and
 * {@link Mask#FULL} and {@link Mask#OMIT} to any type. A masked container is masked as a whole,
 * so not even the number of its elements shows.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Sensitive {

  /** What kind of data this is; access to revealed values is granted per category. */
  Category category() default Category.PERSONAL;

  /** How the value appears in logs, redacted JSON and redacted copies. */
  Mask mask() default Mask.FULL;

  /** Kinds of sensitive data, the unit in which access to plaintext is granted. */
  enum Category {
    /** Names, dates of birth and other facts about a person. */
    PERSONAL,
    /** E-mail addresses, phone numbers, postal addresses. */
    CONTACT,
    /** Card and account numbers, amounts tied to a person, bank details. */
    FINANCIAL,
    /** Passwords, API keys, tokens, client secrets. */
    CREDENTIAL,
    /** Passport, national identity, tax and social security numbers. */
    GOVERNMENT_ID,
    /** Medical and health data. */
    HEALTH,
    /** Coordinates, IP addresses and other places. */
    LOCATION,
    /** Sensitive data of no other category. */
    OTHER
  }

  /** How a sensitive value is shown where it must not appear in full. */
  enum Mask {
    /** Replaced by {@code [REDACTED]}; a {@code null} value shows as {@code [REDACTED]} too. */
    FULL,
    /**
     * Only the last four characters stay: {@code 4242424242424242} shows as {@code ****4242}.
     * A value of fewer than eight characters shows as {@code [REDACTED]}, since its last four
     * would give away too much of it.
     */
    LAST4,
    /**
     * The first character of the local part and the whole domain stay:
     * {@code jenny.rosen@example.com} shows as {@code j***@example.com}. A value that is not an
     * address shows as {@code [REDACTED]}.
     */
    EMAIL,
    /**
     * A keyed pseudonym such as {@code hg_7f3a9c0d12e45b6a8c9d0e1f}: equal values give equal
     * pseudonyms under one key, so log lines can be correlated without the value. The key comes
     * from the redaction context; without one, a random key per process.
     */
    HASH,
    /** Left out: no key in JSON or log lines, {@code null} in redacted copies. */
    OMIT
  }
}
