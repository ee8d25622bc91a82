package dev.hookguard.runtime.receiver;

import java.time.Clock;
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
 * with a different body is a {@link Result#CONFLICT} (409). Where the message id is not signed
 * (GitHub's and Shopify's delivery headers), a captured body could be resent under a new id: the
 * body then identifies the delivery too, and a stored body is a duplicate whatever its id. Either
 * way a replay of a stored event stores and runs nothing.
 *
 * <p>What recognises a body (a keyed tag, a keyed token) is forgotten at the record's earliest
 * {@code @Retain} expiry, so that it cannot confirm a guess of a crypto-shredded value; from then
 * on a redelivery under the same id is still a duplicate, but a body resent under a new id is
 * stored anew.
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
   * The clock the store dates receipts by, if it has one (a {@code HookGuard}'s store does); the
   * receiver dates its events by the same clock unless given another.
   */
  default Optional<Clock> clock() {
    return Optional.empty();
  }

  /**
   * Looks the message id up without writing: empty if it is not stored, else whether {@code
   * body} is the body stored under it ({@link Result#DUPLICATE}) or not ({@link Result#CONFLICT});
   * if {@code idSigned} is false, a stored receipt of the same body under any id is a {@link
   * Result#DUPLICATE} too.
   */
  Optional<Result> find(String messageId, boolean idSigned, byte[] body);

  /**
   * Stores {@code payload} under {@code messageId} with its audit entry, in one transaction, and
   * returns once that transaction is durably committed ({@link Result#STORED}), or found the id
   * already stored by someone else ({@link Result#DUPLICATE} or {@link Result#CONFLICT}, nothing
   * written).
   *
   * @param idSigned whether the signature covers the message id (Standard Webhooks, or an id read
   *     from the signed body); if not, the body identifies the delivery too
   * @param body the raw body the payload was verified from; only keyed digests of it are kept
   * @throws RuntimeException if the receipt could not be stored; nothing of it was
   */
  Result store(String messageId, boolean idSigned, byte[] body, X payload);
}
