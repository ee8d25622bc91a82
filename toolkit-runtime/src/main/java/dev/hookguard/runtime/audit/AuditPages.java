package dev.hookguard.runtime.audit;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * {@link AuditTrail#entries()}: the trail up to a fixed sequence number, read lazily through
 * {@link AuditTrail#page}, so that no more than one page is held however long the trail is.
 * Entries are never changed or reused once chained, so pages read one after another, each in its
 * own short transaction, give exactly what one long read would, without holding a connection (or,
 * on SQLite, a read transaction that keeps the WAL from being truncated) while the caller works.
 */
final class AuditPages implements Iterator<AuditEntry> {

  /** Entries read at a time by {@link AuditTrail#entries()}. */
  static final int PAGE_SIZE = 500;

  private final AuditTrail trail;
  private final long last;
  private final int pageSize;
  private long after;
  private List<AuditEntry> page = List.of();
  private int next;
  private boolean exhausted;

  private AuditPages(AuditTrail trail, long after, long last, int pageSize) {
    this.trail = trail;
    this.after = after;
    this.last = last;
    this.pageSize = pageSize;
  }

  /**
   * The entries of {@code trail} after sequence {@code after} up to and including {@code last}, in
   * order, read {@code pageSize} at a time.
   */
  static Stream<AuditEntry> stream(AuditTrail trail, long after, long last, int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be positive");
    }
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            new AuditPages(trail, after, last, pageSize),
            Spliterator.ORDERED | Spliterator.DISTINCT | Spliterator.NONNULL),
        false);
  }

  @Override
  public boolean hasNext() {
    if (next < page.size()) {
      return true;
    }
    if (exhausted || after >= last) {
      return false;
    }
    int limit = (int) Math.min(pageSize, last - after);
    page = trail.page(after, limit);
    next = 0;
    // A page shorter than asked for is the end of the trail (one cut short by tampering ends
    // here; verify() says so), and entries past the last one wanted are not read.
    exhausted = page.size() < limit;
    int wanted = 0;
    while (wanted < page.size() && page.get(wanted).sequence() <= last) {
      wanted++;
    }
    if (wanted < page.size()) {
      page = page.subList(0, wanted);
    }
    if (page.isEmpty()) {
      exhausted = true;
      return false;
    }
    after = page.get(page.size() - 1).sequence();
    return true;
  }

  @Override
  public AuditEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return page.get(next++);
  }
}
