package dev.hookguard.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.retention.RetentionReport;
import dev.hookguard.testsupport.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Retention sweeps every {@code hookguard.retention.sweep-interval}, and none without it. */
class RetentionSweepsTest {

  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path folder;

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(HookGuardAutoConfiguration.class))
        .withUserConfiguration(Clocks.class)
        .withPropertyValues(
            "hookguard.storage.sqlite.path=" + folder.resolve("hookguard.db"),
            "hookguard.master-key.development=true");
  }

  @Configuration(proxyBeanMethods = false)
  static class Clocks {
    @Bean
    TestClock clock() {
      return new TestClock(START);
    }
  }

  @Test
  void aScheduledSweepDeletesWhatIsPastItsRetention() {
    runner().withPropertyValues("hookguard.retention.sweep-interval=100ms").run(context -> {
      HookGuard hookGuard = context.getBean(HookGuard.class);
      StoredSamples.storeStripeEvent(hookGuard, "evt_1");   // kept 90 days
      context.getBean(TestClock.class).advance(Duration.ofDays(91));
      assertThat(hookGuard.retention().report().recordsPastExpiry()).isEqualTo(1);

      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        RetentionReport report = hookGuard.retention().report();
        assertThat(report.recordsPastExpiry()).isZero();
        assertThat(report.liveDayKeys()).isEmpty();
        assertThat(report.lastSweepFinishedAt()).isPresent();
      });
    });
  }

  @Test
  void noSweepsWithoutAnIntervalOrWithZero() {
    runner().run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RetentionSweeps.class));
    runner().withPropertyValues("hookguard.retention.sweep-interval=0s")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RetentionSweeps.class));
  }
}
