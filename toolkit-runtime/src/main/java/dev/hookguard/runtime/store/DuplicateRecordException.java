package dev.hookguard.runtime.store;

/** {@code put} without overwrite found a record with the same id; nothing was written. */
public final class DuplicateRecordException extends StoreException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception for the record {@code id} of {@code payloadType}. */
  public DuplicateRecordException(String payloadType, String id) {
    super(Reason.DUPLICATE_RECORD, payloadType + " record " + id + " already exists");
  }
}
