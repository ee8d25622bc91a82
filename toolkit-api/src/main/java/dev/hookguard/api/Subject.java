package dev.hookguard.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a property that identifies the person a record is about (a data subject): an e-mail
 * address, a customer or account id. Several properties of a type may carry it, on the root or on
 * types nested in it, in lists, sets, arrays, maps and optionals; each value found is one subject.
 *
 * <p>The store indexes each record under a keyed token of each of its subjects' normalized values
 * (never the value), and seals every field of the record under a key of each subject as well as
 * its own protection. {@code hookGuard.subjects()} then finds, exports and erases everything about
 * one person across all payload types; erasing destroys the person's keys, so a backup of the
 * record store taken before the erasure can no longer be decrypted for them.
 *
 * <p>Allowed on strings, integral numbers, {@code UUID}s and containers of them. Every field of a
 * record about a subject is sealed for it, plain ones included; what erasure leaves in an older
 * backup is the record's id and receipt time, the keyed lookup tokens of its deterministic fields
 * and the keyed subject tokens: never a value.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Subject {}
