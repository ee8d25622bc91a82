package dev.hookguard.servlet;

import dev.hookguard.runtime.receiver.WebhookReceiver;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * {@link WebhookServlet} as a filter, for when the receiver must answer before the application's
 * other filters run. It does exactly what the servlet does (checks before the body, the body read
 * up to the limit plus one byte, the same answers; the servlet's notes on proxies hold here too),
 * and it answers every request it is mapped to: it never passes one down the chain. Map it to the
 * webhook's exact path, ahead of every other filter.
 *
 * <p>Why a filter: filters run before any servlet, and one that asks for a request parameter
 * (many logging, security and method-override filters do) makes the container parse a
 * form-encoded body, as Slack sends, consuming it before a servlet can read it; the signature
 * then fails. First in the chain, this filter reads the body untouched. It also serves an
 * application whose framework is itself a filter mapped to every path, where a servlet might
 * never be reached. Otherwise, prefer the servlet.
 *
 * <pre>{@code
 * // any container, from a ServletContainerInitializer or ServletContextListener: before the
 * // filters declared in web.xml (isMatchAfter = false)
 * servletContext.addFilter("github-webhooks", WebhookFilter.of(receiver))
 *     .addMappingForUrlPatterns(null, false, "/webhooks/github");
 * }</pre>
 *
 * <p>A request that is not HTTP (none is, in a web container) is passed down the chain untouched.
 */
public final class WebhookFilter implements Filter {

  private final WebhookReceiver<?> receiver;

  private WebhookFilter(WebhookReceiver<?> receiver) {
    this.receiver = receiver;
  }

  /** A filter that answers every request it is mapped to through {@code receiver}. */
  public static WebhookFilter of(WebhookReceiver<?> receiver) {
    return new WebhookFilter(Objects.requireNonNull(receiver, "receiver"));
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http
        && response instanceof HttpServletResponse httpResponse) {
      ServletExchange.serve(receiver, http, httpResponse);
    } else {
      chain.doFilter(request, response);
    }
  }

  @Override
  public String toString() {
    return "WebhookFilter[" + receiver + "]";
  }
}
