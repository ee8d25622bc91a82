package dev.hookguard.spring;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Finds the {@code @WebhookListener} methods of the application's beans and registers one {@link
 * ServletRegistrationBean} per path. It reads bean definitions (their types) rather than bean
 * instances: the embedded server collects servlet registrations when it starts, before most
 * singletons exist, so a bean post-processor or a {@code SmartInitializingSingleton} would come
 * too late. Each registration is built, with its receiver, when the server starts, so a wrong
 * setting fails the startup; the listener bean itself is looked up at the first request.
 */
final class WebhookListenerRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  /** Registrations are named this followed by the path. */
  static final String BEAN_NAME_PREFIX = "hookguardWebhook:";

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    // Bean types are asked for once every registry post-processor has added its definitions.
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory)
      throws BeansException {
    Map<String, ListenerMethod> byPath = new TreeMap<>();
    for (String name : beanFactory.getBeanDefinitionNames()) {
      if (beanFactory.getBeanDefinition(name).getRole() == BeanDefinition.ROLE_INFRASTRUCTURE) {
        continue;
      }
      Class<?> type = beanFactory.getType(name, false);
      if (type == null) {
        continue;
      }
      Class<?> userType = ClassUtils.getUserClass(type);
      if (!AnnotationUtils.isCandidateClass(userType, WebhookListener.class)) {
        continue;
      }
      Map<Method, WebhookListener> methods =
          MethodIntrospector.selectMethods(
              userType,
              (MethodIntrospector.MetadataLookup<WebhookListener>)
                  method -> AnnotatedElementUtils.findMergedAnnotation(method, WebhookListener.class));
      for (Map.Entry<Method, WebhookListener> entry : methods.entrySet()) {
        ListenerMethod listener = ListenerMethod.of(name, entry.getKey(), entry.getValue());
        ListenerMethod other = byPath.putIfAbsent(listener.path(), listener);
        if (other != null) {
          throw new HookGuardConfigurationException(
              "Path " + listener.path() + " has two @WebhookListener methods: " + other.where()
                  + " and " + listener.where() + ".",
              "Give each endpoint a path of its own.");
        }
      }
    }
    checkEndpointOptions(byPath);
    BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beanFactory;
    byPath.values().forEach(listener -> {
      RootBeanDefinition registration = new RootBeanDefinition(ServletRegistrationBean.class);
      registration.setInstanceSupplier(
          () -> beanFactory.getBean(WebhookEndpoints.class).registration(listener));
      registry.registerBeanDefinition(BEAN_NAME_PREFIX + listener.path(), registration);
    });
  }

  /** Options under an id no listener has would be ignored silently: a typo, refused. */
  private void checkEndpointOptions(Map<String, ListenerMethod> byPath) {
    Set<String> ids = new TreeSet<>();
    byPath.values().forEach(listener -> ids.add(listener.id()));
    Set<String> configured = new TreeSet<>(Binder.get(environment)
        .bind("hookguard.endpoints", Bindable.mapOf(String.class, HookGuardProperties.Receiver.class))
        .orElse(Map.of())
        .keySet());
    configured.removeAll(ids);
    if (!configured.isEmpty()) {
      throw new HookGuardConfigurationException(
          "hookguard.endpoints." + configured.iterator().next() + " names no @WebhookListener"
              + " endpoint (their ids: " + (ids.isEmpty() ? "none" : String.join(", ", ids)) + ").",
          "Use the listener's id, which is its signature name unless it sets id = \"...\".");
    }
  }
}
