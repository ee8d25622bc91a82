package dev.hookguard.runtime.signature;

import java.util.Objects;

/**
 * A webhook request was refused: it is not authentic, not fresh, already seen, or not of an
 * acceptable shape. {@link #reason()} says which, as a stable value a receiver can count and
 * map to a response; the message explains it in words.
 *
 * <p>Safe to log by construction: the message is composed only of fixed text, header
 * <em>names</em> and configured limits. It never contains a secret, a signature, a header value
 * or any part of the payload, and the exception never carries a cause that could.
 */
public final class WebhookVerificationException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a webhook request was refused. Names are stable: metrics and callers key on them. */
  public enum Reason {
    /** A header the scheme requires is absent, or present with an empty value. */
    MISSING_HEADER,
    /**
     * A header that must occur once occurs several times: several values under one name, or
     * several names that differ only in letter case. Which one to trust would be a guess.
     */
    DUPLICATE_HEADER,
    /** A header value is longer than the verifier accepts, or lists too many signatures. */
    HEADER_TOO_LARGE,
    /**
     * A header value does not have the scheme's shape: a missing {@code =} or {@code ,}
     * separator, a missing or repeated element, or a character outside printable US-ASCII.
     */
    MALFORMED_HEADER,
    /**
     * The signature header carries no signature of a version or algorithm this verifier knows
     * and holds a key for (for example {@code sha1=} where {@code sha256=} is required, Slack
     * {@code v1=}, or a Stripe header with only {@code v0} entries).
     */
    UNSUPPORTED_VERSION,
    /**
     * A signature of a known version is not valid hexadecimal or base64, is not in canonical
     * form, or decodes to the wrong number of bytes for its algorithm.
     */
    MALFORMED_SIGNATURE,
    /** The timestamp is not a plain decimal number of seconds, is negative, or is out of range. */
    TIMESTAMP_MALFORMED,
    /** The timestamp lies further in the past than the tolerance allows. */
    TIMESTAMP_TOO_OLD,
    /** The timestamp lies further in the future than the tolerance allows. */
    TIMESTAMP_TOO_NEW,
    /** Every signature is well formed, but none matches any configured secret or key. */
    SIGNATURE_MISMATCH,
    /**
     * Replay protection was asked for, but the request carries no message id to key it on
     * (the scheme sends none, or the header is absent).
     */
    MISSING_MESSAGE_ID,
    /** The message id was already accepted within the replay window. */
    REPLAYED,
    /**
     * The replay guard is full of unexpired ids and cannot remember one more. It refuses the
     * request rather than accept one it could not later recognise as a replay (fails closed).
     */
    REPLAY_GUARD_FULL,
    /** The body is larger than the configured maximum. */
    PAYLOAD_TOO_LARGE,
    /** The body is not well-formed (for example, not syntactically valid JSON). */
    MALFORMED_PAYLOAD,
    /**
     * The body exceeds a structural limit while being parsed (nesting depth, number of fields,
     * length of a string or number, and similar).
     */
    LIMIT_EXCEEDED,
    /** The body is well formed but fails validation (a required field missing, a wrong type). */
    INVALID_PAYLOAD,
  }

  private final Reason reason;

  /**
   * Creates an exception for {@code reason}. It records no stack trace: a refusal answers bad
   * input and points at no fault in code, and a flood of forged requests should cost about one
   * HMAC each, not a walk of the stack per refusal.
   *
   * @param reason why the request was refused
   * @param detail a description built only from fixed text, header names and limits; it must
   *     never contain a secret, a header value or payload content
   */
  public WebhookVerificationException(Reason reason, String detail) {
    super(Objects.requireNonNull(reason, "reason") + ": " + Objects.requireNonNull(detail, "detail"),
        null, false, false);
    this.reason = reason;
  }

  /** Returns why the request was refused. */
  public Reason reason() {
    return reason;
  }
}
