/**
 * Retention: {@code @Retain(days = N)} made true in every copy of the data.
 *
 * <p>Three layers, each enough on its own for the copies it reaches:
 *
 * <ol>
 *   <li><b>Read-time enforcement.</b> From the instant a record or field passes its expiry
 *       (receipt time from the {@code HookGuard}'s clock plus its {@code @Retain} days; a field's
 *       expiry is never later than its record's), {@code get}, {@code reveal} and the finders no
 *       longer return it, whether or not a sweep has run. Expired fields read as absent and are
 *       listed in {@link dev.hookguard.runtime.generated.StoredRecord#expiredFields()}.
 *   <li><b>Crypto-shredding.</b> Randomized ({@code @Encrypt}) fields with an expiry are sealed
 *       under an AES256-GCM key of their UTC expiry day, kept (wrapped by the master key) in a key
 *       store separate from the record store. {@link Retention#sweep()} destroys each day key once
 *       the day has passed: those fields become unreadable in the live database, its replicas and
 *       every backup of the record store, all at once. <b>Deterministic</b> fields
 *       ({@code @Encrypt(deterministic = true)}) need one stable key for look-ups, and plain
 *       fields have none, so they are <b>not</b> shredded: the sweep deletes them, and backups
 *       taken before the sweep still hold them until those backups expire.
 *   <li><b>The sweep.</b> {@link Retention#sweep()} deletes expired records and fields in bounded
 *       batches, one transaction each, audits what it removed, resumes after a crash (its state
 *       is the data itself), and may run on several instances at once against PostgreSQL.
 * </ol>
 *
 * <p>{@link Retention#report()} shows, per payload type and field, what is kept and until when.
 */
package dev.hookguard.runtime.retention;
