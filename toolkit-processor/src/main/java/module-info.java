/**
 * The HookGuard annotation processor. For every {@code @WebhookPayload} type it validates the
 * annotations of the type and of the nested types below it, builds a model of the payload and
 * generates its companion classes.
 *
 * <p>Registered twice on purpose: {@code provides} for the module path, and
 * {@code META-INF/services} (written by auto-service) for the processor path that Maven uses.
 */
module dev.hookguard.processor {
  requires java.compiler;
  /** Only to tell a record's implicit members from declared ones on javac 17. */
  requires static jdk.compiler;
  requires com.palantir.javapoet;
  requires dev.hookguard.api;
  requires static com.google.auto.service;

  provides javax.annotation.processing.Processor with
      dev.hookguard.processor.HookGuardProcessor;
}
