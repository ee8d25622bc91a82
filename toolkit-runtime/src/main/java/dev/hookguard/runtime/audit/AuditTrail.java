package dev.hookguard.runtime.audit;

import dev.hookguard.runtime.receiver.ReceiptListener;
import java.util.List;
import java.util.stream.Stream;

/**
 * The tamper-evident audit trail of a {@code HookGuard}: an append-only, hash-chained log in the
 * store's own database, and the {@link AuditSink} every reveal is recorded in.
 *
 * <p>Each entry holds names, never values (time, sequence number, event kind, payload type, record
 * id, accessor, purpose, field paths, reason) and the SHA-256 of a domain-separated, length-prefixed
 * encoding of those fields together with the previous entry's hash; the first entry follows a fixed
 * genesis value. Changing, removing, adding or reordering an entry therefore breaks the chain at
 * that point, which {@link #verify()} reports. Someone able to rewrite the table could recompute
 * every hash after a change; a {@link #checkpoint()} kept outside the database defeats that: {@link
 * #verify(AuditCheckpoint)} proves that nothing up to it changed.
 *
 * <p>The chain never refers to stored payload rows, so retention deleting expired records leaves it
 * intact. Appends from several instances sharing one database form one linear chain (PostgreSQL:
 * the head row is locked inside the append transaction; SQLite: the append is one {@code BEGIN
 * IMMEDIATE} transaction). If an append fails the caller fails: a reveal then returns nothing.
 */
public interface AuditTrail extends AuditSink {

  /**
   * Appends {@code event} as the next entry, durably, or throws.
   *
   * @throws dev.hookguard.runtime.store.StoreException if the database cannot be written
   */
  @Override
  void record(AuditEvent event);

  /** Walks the whole chain from genesis to its head and reports the first break, if any. */
  AuditVerification verify();

  /**
   * Verifies the whole chain as {@link #verify()} does and also that it still passes through
   * {@code checkpoint}: an entry at the checkpoint's sequence with the checkpoint's hash. If the
   * chain is otherwise consistent but misses the checkpoint, everything up to it was rewritten
   * (reported as {@link AuditVerification.Problem#EDITED} at the checkpoint's sequence) or cut
   * short ({@link AuditVerification.Problem#DELETED}).
   */
  AuditVerification verify(AuditCheckpoint checkpoint);

  /** The current head as a checkpoint to export; sequence 0 and the genesis hash when empty. */
  AuditCheckpoint checkpoint();

  /** Same as {@link #checkpoint()}. */
  default AuditCheckpoint head() {
    return checkpoint();
  }

  /** The last {@code n} entries, oldest first. */
  List<AuditEntry> tail(int n);

  /**
   * One page of the trail: up to {@code limit} entries whose sequence number is above {@code
   * afterSequence}, oldest first, read in one query (queued entries are chained first, as for
   * {@link #tail}). Start at {@code 0} and pass the last sequence number of each page to get the
   * next one; an empty page means there was nothing after it yet. Sequence numbers only grow and
   * chained entries never change, so entries appended between two pages simply come on a later
   * page: nothing is skipped or repeated. For an export that resumes where the last one stopped,
   * keep the last sequence number exported.
   *
   * @throws IllegalArgumentException if {@code afterSequence} is negative or {@code limit} is not
   *     positive
   * @throws dev.hookguard.runtime.store.StoreException if the database cannot be read, or with
   *     {@code TAMPERED_RECORD} if a stored entry no longer reads as one
   */
  List<AuditEntry> page(long afterSequence, int limit);

  /**
   * Every entry of the trail, oldest first, from the first to the {@linkplain #checkpoint() head}
   * at the time of the call, read lazily 500 at a time through {@link
   * #page}: memory stays bounded however long the trail is. Entries appended while the stream is
   * consumed are not in it; continue with {@code page(lastSequenceSeen, n)} for those.
   *
   * <p>Each page is its own short read, so the stream holds no connection between pages and
   * needs no closing (closing it, as with any stream, is harmless). A read that fails midway
   * throws from the stream's terminal operation.
   *
   * <pre>{@code
   * try (Stream<AuditEntry> entries = hookGuard.audit().entries()) {
   *   entries.filter(e -> e.event().kind() == AuditEvent.Kind.REVEAL_GRANTED).forEach(export);
   * }
   * }</pre>
   */
  default Stream<AuditEntry> entries() {
    return AuditPages.stream(this, 0, checkpoint().sequence(), AuditPages.PAGE_SIZE);
  }

  /**
   * A receipt listener for a {@code WebhookReceiver} that appends what it answered: {@link
   * AuditEvent.Kind#RECEIVED} for an accepted webhook, {@link AuditEvent.Kind#REJECTED} for a
   * refusal and {@link AuditEvent.Kind#RECEIVE_FAILED} when a part of the pipeline failed, each
   * with the outcome, reason and status as its reason, the message id (when authenticated) as its
   * record id, accessor {@code receiver} and purpose {@code receive}. Rate-limited requests are not
   * appended: under a flood they would be the flood (the receiver's metrics count them).
   *
   * <p>An accepted webhook is answered 2xx only once its entry is appended (see {@link
   * ReceiptListener}).
   */
  default ReceiptListener receiptListener() {
    return new ReceiptAuditor(this);
  }
}
