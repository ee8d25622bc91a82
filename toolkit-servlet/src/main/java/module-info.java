/**
 * HookGuard for Jakarta Servlet containers: {@link dev.hookguard.servlet.WebhookServlet} (or
 * {@link dev.hookguard.servlet.WebhookFilter}) serves a {@link
 * dev.hookguard.runtime.receiver.WebhookReceiver} in Jetty, Tomcat, Undertow or any other container
 * of Servlet 6.0 or later.
 */
module dev.hookguard.servlet {
  // Transitive: WebhookServlet extends HttpServlet, WebhookFilter is a Filter, and both are made
  // from a WebhookReceiver.
  requires transitive dev.hookguard.runtime;
  requires transitive jakarta.servlet;
  requires org.slf4j;

  exports dev.hookguard.servlet;
}
