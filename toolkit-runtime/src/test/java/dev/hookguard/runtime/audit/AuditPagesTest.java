package dev.hookguard.runtime.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link AuditTrail#entries()} reads lazily, one bounded page at a time, whatever the length of
 * the trail: shown on a trail a million entries long that makes its entries up as they are asked
 * for and counts the asking.
 */
class AuditPagesTest {

  /** A trail whose head is at {@code head}, every page made up on request and recorded. */
  static class MadeUpTrail implements AuditTrail {
    final long head;
    final List<Integer> pageLimits = new ArrayList<>();

    MadeUpTrail(long head) {
      this.head = head;
    }

    @Override
    public List<AuditEntry> page(long afterSequence, int limit) {
      pageLimits.add(limit);
      return LongStream.rangeClosed(afterSequence + 1, Math.min(head, afterSequence + limit))
          .mapToObj(MadeUpTrail::entry)
          .toList();
    }

    static AuditEntry entry(long sequence) {
      AuditEvent event = new AuditEvent(Instant.EPOCH.plusSeconds(sequence),
          AuditEvent.Kind.REVEAL_GRANTED, "T", "r" + sequence, "a", "p", List.of(), "granted");
      return new AuditEntry(sequence, event, hash(sequence));
    }

    static String hash(long sequence) {
      return String.format("%064x", sequence);
    }

    @Override
    public AuditCheckpoint checkpoint() {
      return new AuditCheckpoint(head, hash(head));
    }

    @Override
    public void record(AuditEvent event) {
      throw new UnsupportedOperationException();
    }

    @Override
    public AuditVerification verify() {
      throw new UnsupportedOperationException();
    }

    @Override
    public AuditVerification verify(AuditCheckpoint checkpoint) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<AuditEntry> tail(int n) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void nothingIsReadUntilTheStreamIsConsumed() {
    MadeUpTrail trail = new MadeUpTrail(1_000_000);

    try (Stream<AuditEntry> entries = trail.entries()) {
      assertThat(trail.pageLimits).isEmpty();
    }
  }

  @Test
  void aLongTrailIsReadOnePageOfAtMostFiveHundredAtATime() {
    MadeUpTrail trail = new MadeUpTrail(1_000_000);

    try (Stream<AuditEntry> entries = trail.entries()) {
      assertThat(entries.limit(1_200).map(AuditEntry::sequence).toList())
          .isEqualTo(LongStream.rangeClosed(1, 1_200).boxed().toList());
    }
    assertThat(trail.pageLimits).containsExactly(500, 500, 500);
  }

  @Test
  void theLastPageAsksForNoMoreThanTheHead() {
    MadeUpTrail trail = new MadeUpTrail(1_203);

    try (Stream<AuditEntry> entries = trail.entries()) {
      assertThat(entries.count()).isEqualTo(1_203);
    }
    assertThat(trail.pageLimits).containsExactly(500, 500, 203);
  }

  @Test
  void aTrailThatEndsBeforeItsHeadEndsTheStream() {
    MadeUpTrail shorter = new MadeUpTrail(700) {
      @Override
      public AuditCheckpoint checkpoint() {
        return new AuditCheckpoint(900, hash(900));
      }
    };

    try (Stream<AuditEntry> entries = shorter.entries()) {
      assertThat(entries.count()).isEqualTo(700);
    }
    assertThat(shorter.pageLimits).containsExactly(500, 400);
  }
}
