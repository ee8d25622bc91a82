package dev.hookguard.runtime.store;

/**
 * A stored record failed an integrity check: its MAC does not match its columns, or a field does
 * not decrypt under its place (it was moved from another record or field, truncated or edited).
 * The store never answers such a record with a silent {@code null} or with another record's
 * data; it throws this. The message names the record and, where known, the field.
 */
public final class TamperedRecordException extends StoreException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception; {@code detail} names the check that failed, never a value. */
  public TamperedRecordException(String payloadType, String id, String detail) {
    super(Reason.TAMPERED_RECORD, payloadType + " record " + id + ": " + detail);
  }
}
