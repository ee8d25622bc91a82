package dev.hookguard.spring;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.receiver.IpAllowList;
import dev.hookguard.runtime.receiver.PayloadHandler;
import dev.hookguard.runtime.receiver.PayloadVerifier;
import dev.hookguard.runtime.receiver.RateLimit;
import dev.hookguard.runtime.receiver.RateLimiter;
import dev.hookguard.runtime.receiver.ReceiverMetrics;
import dev.hookguard.runtime.receiver.WebhookReceiver;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.verify.VerifierBuilder;
import dev.hookguard.servlet.WebhookServlet;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.function.Function;
import java.util.function.Supplier;
import jakarta.servlet.http.HttpServlet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Builds the {@link WebhookReceiver} of each {@code @WebhookListener} method from the {@code
 * HookGuard} bean and {@code hookguard.*}: the payload type's generated verifier, store (as
 * receipts: id, record and audit entry in one transaction) and redactor, the signature named by
 * the listener, the endpoint's options, the audit trail as receipt listener, metrics when
 * Micrometer is there, and the method as handler.
 */
final class WebhookEndpoints {

  private static final Logger LOG = LoggerFactory.getLogger("dev.hookguard.spring");
  private static final HookGuardProperties.Receiver NO_OPTIONS =
      new HookGuardProperties.Receiver(null, null, null, null);

  private final HookGuard hookGuard;
  private final HookGuardProperties properties;
  private final ReceiverMetrics metrics;
  private final BeanFactory beans;

  WebhookEndpoints(
      HookGuard hookGuard, HookGuardProperties properties, ReceiverMetrics metrics, BeanFactory beans) {
    this.hookGuard = hookGuard;
    this.properties = properties;
    this.metrics = metrics;
    this.beans = beans;
  }

  /**
   * The servlet of {@code listener}'s endpoint, mapped to its path alone: hookguard-servlet's
   * {@link WebhookServlet}, which runs every check that needs no body before it reads any, and
   * reads at most the limit plus one byte. The request's {@code isSecure()} and {@code
   * getRemoteAddr()} are what Spring Boot's forwarded-header handling made them; the receiver
   * trusts no proxy of its own.
   */
  ServletRegistrationBean<HttpServlet> registration(ListenerMethod listener) {
    WebhookReceiver<?> receiver = receiver(listener);
    ServletRegistrationBean<HttpServlet> registration =
        new ServletRegistrationBean<>(WebhookServlet.of(receiver), listener.path());
    registration.setName(WebhookListenerRegistrar.BEAN_NAME_PREFIX + listener.path());
    LOG.info("webhook endpoint {} receives {} for {}", listener.path(), receiver.payloadType(),
        listener.where());
    return registration;
  }

  /** The receiver of {@code listener}'s endpoint. */
  WebhookReceiver<?> receiver(ListenerMethod listener) {
    return receiver(listener, listener.payloadType());
  }

  private <X> WebhookReceiver<X> receiver(ListenerMethod listener, Class<X> payloadType) {
    String where = "@WebhookListener method " + listener.where();
    GeneratedClasses<X> generated = GeneratedClasses.of(payloadType, where);
    HookGuardProperties.Signature settings = signatureSettings(listener);
    WebhookSignature signature = signature(listener, settings);
    HookGuardProperties.Receiver options =
        properties.endpoints().getOrDefault(listener.id(), NO_OPTIONS).orElse(properties.receiver());

    VerifierBuilder<? extends PayloadVerifier<X>> verifier = generated.verifierBuilder(signature);
    if (options.maxBody() != null) {
      long bytes = options.maxBody().toBytes();
      if (bytes <= 0 || bytes >= Integer.MAX_VALUE) {
        throw new HookGuardConfigurationException(
            "The body limit of endpoint " + listener.id() + " is " + bytes + " bytes.",
            "Set hookguard.receiver.max-body (or hookguard.endpoints." + listener.id()
                + ".max-body) between 1B and 2GB, such as 256KB.");
      }
      verifier.maxBodyBytes((int) bytes);
    }
    WebhookReceiver.Builder<X> builder =
        WebhookReceiver.builder(payloadType, verifier.build())
            .receipts(hookGuard.receipts(generated.store(hookGuard)))
            .redactor(generated.redactor(hookGuard.redactionContext()))
            .listener(hookGuard.audit().receiptListener())
            .metrics(metrics)
            .handler(handler(listener));
    String payloadId = listener.annotation().payloadId();
    if (!payloadId.isBlank()) {
      builder.payloadIds(payloadIds(payloadType, payloadId, where));
    } else if (settings.scheme() == HookGuardProperties.Scheme.STRIPE
        || settings.scheme() == HookGuardProperties.Scheme.SLACK) {
      throw new HookGuardConfigurationException(
          where + " receives " + settings.scheme() + " webhooks, which carry no message id"
              + " header, and names no payload id.",
          "Set payloadId to the accessor of the event's own id, such as"
              + " @WebhookListener(..., payloadId = \"id\").");
    }
    if (!options.allowList().isEmpty()) {
      try {
        builder.allowList(IpAllowList.of(options.allowList()));
      } catch (IllegalArgumentException e) {
        throw new HookGuardConfigurationException(
            "The allow-list of endpoint " + listener.id() + " cannot be used: " + e.getMessage(),
            "Set hookguard.receiver.allow-list (or hookguard.endpoints." + listener.id()
                + ".allow-list) to CIDR blocks such as 192.30.252.0/22, comma-separated.");
      }
    }
    if (options.rateLimit() != null) {
      builder.rateLimiter(rateLimiter(listener, options.rateLimit()));
    }
    if (Boolean.TRUE.equals(options.allowPlainHttp())) {
      builder.allowPlainHttp();
    }
    return builder.build();
  }

