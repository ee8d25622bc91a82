package dev.hookguard.runtime.receiver;

import dev.hookguard.testsupport.TestClock;
import static dev.hookguard.runtime.receiver.Fixture.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final TestClock clock = new TestClock(Fixture.NOW);

  @Test
  void aFullBucketAllowsItsCapacityThenRefuses() {
    RateLimiter limiter =
        RateLimiter.builder().perSource(RateLimit.of(60, Duration.ofMinutes(1), 3)).clock(clock).build();

    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire(address("192.0.2.1")).allowed()).isTrue();
    }
    RateLimiter.Decision refused = limiter.tryAcquire(address("192.0.2.1"));

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.refusedBy()).contains(RateLimiter.Scope.SOURCE);
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(refused.retryAfterSeconds()).isEqualTo(1);
  }

  @Test
  void tokensComeBackAtTheConfiguredRate() {
    RateLimiter limiter =
        RateLimiter.builder().perSource(RateLimit.of(2, Duration.ofSeconds(10))).clock(clock).build();
    limiter.tryAcquire(address("192.0.2.1"));
    limiter.tryAcquire(address("192.0.2.1"));

    assertThat(limiter.tryAcquire(address("192.0.2.1")).retryAfter()).isEqualTo(Duration.ofSeconds(5));
    clock.advance(Duration.ofSeconds(2));
    assertThat(limiter.tryAcquire(address("192.0.2.1")).retryAfter()).isEqualTo(Duration.ofSeconds(3));
    clock.advance(Duration.ofSeconds(3));
    assertThat(limiter.tryAcquire(address("192.0.2.1")).allowed()).isTrue();
    assertThat(limiter.tryAcquire(address("192.0.2.1")).allowed()).isFalse();
  }

  @Test
  void aBucketNeverHoldsMoreThanItsCapacity() {
    RateLimiter limiter =
        RateLimiter.builder().perSource(RateLimit.of(1, Duration.ofSeconds(1), 2)).clock(clock).build();
    clock.advance(Duration.ofHours(1));

    assertThat(limiter.tryAcquire(address("192.0.2.1")).allowed()).isTrue();
    assertThat(limiter.tryAcquire(address("192.0.2.1")).allowed()).isTrue();
    assertThat(limiter.tryAcquire(address("192.0.2.1")).allowed()).isFalse();
  }

  @Test
  void retryAfterRoundsUpToWholeSeconds() {
    RateLimiter limiter =
        RateLimiter.builder().perSource(RateLimit.of(1, Duration.ofMillis(2500))).clock(clock).build();
    limiter.tryAcquire(address("192.0.2.1"));

    RateLimiter.Decision refused = limiter.tryAcquire(address("192.0.2.1"));

    assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(2500));
    assertThat(refused.retryAfterSeconds()).isEqualTo(3);
  }

  @Test
  void sourcesHaveSeparateBuckets() {
    RateLimiter limiter =
        RateLimiter.builder().perSource(RateLimit.of(1, Duration.ofMinutes(1))).clock(clock).build();

    assertThat(limiter.tryAcquire(address("192.0.2.1")).allowed()).isTrue();
    assertThat(limiter.tryAcquire(address("192.0.2.1")).allowed()).isFalse();
    assertThat(limiter.tryAcquire(address("192.0.2.2")).allowed()).isTrue();
  }

  @Test
  void anIpv6SourceIsItsSlash64() {
    RateLimiter limiter =
        RateLimiter.builder().perSource(RateLimit.of(1, Duration.ofMinutes(1))).clock(clock).build();

    assertThat(limiter.tryAcquire(address("2001:db8:1:2::1")).allowed()).isTrue();
    assertThat(limiter.tryAcquire(address("2001:db8:1:2:ffff::9")).allowed()).isFalse();
    assertThat(limiter.tryAcquire(address("2001:db8:1:3::1")).allowed()).isTrue();
  }

  @Test
  void theOverallBucketIsShared() {
    RateLimiter limiter =
        RateLimiter.builder()
            .perSource(RateLimit.of(10, Duration.ofMinutes(1)))
            .overall(RateLimit.of(2, Duration.ofMinutes(1)))
            .clock(clock)
            .build();

    assertThat(limiter.tryAcquire(address("192.0.2.1")).allowed()).isTrue();
    assertThat(limiter.tryAcquire(address("192.0.2.2")).allowed()).isTrue();
    RateLimiter.Decision refused = limiter.tryAcquire(address("192.0.2.3"));

    assertThat(refused.refusedBy()).contains(RateLimiter.Scope.OVERALL);
    assertThat(refused.retryAfterSeconds()).isEqualTo(30);
  }

  @Test
  void aRequestRefusedOverallKeepsItsSourceAllowance() {
    RateLimiter limiter =
        RateLimiter.builder()
            .perSource(RateLimit.of(1, Duration.ofMinutes(1)))
            .overall(RateLimit.of(1, Duration.ofSeconds(1)))
            .clock(clock)
            .build();
    limiter.tryAcquire(address("192.0.2.1"));

    assertThat(limiter.tryAcquire(address("192.0.2.2")).refusedBy()).contains(RateLimiter.Scope.OVERALL);
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.tryAcquire(address("192.0.2.2")).allowed()).isTrue();
  }

  @Test
  void theSourceMapIsBounded() {
    RateLimiter limiter =
        RateLimiter.builder()
            .perSource(RateLimit.of(1, Duration.ofMinutes(1)))
            .maxSources(100)
            .clock(clock)
            .build();

    for (int i = 0; i < 1_000; i++) {
      limiter.tryAcquire(address("10.0." + (i / 256) + "." + (i % 256)));
    }

    assertThat(limiter.trackedSources()).isEqualTo(100);
  }

  @Test
  void aClockSteppingBackRefillsNothing() {
    RateLimiter limiter =
        RateLimiter.builder().perSource(RateLimit.of(1, Duration.ofSeconds(10))).clock(clock).build();
    limiter.tryAcquire(address("192.0.2.1"));
    clock.advance(Duration.ofSeconds(-60));

    assertThat(limiter.tryAcquire(address("192.0.2.1")).allowed()).isFalse();
    clock.advance(Duration.ofSeconds(70));
    assertThat(limiter.tryAcquire(address("192.0.2.1")).allowed()).isTrue();
  }

  @Test
  void aLimiterNeedsALimitAndPositiveValues() {
    assertThatThrownBy(() -> RateLimiter.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> RateLimit.of(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimit.of(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimit.of(1, Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
