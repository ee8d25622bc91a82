package dev.hookguard.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.hookguard.runtime.receiver.Admission;
import dev.hookguard.runtime.receiver.RateLimit;
import dev.hookguard.runtime.receiver.RateLimiter;
import dev.hookguard.runtime.receiver.RequestLimiter;
import dev.hookguard.runtime.receiver.WebhookReceiver;
import dev.hookguard.testsupport.TestPostgres;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three receiver instances (each its own pool and limiter) on one PostgreSQL share one request
 * budget: what they admit together in a few seconds of saturating load is the budget's capacity
 * plus its refill over that time, within 10 %, where three in-memory limiters admit three times as
 * much. A source over its own limit costs the cluster nothing; a lost database falls back to the
 * instance's own bucket.
 */
class PostgresClusterRateLimitTest {

  /** 100 a second, bursts of 10: over a few seconds, the refill dominates. */
  static final RateLimit BUDGET = RateLimit.of(100, Duration.ofSeconds(1), 10);
  static final Duration LOAD = Duration.ofSeconds(4);

  final TestPostgres.Schema schema = TestPostgres.server().newSchema();

  @AfterEach
  void close() throws Exception {
    schema.close();
  }

  /** A receiver as an application builds one; only its admission step is exercised. */
  static WebhookReceiver<String> receiver(RequestLimiter limiter) {
    return WebhookReceiver.builder(String.class, (headers, body) -> "payload")
        .sink((id, payload) -> {})
        .allowPlainHttp()
        .rateLimiter(limiter)
        .build();
  }

  /** Admits requests from {@code receivers}, one thread each, for {@link #LOAD}; counts 2xx-bound ones. */
  static double[] load(List<WebhookReceiver<String>> receivers) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(receivers.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<long[]>> counts = new ArrayList<>();
    for (int i = 0; i < receivers.size(); i++) {
      WebhookReceiver<String> receiver = receivers.get(i);
      InetAddress client = InetAddress.getByName("203.0.113." + (10 + i));
      counts.add(threads.submit(() -> {
        start.await();
        long deadline = System.nanoTime() + LOAD.toNanos();
        long admitted = 0;
        long refused = 0;
        while (System.nanoTime() < deadline) {
          Admission admission = receiver.admit(client, false, "POST", Map.of());
          if (admission instanceof Admission.Admitted) {
            admitted++;
          } else {
            assertThat(((Admission.Refused) admission).response().status()).isEqualTo(429);
            refused++;
          }
        }
        return new long[] {admitted, refused};
      }));
    }
    long began = System.nanoTime();
    start.countDown();
    double admitted = 0;
    double refused = 0;
    for (Future<long[]> each : counts) {
      long[] count = each.get(1, TimeUnit.MINUTES);
      admitted += count[0];
      refused += count[1];
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    threads.shutdown();
    return new double[] {admitted, refused, seconds};
  }

  @Test
  void threeInstancesAdmitTheClusterBudgetInTotalWithinTenPercent() throws Exception {
    List<WebhookReceiver<String>> instances = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      HikariDataSource pool = schema.newPool(4);
      instances.add(receiver(ClusterRateLimiter.builder(pool).overall(BUDGET).build()));
    }

    double[] result = load(instances);

    double expected = BUDGET.capacity() + 100 * result[2];
    System.out.printf("cluster budget: %.0f admitted, %.0f refused in %.2f s; expected %.0f%n",
        result[0], result[1], result[2], expected);
    assertThat(result[1]).as("the load exceeded the budget").isGreaterThan(result[0]);
    assertThat(result[0]).isBetween(0.9 * expected, 1.1 * expected);
  }

  @Test
  void threeInMemoryLimitersAdmitThreeTimesTheBudgetForContrast() throws Exception {
    List<WebhookReceiver<String>> instances = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      instances.add(receiver(RateLimiter.builder().overall(BUDGET).build()));
    }

    double[] result = load(instances);

    double oneInstance = BUDGET.capacity() + 100 * result[2];
    assertThat(result[0]).isBetween(2.7 * oneInstance, 3.3 * oneInstance);
  }

  @Test
  void aSourceOverItsOwnLimitIsRefusedWithoutSpendingTheClusterBudget() throws Exception {
    RateLimit slow = RateLimit.of(5, Duration.ofHours(1));
    ClusterRateLimiter first = ClusterRateLimiter.builder(schema.newPool(2)).name("orders")
        .overall(slow).perSource(RateLimit.of(2, Duration.ofHours(1))).build();
    ClusterRateLimiter second = ClusterRateLimiter.builder(schema.newPool(2)).name("orders")
        .overall(slow).build();
    InetAddress flooding = InetAddress.getByName("198.51.100.7");
    InetAddress other = InetAddress.getByName("198.51.100.8");

    List<RateLimiter.Decision> flood = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      flood.add(first.tryAcquire(flooding));
    }

    assertThat(flood).filteredOn(RateLimiter.Decision::allowed).hasSize(2);
    assertThat(flood.get(2).refusedBy()).contains(RateLimiter.Scope.SOURCE);
    List<Boolean> rest = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      rest.add(second.tryAcquire(other).allowed());
    }
    assertThat(rest).containsExactly(true, true, true, false, false);
    assertThat(second.tryAcquire(other).refusedBy()).contains(RateLimiter.Scope.OVERALL);
    assertThat(second.tryAcquire(other).retryAfterSeconds()).isGreaterThan(60);
  }

  @Test
  void budgetsOfDifferentNamesAreSeparate() throws Exception {
    RateLimit one = RateLimit.of(1, Duration.ofHours(1));
    HikariDataSource pool = schema.newPool(2);
    ClusterRateLimiter orders = ClusterRateLimiter.builder(pool).name("orders").overall(one).build();
    ClusterRateLimiter refunds = ClusterRateLimiter.builder(pool).name("refunds").overall(one).build();
    InetAddress client = InetAddress.getByName("198.51.100.9");

    assertThat(orders.tryAcquire(client).allowed()).isTrue();
    assertThat(orders.tryAcquire(client).allowed()).isFalse();
    assertThat(refunds.tryAcquire(client).allowed()).isTrue();
  }

  @Test
  void withTheDatabaseGoneAnInstanceFallsBackToItsOwnBucket() throws Exception {
    HikariDataSource pool = schema.newPool(2);
    pool.setConnectionTimeout(250);
    ClusterRateLimiter limiter = ClusterRateLimiter.builder(pool)
        .overall(RateLimit.of(3, Duration.ofHours(1))).build();
    InetAddress client = InetAddress.getByName("198.51.100.10");
    pool.close();

    List<Boolean> answers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      answers.add(limiter.tryAcquire(client).allowed());
    }

    assertThat(answers).containsExactly(true, true, true, false, false);
  }
}
