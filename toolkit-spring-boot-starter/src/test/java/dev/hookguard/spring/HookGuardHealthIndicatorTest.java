package dev.hookguard.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.testsupport.TestClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The health indicator {@code hookguard}: audit trail, key ages, sweep backlog. */
class HookGuardHealthIndicatorTest {

  private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path folder;

  private ApplicationContextRunner runner(String refresh) {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(HookGuardAutoConfiguration.class))
        .withUserConfiguration(Clocks.class)
        .withPropertyValues(
            "hookguard.storage.sqlite.path=" + folder.resolve("hookguard.db"),
            "hookguard.master-key.development=true",
            "hookguard.health.refresh-interval=" + refresh);
  }

  @Configuration(proxyBeanMethods = false)
  static class Clocks {
    @Bean
    TestClock clock() {
      return new TestClock(START);
    }
  }

  @Test
  void upWithTheTrailIntactAndNothingPastExpiry() {
    runner("0s").run(context -> {
      HookGuard hookGuard = context.getBean(HookGuard.class);
      hookGuard.audit().record(AuditEvent.received(START, "T", "m1"));

      Health health = context.getBean("hookguardHealthIndicator", HealthIndicator.class).health();

      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(detail(health, "audit")).containsEntry("intact", true).containsEntry("entriesChecked", 1L);
      assertThat(detail(health, "keys")).containsEntry("dataKeyGeneration", 1)
          .containsEntry("overdueDayKeys", 0);
      assertThat(detail(health, "retention")).containsEntry("recordsPastExpiry", 0L)
          .containsEntry("lastSweepFinishedAt", "never");
    });
  }

  @Test
  void downWhenTheAuditTrailWasEdited() {
    runner("0s").run(context -> {
      HookGuard hookGuard = context.getBean(HookGuard.class);
      hookGuard.audit().record(AuditEvent.received(START, "T", "m1"));
      hookGuard.audit().record(AuditEvent.received(START, "T", "m2"));
      HealthIndicator indicator = context.getBean("hookguardHealthIndicator", HealthIndicator.class);
      assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

      editFirstAuditEntry();

      Health health = indicator.health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(detail(health, "audit")).containsEntry("intact", false)
          .containsEntry("brokenAtSequence", 1L).containsEntry("problem", "EDITED");
    });
  }

  @Test
  void aReadingIsReusedWithinTheRefreshInterval() {
    runner("1h").run(context -> {
      context.getBean(HookGuard.class).audit().record(AuditEvent.received(START, "T", "m1"));
      HealthIndicator indicator = context.getBean("hookguardHealthIndicator", HealthIndicator.class);
      assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

      editFirstAuditEntry();

      // Not verified again yet: the trail is walked at most once an hour here.
      assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    });
  }

  @Test
  void showsTheSweepBacklogAndTheDayKeysPastTheirDay() {
    runner("0s").run(context -> {
      HookGuard hookGuard = context.getBean(HookGuard.class);
      StoredSamples.storeStripeEvent(hookGuard, "evt_1");   // kept 90 days
      context.getBean(TestClock.class).advance(Duration.ofDays(93));
      HealthIndicator indicator = context.getBean("hookguardHealthIndicator", HealthIndicator.class);

      Health before = indicator.health();
      assertThat(before.getStatus()).isEqualTo(Status.UP);
      assertThat(detail(before, "retention")).containsEntry("recordsPastExpiry", 1L);
      // Received 03-01 10:00, kept 90 days: its fields' day key serves through 05-30.
      assertThat(detail(before, "keys")).containsEntry("overdueDayKeys", 1)
          .containsEntry("oldestOverdueDayKey", "2026-05-30").containsEntry("oldestOverdueDays", 2L);

      hookGuard.retention().sweep();

      Health after = indicator.health();
      assertThat(detail(after, "retention")).containsEntry("recordsPastExpiry", 0L)
          .containsEntry("lastSweepFinishedAt", START.plus(Duration.ofDays(93)).toString());
      assertThat(detail(after, "keys")).containsEntry("overdueDayKeys", 0);
    });
  }

  @Test
  void absentWhenDisabledOrWithoutSpringBootHealth() {
    runner("0s").withPropertyValues("management.health.hookguard.enabled=false")
        .run(context -> assertThat(context).hasNotFailed()
            .doesNotHaveBean(HookGuardHealthIndicator.class));
    runner("0s").withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(context -> assertThat(context).hasNotFailed()
            .hasSingleBean(HookGuard.class)
            .doesNotHaveBean(HookGuardHealthIndicator.class));
  }

  private void editFirstAuditEntry() throws Exception {
    try (Connection connection =
            DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("hookguard.db"));
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TRIGGER hg_audit_no_update");
      statement.execute("UPDATE hg_audit_entries SET accessor = 'nobody' WHERE sequence = 1");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> detail(Health health, String name) {
    return (Map<String, Object>) health.getDetails().get(name);
  }
}
