/**
 * Data subjects: what the store holds about one person, across every payload type, and the
 * requests privacy law gives that person: access ({@link Subjects#find}, {@link Subjects#export})
 * and erasure ({@link Subjects#erase}).
 *
 * <p>Properties marked {@code @Subject} identify the person a record is about. Each record is
 * indexed under a keyed token of each of its subjects' normalized values (never the values
 * themselves), and every field of it is sealed, on top of its own protection, under a key of each
 * of its subjects, kept wrapped by the master key in the key store beside the retention day keys,
 * apart from the record store. Erasure destroys those keys first, then deletes the records: a copy
 * of the record store taken before the erasure (a backup, a replica, a dump) holds nothing of that
 * person that can still be decrypted, while every other person's records in the same copy still
 * open. What is left in such a copy is what was never sealed for the subject: the record ids,
 * receipt times, the keyed lookup tokens of deterministic fields, and the subject index tokens.
 */
package dev.hookguard.runtime.subject;
