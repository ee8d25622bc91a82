package dev.hookguard.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bounds how long stored data is kept, counted from the moment the webhook was received.
 *
 * <ul>
 *   <li>On a {@code @WebhookPayload} type: the whole record is kept at most {@link #days()} days.
 *   <li>On a property: that property only; the rest of the record may live longer. A property
 *       cannot be kept longer than its type ({@code [HookGuardRetainLongerThanType]}).
 * </ul>
 * A nested type (a record or class a root holds) is stored inside the root's property that holds
 * it, and that property is kept no longer than the shortest {@code @Retain} inside it, at any
 * depth: on the nested type, or on any of its properties.
 * After expiry the data is unreadable at once (reads treat it as absent), its encryption key is
 * destroyed, and a sweep removes it physically.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Retain {

  /** Number of days to keep the data after receipt; at least 1. */
  int days();
}