  private HookGuardProperties.Signature signatureSettings(ListenerMethod listener) {
    String name = listener.annotation().signature();
    HookGuardProperties.Signature settings = properties.signatures().get(name);
    if (settings == null || settings.scheme() == null) {
      throw new HookGuardConfigurationException(
          "@WebhookListener method " + listener.where() + " uses signature \"" + name + "\", and"
              + " hookguard.signatures." + name + ".scheme is not set.",
          "Set hookguard.signatures." + name + ".scheme (standard-webhooks, stripe, github, slack"
              + " or shopify) and hookguard.signatures." + name + ".secrets (comma-separated,"
              + " several during a rotation), for example from an environment variable.");
    }
    if (settings.secrets().isEmpty() || settings.secrets().stream().anyMatch(String::isBlank)) {
      throw new HookGuardConfigurationException(
          "hookguard.signatures." + name + ".secrets is empty, or one of its secrets is.",
          "Set hookguard.signatures." + name + ".secrets to the provider's secret (several,"
              + " comma-separated, during a rotation), for example ${" + name.toUpperCase(
                  java.util.Locale.ROOT).replace('-', '_') + "_SECRETS}.");
    }
    return settings;
  }

  private WebhookSignature signature(ListenerMethod listener, HookGuardProperties.Signature settings) {
    String[] secrets = settings.secrets().stream().map(String::strip).toArray(String[]::new);
    WebhookSignature signature;
    try {
      signature = switch (settings.scheme()) {
        case STANDARD_WEBHOOKS -> Signatures.standardWebhooks(secrets);
        case STRIPE -> Signatures.stripe(secrets);
        case GITHUB -> Signatures.github(secrets);
        case SLACK -> Signatures.slack(secrets);
        case SHOPIFY -> Signatures.shopify(secrets);
      };
    } catch (IllegalArgumentException e) {
      // The runtime's messages never quote a secret.
      String name = listener.annotation().signature();
      throw new HookGuardConfigurationException(
          "hookguard.signatures." + name + ".secrets cannot be used: " + e.getMessage(),
          "Set the secrets exactly as the provider shows them.");
    }
    signature = signature.withClock(hookGuard.clock());
    if (settings.tolerance() != null) {
      signature = signature.withTolerance(settings.tolerance());
    }
    return signature;
  }

  private static RateLimiter rateLimiter(
      ListenerMethod listener, HookGuardProperties.RateLimit settings) {
    RateLimiter.Builder limiter = RateLimiter.builder();
    if (settings.perSource() != null) {
      limiter.perSource(limit(listener, "per-source", settings.perSource()));
    }
    if (settings.overall() != null) {
      limiter.overall(limit(listener, "overall", settings.overall()));
    }
    return limiter.build();
  }

  private static RateLimit limit(ListenerMethod listener, String name, HookGuardProperties.Limit limit) {
    if (limit.permits() <= 0 || limit.period() == null || limit.period().isZero()
        || limit.period().isNegative()) {
      throw new HookGuardConfigurationException(
          "The " + name + " rate limit of endpoint " + listener.id() + " needs a number of"
              + " permits and a period.",
          "Set hookguard.receiver.rate-limit." + name + ".permits (such as 50) and ."
              + name + ".period (such as 1s), or the same under hookguard.endpoints."
              + listener.id() + ".");
    }
    return RateLimit.of(limit.permits(), limit.period());
  }

  private <X> PayloadHandler<X> handler(ListenerMethod listener) {
    // The bean is looked up at the first request, not while the web server starts.
    Supplier<Object> bean = SingletonSupplier.of(() -> beans.getBean(listener.beanName()));
    Supplier<Method> invocable = SingletonSupplier.of(() -> {
      Method method = AopUtils.selectInvocableMethod(listener.method(), bean.get().getClass());
      ReflectionUtils.makeAccessible(method);   // listener methods need not be public
      return method;
    });
    boolean withId = listener.takesMessageId();
    return (messageId, payload) -> {
      try {
        if (withId) {
          invocable.get().invoke(bean.get(), messageId, payload);
        } else {
          invocable.get().invoke(bean.get(), payload);
        }
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Exception exception) {
          throw exception;
        }
        throw (Error) cause;
      }
    };
  }

  private static <X> Function<X, String> payloadIds(Class<X> payloadType, String accessor, String where) {
    Method method;
    try {
      method = payloadType.getMethod(accessor);
    } catch (NoSuchMethodException e) {
      method = null;
    }
    if (method == null || Modifier.isStatic(method.getModifiers())
        || method.getReturnType() != String.class) {
      throw new HookGuardConfigurationException(
          where + " names payloadId \"" + accessor + "\", and " + payloadType.getName()
              + " has no public method " + accessor + "() returning String.",
          "Name the accessor of the event's own id, such as \"id\" (a record component) or"
              + " \"getId\".");
    }
    Method idAccessor = method;
    return payload -> {
      try {
        return (String) idAccessor.invoke(payload);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("reading the payload id failed", e);
      }
    };
  }

  @Override
  public String toString() {
    return "WebhookEndpoints[" + hookGuard + "]";
  }
}
