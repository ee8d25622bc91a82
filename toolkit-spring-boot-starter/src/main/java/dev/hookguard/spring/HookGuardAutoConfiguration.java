package dev.hookguard.spring;

import com.google.crypto.tink.KmsClient;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditSink;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.receiver.MicrometerReceiverMetrics;
import dev.hookguard.runtime.receiver.ReceiverMetrics;
import dev.hookguard.servlet.WebhookServlet;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Auto-configuration of HookGuard from {@code hookguard.*}: a {@link HookGuard} bean (unless the
 * application defines one), a servlet per {@link WebhookListener} path in a servlet web
 * application, Micrometer metrics of every endpoint when Micrometer is there, the Actuator health
 * indicator {@code hookguard} when Spring Boot's health support is there, and retention sweeps
 * every {@code hookguard.retention.sweep-interval}.
 *
 * <p>The {@code HookGuard} bean uses the application's {@link Clock} bean if it has one (for
 * receipt times, retention, audit and signature timestamps alike), every {@link AuditSink} bean
 * besides the audit trail, a {@link MasterKey} bean if there is one, and a Tink {@link KmsClient}
 * bean for {@code hookguard.master-key.kms-uri}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(HookGuard.class)
@EnableConfigurationProperties(HookGuardProperties.class)
public class HookGuardAutoConfiguration {

  /** The store, its keys, its audit trail and its retention, closed with the context. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  HookGuard hookGuard(
      HookGuardProperties properties,
      ObjectProvider<DataSource> dataSource,
      ObjectProvider<Clock> clock,
      ObjectProvider<AuditSink> auditSinks,
      ObjectProvider<MasterKey> masterKey,
      ObjectProvider<KmsClient> kmsClient) {
    return HookGuardFactory.build(
        properties,
        properties.storage().type() == HookGuardProperties.StorageType.POSTGRES
            ? dataSource.getIfUnique()
            : null,
        clock.getIfUnique(Clock::systemUTC),
        auditSinks.orderedStream().toList(),
        masterKey.getIfUnique(),
        kmsClient.getIfUnique());
  }

  /** Sweeps every {@code hookguard.retention.sweep-interval}, when it is set and not zero. */
  @Bean
  @Conditional(SweepIntervalSet.class)
  RetentionSweeps hookGuardRetentionSweeps(HookGuard hookGuard, HookGuardProperties properties) {
    return new RetentionSweeps(hookGuard, properties.retention().sweepInterval());
  }

  /** Metrics of every webhook endpoint, on the application's {@code MeterRegistry}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  static class Metrics {

    @Bean
    @ConditionalOnMissingBean
    ReceiverMetrics hookGuardReceiverMetrics(ObjectProvider<MeterRegistry> registry) {
      MeterRegistry meters = registry.getIfUnique();
      return meters == null ? ReceiverMetrics.none() : MicrometerReceiverMetrics.of(meters);
    }
  }

  /** One servlet per {@code @WebhookListener} path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass({HttpServlet.class, ServletRegistrationBean.class, WebhookServlet.class})
  static class Endpoints {

    @Bean
    static WebhookListenerRegistrar hookGuardWebhookListenerRegistrar() {
      return new WebhookListenerRegistrar();
    }

    @Bean
    WebhookEndpoints hookGuardWebhookEndpoints(
        HookGuard hookGuard,
        HookGuardProperties properties,
        ObjectProvider<ReceiverMetrics> metrics,
        BeanFactory beanFactory) {
      return new WebhookEndpoints(
          hookGuard, properties, metrics.getIfUnique(ReceiverMetrics::none), beanFactory);
    }
  }

  /** The health indicator {@code hookguard}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("hookguard")
  static class Health {

    @Bean
    @ConditionalOnMissingBean(name = "hookguardHealthIndicator")
    HookGuardHealthIndicator hookguardHealthIndicator(
        HookGuard hookGuard, HookGuardProperties properties) {
      return new HookGuardHealthIndicator(hookGuard, properties.health().refreshInterval());
    }
  }

  /** {@code hookguard.retention.sweep-interval} is set and longer than zero. */
  static final class SweepIntervalSet extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      Duration interval = Binder.get(context.getEnvironment())
          .bind("hookguard.retention.sweep-interval", Duration.class)
          .orElse(Duration.ZERO);
      return interval.isZero() || interval.isNegative()
          ? ConditionOutcome.noMatch("hookguard.retention.sweep-interval is absent or zero")
          : ConditionOutcome.match("hookguard.retention.sweep-interval is " + interval);
    }
  }
}
