package dev.hookguard.spring;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.generated.PayloadStore;
import dev.hookguard.runtime.receiver.PayloadVerifier;
import dev.hookguard.runtime.redact.RedactionContext;
import dev.hookguard.runtime.redact.Redactor;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.verify.VerifierBuilder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * The classes the HookGuard processor generated for a payload type {@code X}, found by its naming
 * convention: {@code XVerifier}, {@code XStore} and {@code XRedactor} in {@code X}'s package, a
 * nested type {@code Outer.Inner} flattened to {@code Outer_Inner}. Their factory methods are
 * called once per endpoint, at startup.
 *
 * @param <X> the payload type
 */
final class GeneratedClasses<X> {

  private final Class<X> payloadType;
  private final Method verifierBuilder;
  private final Method storeCreate;
  private final Method redactorCreate;

  private GeneratedClasses(
      Class<X> payloadType, Method verifierBuilder, Method storeCreate, Method redactorCreate) {
    this.payloadType = payloadType;
    this.verifierBuilder = verifierBuilder;
    this.storeCreate = storeCreate;
    this.redactorCreate = redactorCreate;
  }

  /**
   * The generated classes of {@code payloadType}.
   *
   * @throws HookGuardConfigurationException if one is missing: the type is not a
   *     {@code @WebhookPayload} compiled with the processor
   */
  static <X> GeneratedClasses<X> of(Class<X> payloadType, String usedBy) {
    return new GeneratedClasses<>(
        payloadType,
        factory(payloadType, "Verifier", "builder", WebhookSignature.class, usedBy),
        factory(payloadType, "Store", "create", HookGuard.class, usedBy),
        factory(payloadType, "Redactor", "create", RedactionContext.class, usedBy));
  }

  /** The name generated classes of {@code type} start with, such as {@code Outer_Inner}. */
  static String flatName(Class<?> type) {
    String packageName = type.getPackageName();
    String binary = type.getName();
    String simple = packageName.isEmpty() ? binary : binary.substring(packageName.length() + 1);
    return simple.replace('$', '_');
  }

  /** {@code XVerifier.builder(signature)}. */
  @SuppressWarnings("unchecked")
  VerifierBuilder<? extends PayloadVerifier<X>> verifierBuilder(WebhookSignature signature) {
    return (VerifierBuilder<? extends PayloadVerifier<X>>) call(verifierBuilder, signature);
  }

  /** {@code XStore.create(hookGuard)}. */
  @SuppressWarnings("unchecked")
  PayloadStore<X> store(HookGuard hookGuard) {
    return (PayloadStore<X>) call(storeCreate, hookGuard);
  }

  /** {@code XRedactor.create(context)}. */
  @SuppressWarnings("unchecked")
  Redactor<X> redactor(RedactionContext context) {
    return (Redactor<X>) call(redactorCreate, context);
  }

  private Object call(Method factory, Object argument) {
    try {
      return factory.invoke(null, argument);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + factory, e);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(factory + " failed", cause);
    }
  }

  private static Method factory(
      Class<?> payloadType, String suffix, String name, Class<?> parameter, String usedBy) {
    String className = payloadType.getPackageName() + "." + flatName(payloadType) + suffix;
    Class<?> generated;
    try {
      generated = Class.forName(className, true, payloadType.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new HookGuardConfigurationException(
          usedBy + " receives " + payloadType.getName() + ", which has no generated " + className
              + ".",
          "Annotate " + payloadType.getSimpleName() + " with @WebhookPayload and compile it with"
              + " dev.hookguard:hookguard-processor under the compiler's annotationProcessorPaths.");
    }
    try {
      Method method = generated.getMethod(name, parameter);
      if (!Modifier.isStatic(method.getModifiers())) {
        throw new NoSuchMethodException(name);
      }
      return method;
    } catch (NoSuchMethodException e) {
      throw new HookGuardConfigurationException(
          className + " has no static " + name + "(" + parameter.getSimpleName() + ").",
          "Compile " + payloadType.getSimpleName() + " with the hookguard-processor of the same"
              + " version as the runtime.");
    }
  }

  @Override
  public String toString() {
    return "GeneratedClasses[" + payloadType.getName() + "]";
  }
}
