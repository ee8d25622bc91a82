package dev.hookguard.runtime.subject;

import dev.hookguard.runtime.store.AccessDeniedException;
import dev.hookguard.runtime.store.Accessor;
import java.util.List;

/**
 * Data-subject requests across every payload type: find, export and erase what the store holds
 * about one person, identified by the value of a {@code @Subject} property (an e-mail address, a
 * customer id). Values are normalized before they are compared (Unicode NFKC, surrounding white
 * space stripped, lower case), and never stored: only a keyed token of them is.
 *
 * <p>Obtained from {@code HookGuard.subjects()}. Thread-safe; on PostgreSQL several instances may
 * run requests at once.
 */
public interface Subjects {

  /**
   * The records about the person {@code value}, in every payload type, ordered by payload type and
   * id; records past their retention are left out. Audited ({@code SUBJECT_SEARCHED}: the payload
   * types found, never the value).
   *
   * @throws IllegalArgumentException if {@code value} is blank
   */
  List<SubjectRecord> find(String value);

  /**
   * Every record about the person {@code value}, revealed to {@code who} for {@code purpose}: each
   * through its payload type's {@code reveal}, so access-checked against the categories of its
   * sensitive fields (refuse-all) and audited once per record.
   *
   * @throws AccessDeniedException if {@code who} lacks a category of any record; nothing is
   *     returned
   * @throws dev.hookguard.runtime.store.StoreException with {@code INVALID_REQUEST} if records of a
   *     payload type whose store this {@code HookGuard} has not opened are about the person (open
   *     it with {@code XStore.create(hookGuard)} first): an export is never silently partial
   */
  SubjectExport export(String value, Accessor who, String purpose);

  /**
   * Erases the person {@code value} everywhere: destroys the person's keys (from then on no copy of
   * the record store, backups included, opens a field of theirs), then deletes every record about
   * them, with their outbox rows, in batches, each one transaction audited with it ({@code
   * SUBJECT_KEYS_DESTROYED}, {@code SUBJECT_RECORD_ERASED} per record, {@code SUBJECT_ERASED} at
   * the end; {@code reason} in each, never the value). The erasure is journalled under its token:
   * if it is interrupted, {@link #resumeErasures()} finishes it without the value.
   *
   * @throws IllegalArgumentException if {@code value} or {@code reason} is blank
   */
  ErasureReport erase(String value, String reason);

  /** {@link #erase(String, String)}, telling {@code listener} of its progress. */
  ErasureReport erase(String value, String reason, ErasureProgress.Listener listener);

  /**
   * Finishes every erasure that was started and did not finish (a crash, a stopped listener), here
   * or on another instance; returns a report per erasure finished now. Safe to run while they still
   * run elsewhere: every record is deleted and audited once.
   */
  List<ErasureReport> resumeErasures();
}
