package dev.hookguard.runtime.receiver;

import java.util.Optional;

/**
 * Keeps a verified webhook as one <b>receipt</b>: its message id, its record and its audit entry
 * committed together in one transaction, or none of them. Made by {@code
 * HookGuard.receipts(XStore)}; a receiver given one ({@link WebhookReceiver.Builder#receipts})
 * needs no replay guard, sink or audit listener for accepted webhooks.
 *
 * <p>A message id is stored once. A redelivery of the same body under the same id is a {@link
 * Result#DUPLICATE} (answered 2xx without running the handler or writing anything), for as long
 * as the record is kept, so a provider whose earlier 2xx was lost stops retrying; the same id
 * with a different body is a {@link Result#CONFLICT} (409). An attacker who replays a captured
 * request therefore changes nothing.
 *
 * <p>Implementations are thread-safe.
 *
 * @param <X> the payload type
 */
public interface ReceiptStore<X> {

  /** What became of a receipt, or what is already stored under its message id. */
  enum Result {
    /** Stored now: the id, the record and the audit entry committed together. */
    STORED,
    /** The id is already stored with this same body: nothing written. */
    DUPLICATE,
    /** The id is already stored with a different body: nothing written. */
    CONFLICT
  }

  /** The payload type name the receipts are stored under. */
  String payloadType();

  /**
   * Looks the message id up without writing: empty if it is not stored, else whether {@code
   * body} is the body stored under it ({@link Result#DUPLICATE}) or not ({@link Result#CONFLICT}).
   */
  Optional<Result> find(String messageId, byte[] body);

  /**
   * Stores {@code payload} under {@code messageId} with its audit entry, in one transaction, and
   * returns once that transaction is durably committed ({@link Result#STORED}), or found the id
   * already stored by someone else ({@link Result#DUPLICATE} or {@link Result#CONFLICT}, nothing
   * written).
   *
   * @param body the raw body the payload was verified from; only its digest is kept
   * @throws RuntimeException if the receipt could not be stored; nothing of it was
   */
  Result store(String messageId, byte[] body, X payload);
}
