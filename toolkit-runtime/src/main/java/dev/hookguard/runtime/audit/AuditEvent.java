package dev.hookguard.runtime.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One audited access to stored data. It names what was touched and by whom, never a value: the
 * fields are listed by their JSON path only.
 *
 * @param time when it happened, from the {@code HookGuard}'s clock
 * @param kind what happened
 * @param payloadType the payload type of the record (its {@code StoreSchema.payloadType()})
 * @param recordId the id of the record; for a receiver's answer the message id, empty when the
 *     request was not authenticated
 * @param accessor the {@code Accessor.name()} who asked
 * @param purpose the purpose the accessor gave
 * @param fields the JSON paths of the fields concerned (revealed, or refused), in schema order
 * @param reason why it ended as it did, in fixed words (for a refusal, the missing categories)
 */
public record AuditEvent(
    Instant time,
    Kind kind,
    String payloadType,
    String recordId,
    String accessor,
    String purpose,
    List<String> fields,
    String reason) {

  /** What an audit event records. Names are stable: audit readers key on them. */
  public enum Kind {
    /** Plaintext was handed to an accessor granted every category of the fields revealed. */
    REVEAL_GRANTED,
    /** A reveal was refused because the accessor lacks a category; nothing was decrypted. */
    REVEAL_DENIED,
    /** A permitted reveal found no record under that id. */
    REVEAL_NOT_FOUND,
    /** A permitted reveal found a record that failed its integrity checks; nothing was returned. */
    REVEAL_TAMPERED,
    /**
     * A permitted reveal failed for another reason (a key unavailable or missing, a database
     * error); nothing was returned. Written when the trail itself can still be written.
     */
    REVEAL_FAILED,
    /** A receiver accepted and stored a webhook (record id: its message id). */
    RECEIVED,
    /** A receiver refused a request; the reason names the outcome, verification reason, status. */
    REJECTED,
    /** A part of a receiver's pipeline (verifier, handler, sink, listener) failed; nothing kept. */
    RECEIVE_FAILED,
    /**
     * The retention sweep deleted a record past its {@code @Retain} period (fields: the paths it
     * held).
     */
    SWEEP_RECORD_DELETED,
    /** The retention sweep deleted fields past their own {@code @Retain} period from a record. */
    SWEEP_FIELDS_DELETED,
    /**
     * The retention sweep destroyed the day key of a passed expiry day (record id: {@code
     * day:YYYY-MM-DD}): every randomized field sealed under it is unreadable in every copy.
     */
    RETENTION_KEY_DESTROYED,
    /**
     * Records about a data subject were looked up (payload type {@code dev.hookguard.subject},
     * fields: the payload types found, reason: how many records); never the subject's value.
     */
    SUBJECT_SEARCHED,
    /**
     * An erasure destroyed a data subject's keys (record id: the erasure id): every field of every
     * record about the subject is unreadable in every copy of the record store.
     */
    SUBJECT_KEYS_DESTROYED,
    /** An erasure deleted a record about the data subject (reason: the erasure's reason and id). */
    SUBJECT_RECORD_ERASED,
    /** An erasure finished (record id: the erasure id): nothing about the subject is left. */
    SUBJECT_ERASED
  }

  /**
   * The entry of a webhook a receiver accepted and stored under {@code messageId}: kind {@link
   * Kind#RECEIVED}, accessor {@code receiver}, purpose {@code receive}, reason {@code ACCEPTED
   * status=200}, as {@link AuditTrail#receiptListener()} writes it.
   */
  public static AuditEvent received(Instant time, String payloadType, String messageId) {
    return new AuditEvent(
        time,
        Kind.RECEIVED,
        payloadType,
        messageId,
        ReceiptAuditor.ACCESSOR,
        ReceiptAuditor.PURPOSE,
        List.of(),
        "ACCEPTED status=200");
  }

  /** Checks that every component is present and copies the field list. */
  public AuditEvent {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(payloadType, "payloadType");
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(accessor, "accessor");
    Objects.requireNonNull(purpose, "purpose");
    fields = List.copyOf(fields);
    Objects.requireNonNull(reason, "reason");
  }
}
