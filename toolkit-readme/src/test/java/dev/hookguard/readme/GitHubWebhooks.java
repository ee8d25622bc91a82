package dev.hookguard.readme;

import static dev.hookguard.readme.Receivers.receiver;

import dev.hookguard.servlet.WebhookServlet;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * README, "Jakarta Servlet containers": registering the servlet in any container, line for line;
 * {@code receiver} comes from {@link Receivers}, which the README leaves to the reader.
 */
@WebListener
public class GitHubWebhooks implements ServletContextListener {
  @Override
  public void contextInitialized(ServletContextEvent event) {
    event.getServletContext()
        .addServlet("github-webhooks", WebhookServlet.of(receiver))
        .addMapping("/webhooks/github");
  }
}
