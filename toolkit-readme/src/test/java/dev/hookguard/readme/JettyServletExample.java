package dev.hookguard.readme;

import static dev.hookguard.readme.Receivers.receiver;

import dev.hookguard.servlet.WebhookServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;

/** README, "Jakarta Servlet containers": the servlet in embedded Jetty 12, line for line. */
final class JettyServletExample {

  private JettyServletExample() {}

  static void register(Server server) {
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(WebhookServlet.of(receiver)), "/webhooks/github");
    server.setHandler(context);
  }
}
