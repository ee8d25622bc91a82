package dev.hookguard.spring;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * A {@code @WebhookListener} method of a bean, checked: {@code void}, and taking the payload or
 * the message id and the payload.
 *
 * @param beanName the bean that declares it
 * @param method the method, as declared by the bean's class
 * @param annotation its annotation
 */
record ListenerMethod(String beanName, Method method, WebhookListener annotation) {

  /** Checks the method's shape and the annotation's path. */
  static ListenerMethod of(String beanName, Method method, WebhookListener annotation) {
    String where = describe(method);
    Class<?>[] parameters = method.getParameterTypes();
    boolean shape =
        method.getReturnType() == void.class
            && (parameters.length == 1
                || (parameters.length == 2 && parameters[0] == String.class));
    if (!shape || Modifier.isStatic(method.getModifiers())) {
      throw new HookGuardConfigurationException(
          "@WebhookListener method " + where + " must be an instance method returning void that"
              + " takes the payload, or the message id and the payload.",
          "Declare it as `void on(Payload payload)` or `void on(String messageId, Payload payload)`.");
    }
    String path = annotation.path();
    if (!path.startsWith("/") || path.contains("*") || path.length() < 2) {
      throw new HookGuardConfigurationException(
          "@WebhookListener method " + where + " has path \"" + path + "\", which is not an exact"
              + " path.",
          "Give it a path such as \"/webhooks/stripe\": starting with /, without wildcards.");
    }
    if (annotation.signature().isBlank()) {
      throw new HookGuardConfigurationException(
          "@WebhookListener method " + where + " names no signature.",
          "Set signature = \"name\" and hookguard.signatures.name.scheme and .secrets.");
    }
    return new ListenerMethod(beanName, method, annotation);
  }

  /** The payload type: the last parameter's. */
  Class<?> payloadType() {
    Class<?>[] parameters = method.getParameterTypes();
    return parameters[parameters.length - 1];
  }

  /** Whether the method takes the message id first. */
  boolean takesMessageId() {
    return method.getParameterCount() == 2;
  }

  /** The name of the endpoint's options under {@code hookguard.endpoints}. */
  String id() {
    return annotation.id().isBlank() ? annotation.signature() : annotation.id();
  }

  String path() {
    return annotation.path();
  }

  /** {@code Class.method} for messages. */
  String where() {
    return describe(method);
  }

  private static String describe(Method method) {
    return method.getDeclaringClass().getName() + "." + method.getName();
  }
}
