package dev.hookguard.runtime.audit;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point of the audit trail, exported to keep elsewhere (a ticket, another system, paper): its
 * sequence number and the chain hash there. Since every entry's hash covers all the entries before
 * it, {@link AuditTrail#verify(AuditCheckpoint)} later proves that nothing up to this point was
 * changed, removed or added, even by someone able to rewrite the whole table.
 *
 * <p>Printed and parsed as {@code hookguard-audit-v1:<sequence>:<sha-256 hex>}; {@link
 * #toString()} gives that form.
 *
 * @param sequence the sequence number of the entry (0 for the empty trail)
 * @param hash the chain hash after that entry, 64 lower-case hex digits
 */
public record AuditCheckpoint(long sequence, String hash) {

  private static final String PREFIX = "hookguard-audit-v1:";
  private static final Pattern TEXT = Pattern.compile("hookguard-audit-v1:(\\d{1,18}):([0-9a-f]{64})");
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  /** Checks the sequence is not negative and the hash is a SHA-256 in lower-case hex. */
  public AuditCheckpoint {
    if (sequence < 0) {
      throw new IllegalArgumentException("a checkpoint sequence cannot be negative");
    }
    Objects.requireNonNull(hash, "hash");
    if (!HASH.matcher(hash).matches()) {
      throw new IllegalArgumentException("a checkpoint hash is 64 lower-case hex digits");
    }
  }

  /**
   * Reads a checkpoint printed by {@link #toString()}; surrounding white space is ignored, hex
   * digits may be in either case.
   *
   * @throws IllegalArgumentException if {@code text} is not a checkpoint
   */
  public static AuditCheckpoint parse(String text) {
    Objects.requireNonNull(text, "text");
    Matcher m = TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not an audit checkpoint: expected " + PREFIX + "<sequence>:<64 hex digits>");
    }
    return new AuditCheckpoint(Long.parseLong(m.group(1)), m.group(2));
  }

  /** The printable form, {@code hookguard-audit-v1:<sequence>:<hash>}. */
  @Override
  public String toString() {
    return PREFIX + sequence + ":" + hash;
  }
}
