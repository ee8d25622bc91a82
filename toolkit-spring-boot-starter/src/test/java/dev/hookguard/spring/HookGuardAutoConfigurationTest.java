package dev.hookguard.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.audit.CollectingAuditSink;
import dev.hookguard.runtime.crypto.KeyException;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.store.Accessor;
import dev.hookguard.samples.stripe.StripeEventStore;
import dev.hookguard.testsupport.TestClock;
import dev.hookguard.runtime.receiver.MicrometerReceiverMetrics;
import dev.hookguard.runtime.receiver.ReceiverMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** When the auto-configuration makes a {@code HookGuard}, from what, and when it refuses to. */
@ExtendWith(OutputCaptureExtension.class)
class HookGuardAutoConfigurationTest {

  @TempDir Path folder;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(HookGuardAutoConfiguration.class));

  private String sqlitePath() {
    return "hookguard.storage.sqlite.path=" + folder.resolve("hookguard.db");
  }

  @Test
  void makesAHookGuardOnSqliteWithTheDevelopmentKeyWhenItIsAskedForExplicitly() {
    runner.withPropertyValues(sqlitePath(), "hookguard.master-key.development=true")
        .run(context -> {
          assertThat(context).hasSingleBean(HookGuard.class);
          assertThat(folder.resolve("hookguard.db.master.key")).exists();
          assertThat(context.getBean(HookGuard.class).audit().verify().ok()).isTrue();
        });
  }

  @Test
  void refusesToStartWithoutAMasterKeyAndSaysWhatToSet() {
    runner.withPropertyValues(sqlitePath()).run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause()
          .isInstanceOf(HookGuardConfigurationException.class)
          .hasMessageContaining("HookGuard has no master key")
          .hasMessageContaining("hookguard.master-key.env=HOOKGUARD_MASTER_KEY")
          .hasMessageContaining("hookguard.master-key.development=true");
      FailureAnalysis analysis = new HookGuardFailureAnalyzer().analyze(context.getStartupFailure());
      assertThat(analysis.getDescription()).startsWith("HookGuard has no master key");
      assertThat(analysis.getAction()).startsWith("Set hookguard.master-key.env=");
      // No development key was made behind the application's back.
      assertThat(folder.resolve("hookguard.db.master.key")).doesNotExist();
    });
  }

  @Test
  void refusesADevelopmentKeyThatIsNotTrue() {
    runner.withPropertyValues(sqlitePath(), "hookguard.master-key.development=false")
        .run(context -> assertThat(context.getStartupFailure()).rootCause()
            .hasMessageContaining("HookGuard has no master key"));
  }

  @Test
  void refusesTwoSourcesOfTheMasterKey() {
    runner.withPropertyValues(sqlitePath(), "hookguard.master-key.development=true",
            "hookguard.master-key.env=HOOKGUARD_MASTER_KEY")
        .run(context -> assertThat(context.getStartupFailure()).rootCause()
            .isInstanceOf(HookGuardConfigurationException.class)
            .hasMessageContaining("given more than once")
            .hasMessageContaining("hookguard.master-key.env, hookguard.master-key.development"));
  }

  @Test
  void readsTheMasterKeyFromTheNamedEnvironmentVariable() {
    runner.withPropertyValues(sqlitePath(), "hookguard.master-key.env=HOOKGUARD_TEST_KEY_NOT_SET")
        .run(context -> assertThat(context.getStartupFailure()).rootCause()
            .isInstanceOf(KeyException.class)
            .hasMessageContaining("environment variable HOOKGUARD_TEST_KEY_NOT_SET is not set"));
  }

  @Test
  void wrapsDataKeysWithTheKmsKeyOfTheKmsClientBean() {
    runner.withPropertyValues(sqlitePath(), "hookguard.master-key.kms-uri=test-kms://keys/one")
        .withBean(LocalKmsClient.class)
        .run(context -> {
          assertThat(context).hasNotFailed();
          HookGuard hookGuard = context.getBean(HookGuard.class);
          StoredSamples.storeStripeEvent(hookGuard, "evt_kms");
          assertThat(StripeEventStore.create(hookGuard).find("evt_kms")).isPresent();
          assertThat(context.getBean(LocalKmsClient.class).asked).containsExactly("test-kms://keys/one");
        });
  }

  @Test
  void refusesAKmsUriWithoutAKmsClient() {
    runner.withPropertyValues(sqlitePath(), "hookguard.master-key.kms-uri=gcp-kms://projects/p/x")
        .run(context -> assertThat(context.getStartupFailure()).rootCause()
            .isInstanceOf(HookGuardConfigurationException.class)
            .hasMessageContaining("KmsClient bean"));
  }

  @Test
  void refusesSqliteWithoutAFile() {
    runner.withPropertyValues("hookguard.master-key.development=true")
        .run(context -> assertThat(context.getStartupFailure()).rootCause()
            .isInstanceOf(HookGuardConfigurationException.class)
            .hasMessageContaining("Set hookguard.storage.sqlite.path"));
  }

  @Test
  void refusesPostgresWithoutADataSource() {
    runner.withPropertyValues("hookguard.storage.type=postgres",
            "hookguard.master-key.env=HOOKGUARD_MASTER_KEY")
        .run(context -> assertThat(context.getStartupFailure()).rootCause()
            .isInstanceOf(HookGuardConfigurationException.class)
            .hasMessageContaining("no single DataSource bean"));
  }

  @Test
  void backsOffForTheApplicationsOwnHookGuard() {
    runner.withUserConfiguration(OwnHookGuard.class)
        .run(context -> {
          // No master key property: the auto-configured bean, which would need one, was not made.
          assertThat(context).hasNotFailed().hasSingleBean(HookGuard.class);
          assertThat(context.getBean(HookGuard.class)).isSameAs(context.getBean("ownHookGuard"));
        });
  }

  @Test
  void usesTheApplicationsClockAndAuditSinks() {
    runner.withPropertyValues(sqlitePath(), "hookguard.master-key.development=true")
        .withUserConfiguration(ClockAndSink.class)
        .run(context -> {
          HookGuard hookGuard = context.getBean(HookGuard.class);
          assertThat(hookGuard.clock()).isSameAs(context.getBean(TestClock.class));
          StripeEventStore.create(hookGuard)
              .reveal("evt_absent", Accessor.of("support", Category.values()), "a test");
          // Sinks hear of what the trail appended, at the application's time.
          assertThat(context.getBean(CollectingAuditSink.class).events())
              .extracting(AuditEvent::recordId, AuditEvent::time)
              .containsExactly(tuple("evt_absent", Instant.parse("2026-01-02T03:04:05Z")));
          assertThat(hookGuard.audit().tail(1).get(0).event().recordId()).isEqualTo("evt_absent");
        });
  }

  @Test
  void logsAuditEventsWhenAskedTo(CapturedOutput output) {
    runner.withPropertyValues(sqlitePath(), "hookguard.master-key.development=true",
            "hookguard.audit.log=true")
        .withUserConfiguration(ClockAndSink.class)
        .run(context -> {
          StripeEventStore.create(context.getBean(HookGuard.class))
              .reveal("evt_logged", Accessor.of("support", Category.values()), "a test");
          // Both sinks: the application's bean and the log.
          assertThat(context.getBean(CollectingAuditSink.class).events()).hasSize(1);
          assertThat(output.getOut()).contains("audit kind=").contains("record=\"evt_logged\"");
        });
  }

  @Test
  void countsOnTheApplicationsMeterRegistry() {
    runner.withPropertyValues(sqlitePath(), "hookguard.master-key.development=true")
        .withBean(SimpleMeterRegistry.class)
        .run(context -> assertThat(context.getBean(ReceiverMetrics.class))
            .isInstanceOf(MicrometerReceiverMetrics.class));
  }

  @Test
  void needsNeitherMicrometerNorServletsNorHealth() {
    runner.withPropertyValues(sqlitePath(), "hookguard.master-key.development=true")
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class, HttpServlet.class,
            HealthIndicator.class))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(HookGuard.class)
            .doesNotHaveBean(ReceiverMetrics.class)
            .doesNotHaveBean(HookGuardHealthIndicator.class));
  }

  @Test
  void describesItsPropertiesForIdes() throws Exception {
    String metadata;
    try (InputStream in = Files.newInputStream(Path.of(HookGuardProperties.class
        .getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolve("META-INF/spring-configuration-metadata.json"))) {
      metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(metadata).contains("\"hookguard.storage.sqlite.path\"", "\"hookguard.master-key.env\"",
        "\"hookguard.master-key.development\"", "\"hookguard.signatures\"",
        "\"hookguard.receiver.max-body\"", "\"hookguard.retention.sweep-interval\"",
        "\"hookguard.health.refresh-interval\"");
  }

  /** A KMS in this JVM: one AES-GCM key, for URIs starting {@code test-kms://}. */
  static class LocalKmsClient implements KmsClient {
    final List<String> asked = new CopyOnWriteArrayList<>();
    private final Aead aead;

    LocalKmsClient() throws GeneralSecurityException {
      AeadConfig.register();
      aead = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
          .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    @Override
    public boolean doesSupport(String keyUri) {
      return keyUri.startsWith("test-kms://");
    }

    @Override
    public KmsClient withCredentials(String credentialPath) {
      return this;
    }

    @Override
    public KmsClient withDefaultCredentials() {
      return this;
    }

    @Override
    public Aead getAead(String keyUri) {
      asked.add(keyUri);
      return aead;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnHookGuard {
    @Bean(destroyMethod = "close")
    HookGuard ownHookGuard() {
      Path folder;
      try {
        folder = Files.createTempDirectory("hookguard-own");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return HookGuard.builder().sqlite(folder.resolve("own.db"))
          .masterKey(MasterKey.localFile(folder.resolve("own.key"))).build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class ClockAndSink {
    @Bean
    TestClock clock() {
      return new TestClock(Instant.parse("2026-01-02T03:04:05Z"));
    }

    @Bean
    CollectingAuditSink collectingAuditSink() {
      return new CollectingAuditSink();
    }
  }
}
