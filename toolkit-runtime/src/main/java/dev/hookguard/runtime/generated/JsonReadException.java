package dev.hookguard.runtime.generated;

import java.util.Objects;

/**
 * A JSON document that {@link PayloadReader} refused: not well formed, over a limit, or not the
 * shape of the type being read. Its message names the reason, what was expected and the JSON
 * pointer of the place, never a value from the document.
 *
 * <p>The verifier turns it into a {@code WebhookVerificationException} with the reason of the
 * same name; storage turns it into a {@code StoreException}.
 */
public final class JsonReadException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a document was refused. */
  public enum Reason {
    /** Not well-formed JSON, or content after the end of the document. */
    MALFORMED_PAYLOAD,
    /**
     * Over a structural limit while being parsed (nesting depth, number of entries, length of a
     * string or a number).
     */
    LIMIT_EXCEEDED,
    /** Well formed, but not the shape of the type: a required property missing, a wrong type. */
    INVALID_PAYLOAD,
  }

  private final Reason reason;
  private final String detail;

  /**
   * Creates an exception for {@code reason}.
   *
   * @param detail what was expected and where, built from fixed text, property names and
   *     limits only; never a value from the document
   */
  public JsonReadException(Reason reason, String detail) {
    super(Objects.requireNonNull(reason, "reason") + ": " + Objects.requireNonNull(detail, "detail"));
    this.reason = reason;
    this.detail = detail;
  }

  /** Why the document was refused. */
  public Reason reason() {
    return reason;
  }

  /** What was expected and where (the message without its reason). */
  public String detail() {
    return detail;
  }
}
