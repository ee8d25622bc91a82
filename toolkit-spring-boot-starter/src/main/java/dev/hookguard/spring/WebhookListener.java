package dev.hookguard.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a Spring bean as the handler of one webhook endpoint. In a servlet web
 * application (Spring MVC), the starter serves {@link #path()} with a servlet of its own that runs
 * HookGuard's whole receiving pipeline and calls the method with each new, verified payload:
 *
 * <pre>{@code
 * @WebhookListener(path = "/webhooks/github", signature = "github")
 * void on(GitHubPush push) { ... }
 * }</pre>
 *
 * <p>The method takes the payload, or the message id and the payload ({@code (String id, X
 * payload)}), and returns {@code void}. The payload type {@code X} is a {@code @WebhookPayload}
 * type compiled with the HookGuard processor: the starter uses its generated {@code XVerifier},
 * {@code XStore} and {@code XRedactor}. The signature scheme and its secrets come from the
 * properties {@code hookguard.signatures.<signature>.scheme} and {@code .secrets}; the
 * receiver's options from {@code hookguard.receiver.*}, overridden per endpoint by {@code
 * hookguard.endpoints.<id>.*}.
 *
 * <p>The method runs after the signature, the parse and the look-up of the message id, and before
 * the receipt is committed, outside its transaction. It never runs for an event already stored
 * (a redelivery is answered 200 {@code DUPLICATE}). <b>If it throws</b>, nothing is stored, the
 * sender is answered 500 and retries later; the exception is logged by class name only (its
 * message may quote a value). If the process dies after it ran and before the commit, the
 * redelivery runs it again: make its effects idempotent by message id.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WebhookListener {

  /** The request path served, such as {@code /webhooks/stripe}: an exact servlet mapping. */
  String path();

  /** The name of the signature under {@code hookguard.signatures}, such as {@code stripe}. */
  String signature();

  /**
   * The name of the endpoint's options under {@code hookguard.endpoints} (allow-list, rate limit,
   * body limit, plain HTTP); the {@link #signature()} name by default.
   */
  String id() default "";

  /**
   * The payload's accessor that returns the event's own id, such as {@code "id"} for a record
   * component or {@code "getId"} for a getter. Required for schemes that send no message id header
   * (Stripe, Slack), where it is the key of the receipt; elsewhere used only when the header is
   * missing.
   */
  String payloadId() default "";
}
