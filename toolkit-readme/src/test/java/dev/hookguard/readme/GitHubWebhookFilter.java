package dev.hookguard.readme;

import static dev.hookguard.readme.Receivers.receiver;

import dev.hookguard.servlet.WebhookFilter;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** README, "Jakarta Servlet containers": the filter form, registered from a listener. */
@WebListener
public class GitHubWebhookFilter implements ServletContextListener {
  @Override
  public void contextInitialized(ServletContextEvent event) {
    event.getServletContext()
        .addFilter("github-webhooks", WebhookFilter.of(receiver))
        .addMappingForUrlPatterns(null, false, "/webhooks/github");   // before web.xml's filters
  }
}
