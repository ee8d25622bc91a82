package dev.hookguard.spring;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Finds the {@code @WebhookListener} methods of the application's beans and registers one {@link
 * ServletRegistrationBean} per path. It reads bean definitions (their types) rather than bean
 * instances: the embedded server collects servlet registrations when it starts, before most
 * singletons exist, so a bean post-processor or a {@code SmartInitializingSingleton} would come
 * too late. Each registration is built, with its receiver, when the server starts, so a wrong
 * setting fails the startup; the listener bean itself is looked up at the first request.
 */
final class WebhookListenerRegistrar implements BeanDefinitionRegistryPostProcessor {

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
    BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beanFactory;
    byPath.values().forEach(listener -> {
      RootBeanDefinition registration = new RootBeanDefinition(ServletRegistrationBean.class);
      registration.setInstanceSupplier(
          () -> beanFactory.getBean(WebhookEndpoints.class).registration(listener));
      registry.registerBeanDefinition(BEAN_NAME_PREFIX + listener.path(), registration);
    });
  }
}
