package dev.hookguard.runtime.receiver;

/** The result of a receiver's checks that need no body. */
sealed interface Admission permits Admission.Admitted, Admission.Refused {

  /** Passed every check before the body; carries what the rest of the pipeline needs. */
  record Admitted(long startNanos) implements Admission {}

  /** Refused before the body; the response is final. */
  record Refused(WebhookResponse response) implements Admission {}
}
