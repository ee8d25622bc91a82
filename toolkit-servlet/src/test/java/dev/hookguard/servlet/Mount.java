package dev.hookguard.servlet;

/** The two forms of the adapter; tests that hold for both run once with each. */
enum Mount {
  /** {@link WebhookServlet} at the path. */
  SERVLET,
  /**
   * {@link WebhookFilter} at the path, in front of a servlet that answers 418 if a request ever
   * gets past the filter.
   */
  FILTER
}
