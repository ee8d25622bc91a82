package dev.hookguard.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.samples.github.GitHubPush;
import dev.hookguard.samples.stripe.StripeEvent;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

/**
 * How {@code @WebhookListener} methods become servlet registrations, and the startup errors that
 * say what to fix when one cannot.
 */
class WebhookListenerConfigurationTest {

  @TempDir Path folder;

  private WebApplicationContextRunner runner() {
    return new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(HookGuardAutoConfiguration.class))
        .withPropertyValues(
            "hookguard.storage.sqlite.path=" + folder.resolve("hookguard.db"),
            "hookguard.master-key.development=true",
            "hookguard.signatures.github.scheme=github",
            "hookguard.signatures.github.secrets=one,two",
            "hookguard.signatures.stripe.scheme=stripe",
            "hookguard.signatures.stripe.secrets=whsec_one");
  }

  @Test
  void eachListenerPathIsOneServletRegistration() {
    runner().withUserConfiguration(Listeners.class).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBeansOfType(ServletRegistrationBean.class)).hasSize(2);
      ServletRegistrationBean<?> github =
          context.getBean(WebhookListenerRegistrar.BEAN_NAME_PREFIX + "/hooks/github",
              ServletRegistrationBean.class);
      assertThat(github.getUrlMappings()).containsExactly("/hooks/github");
      assertThat(github.getServlet()).isInstanceOf(dev.hookguard.servlet.WebhookServlet.class);
    });
  }

  @Test
  void noServletOutsideAServletWebApplication() {
    new org.springframework.boot.test.context.runner.ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(HookGuardAutoConfiguration.class))
        .withPropertyValues("hookguard.storage.sqlite.path=" + folder.resolve("hookguard.db"),
            "hookguard.master-key.development=true")
        .withUserConfiguration(Listeners.class)
        .run(context -> assertThat(context).hasNotFailed()
            .doesNotHaveBean(ServletRegistrationBean.class)
            .doesNotHaveBean(WebhookEndpoints.class));
  }

  @Test
  void aSignatureWithoutPropertiesIsAStartupError() {
    runner().withUserConfiguration(UnknownSignature.class).run(context ->
        assertThat(cause(context.getStartupFailure()))
            .isInstanceOf(HookGuardConfigurationException.class)
            .hasMessageContaining("uses signature \"gitlab\", and hookguard.signatures.gitlab.scheme is not set")
            .hasMessageContaining("hookguard.signatures.gitlab.secrets"));
  }

  @Test
  void emptySecretsAreAStartupError() {
    runner().withPropertyValues("hookguard.signatures.github.secrets=")
        .withUserConfiguration(Listeners.class).run(context ->
            assertThat(cause(context.getStartupFailure()))
                .hasMessageContaining("hookguard.signatures.github.secrets is empty"));
  }

  @Test
  void stripeNeedsAPayloadId() {
    runner().withUserConfiguration(StripeWithoutId.class).run(context ->
        assertThat(cause(context.getStartupFailure()))
            .isInstanceOf(HookGuardConfigurationException.class)
            .hasMessageContaining("carry no message id header")
            .hasMessageContaining("payloadId = \"id\""));
  }

  @Test
  void aPayloadIdMustBeAStringAccessor() {
    runner().withUserConfiguration(StripeWithWrongId.class).run(context ->
        assertThat(cause(context.getStartupFailure()))
            .hasMessageContaining("has no public method created() returning String"));
  }

  @Test
  void aMethodOfAnotherShapeIsAStartupError() {
    runner().withUserConfiguration(WrongShape.class).run(context ->
        assertThat(cause(context.getStartupFailure()))
            .isInstanceOf(HookGuardConfigurationException.class)
            .hasMessageContaining("WrongShape.on must be an instance method returning void"));
  }

  @Test
  void aTypeWithoutGeneratedClassesIsAStartupError() {
    runner().withUserConfiguration(NotAPayload.class).run(context ->
        assertThat(cause(context.getStartupFailure()))
            .isInstanceOf(HookGuardConfigurationException.class)
            .hasMessageContaining("has no generated java.lang.StringVerifier")
            .hasMessageContaining("hookguard-processor"));
  }

  @Test
  void twoListenersOnOnePathAreAStartupError() {
    runner().withUserConfiguration(Listeners.class, SamePath.class).run(context ->
        assertThat(cause(context.getStartupFailure()))
            .isInstanceOf(HookGuardConfigurationException.class)
            .hasMessageContaining("Path /hooks/github has two @WebhookListener methods"));
  }

  @Test
  void aBodyLimitOutOfRangeIsAStartupError() {
    runner().withPropertyValues("hookguard.endpoints.github.max-body=3GB")
        .withUserConfiguration(Listeners.class).run(context ->
            assertThat(cause(context.getStartupFailure()))
                .hasMessageContaining("The body limit of endpoint github is"));
  }

  /** The most specific cause: the exception itself when it has none. */
  private static Throwable cause(Throwable failure) {
    assertThat(failure).as("startup failure").isNotNull();
    return NestedExceptionUtils.getMostSpecificCause(failure);
  }

  @Test
  void everySchemeOfTheRuntimeCanBeNamed() {
    runner().withPropertyValues(
            "hookguard.signatures.webhooks.scheme=standard-webhooks",
            "hookguard.signatures.webhooks.secrets=whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "hookguard.signatures.slack.scheme=slack",
            "hookguard.signatures.slack.secrets=slack-signing-secret",
            "hookguard.signatures.shopify.scheme=shopify",
            "hookguard.signatures.shopify.secrets=new-secret, old-secret")
        .withUserConfiguration(EveryScheme.class)
        .run(context -> assertThat(context).hasNotFailed()
            .getBeans(ServletRegistrationBean.class).hasSize(5));
  }

  @Test
  void endpointOptionsUnderAnUnknownIdAreAStartupError() {
    runner().withPropertyValues("hookguard.endpoints.githbu.max-body=1KB")
        .withUserConfiguration(Listeners.class).run(context ->
            assertThat(cause(context.getStartupFailure()))
                .isInstanceOf(HookGuardConfigurationException.class)
                .hasMessageContaining("hookguard.endpoints.githbu names no @WebhookListener endpoint"
                    + " (their ids: github)"));
  }

  @Test
  void aRateLimitWithoutAPeriodIsAStartupError() {
    runner().withPropertyValues("hookguard.receiver.rate-limit.per-source.permits=50")
        .withUserConfiguration(Listeners.class).run(context ->
            assertThat(cause(context.getStartupFailure()))
                .hasMessageContaining("per-source rate limit of endpoint github needs")
                .hasMessageContaining("hookguard.receiver.rate-limit.per-source.permits"));
  }

  @Test
  void aWrongCidrBlockIsAStartupError() {
    runner().withPropertyValues("hookguard.endpoints.github.allow-list=192.30.252.0/99")
        .withUserConfiguration(Listeners.class).run(context ->
            assertThat(cause(context.getStartupFailure()))
                .isInstanceOf(HookGuardConfigurationException.class)
                .hasMessageContaining("The allow-list of endpoint github cannot be used"));
  }

  static class GitHubListener {
    @WebhookListener(path = "/hooks/github", signature = "github")
    void on(GitHubPush push) {}

    @WebhookListener(path = "/hooks/github-with-id", signature = "github")
    void on(String deliveryId, GitHubPush push) {}
  }

  @Configuration(proxyBeanMethods = false)
  static class Listeners {
    @Bean
    GitHubListener gitHubListener() {
      return new GitHubListener();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class EveryScheme {
    @WebhookListener(path = "/hooks/1", signature = "webhooks", payloadId = "id")
    void webhooks(StripeEvent event) {}

    @WebhookListener(path = "/hooks/2", signature = "stripe", payloadId = "id")
    void stripe(StripeEvent event) {}

    @WebhookListener(path = "/hooks/3", signature = "github")
    void github(GitHubPush push) {}

    @WebhookListener(path = "/hooks/4", signature = "slack", payloadId = "id")
    void slack(StripeEvent event) {}

    @WebhookListener(path = "/hooks/5", signature = "shopify")
    void shopify(GitHubPush push) {}
  }

  @Configuration(proxyBeanMethods = false)
  static class UnknownSignature {
    @WebhookListener(path = "/hooks/gitlab", signature = "gitlab")
    void on(GitHubPush push) {}
  }

  @Configuration(proxyBeanMethods = false)
  static class StripeWithoutId {
    @WebhookListener(path = "/hooks/stripe", signature = "stripe")
    void on(StripeEvent event) {}
  }

  @Configuration(proxyBeanMethods = false)
  static class StripeWithWrongId {
    @WebhookListener(path = "/hooks/stripe", signature = "stripe", payloadId = "created")
    void on(StripeEvent event) {}
  }

  @Configuration(proxyBeanMethods = false)
  static class WrongShape {
    @WebhookListener(path = "/hooks/github", signature = "github")
    String on(GitHubPush push) {
      return "";
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class NotAPayload {
    @WebhookListener(path = "/hooks/text", signature = "github")
    void on(String text) {}
  }

  @Configuration(proxyBeanMethods = false)
  static class SamePath {
    @WebhookListener(path = "/hooks/github", signature = "github")
    void again(GitHubPush push) {}
  }
}
