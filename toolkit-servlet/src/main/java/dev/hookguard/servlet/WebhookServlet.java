package dev.hookguard.servlet;

import dev.hookguard.runtime.receiver.WebhookReceiver;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.InetAddress;
import java.util.Objects;

/**
 * Serves a {@link WebhookReceiver} from any Jakarta Servlet container (Servlet 6.0 or later:
 * Jetty 12 ee10, Tomcat 10.1 and 11, Undertow 2.3, and the containers Spring Boot embeds).
 *
 * <p>For each request it runs every check that needs no body ({@link WebhookReceiver#admit}:
 * HTTPS, client address, allow-list, rate limit, method, declared {@code Content-Length}) before
 * it reads a byte of the body; a refusal there is answered with {@code Connection: close}, and
 * since the body was never asked for, a client that sent {@code Expect: 100-continue} gets no
 * {@code 100 Continue} first where the container sends one only when the body is read (Jetty,
 * and Tomcat by default). It then reads the body from {@code getInputStream()}, at most
 * {@link dev.hookguard.runtime.receiver.Admission.Admitted#maxBodyBytes()} plus one byte, whatever
 * the {@code Content-Length} claims and for chunked bodies too: a body that runs past the limit
 * is refused (413, {@code Connection: close}) without being read to its end. The rest of the
 * pipeline runs on the bytes read, and the servlet writes the receiver's status, headers and
 * body.
 *
 * <p>It answers every method ({@link #service} is overridden), so a {@code GET} gets the
 * receiver's 405 with {@code Allow: POST}. The peer address is {@code getRemoteAddr()}, turned into
 * an {@link InetAddress} without a DNS look-up; if it is not an IP literal (a container that took
 * it from a forwarded header may hand over anything), the answer is 403 {@code
 * ADDRESS_UNRESOLVED}, given by the servlet itself: the receiver's listener and metrics do not
 * hear of it. An unexpected {@link RuntimeException} is answered 500 and logged to {@code
 * dev.hookguard.receiver} with its class name only (a message may hold payload data); an {@link
 * IOException} while reading the body (the client went away) is left to the container. The
 * servlet holds no state of its own, so one instance serves every request at once.
 *
 * <p><b>Behind a proxy</b> (a load balancer or ingress that terminates TLS), the client's address
 * and scheme reach the receiver in one of two ways. Choose exactly one; choose the first unless
 * the application already relies on the second:
 *
 * <ul>
 *   <li><b>The receiver reads the forwarded headers.</b> Leave the container's forwarded-header
 *       handling off (Jetty's and Tomcat's default; Spring Boot turns it on by itself on a cloud
 *       platform, Kubernetes included: set {@code server.forward-headers-strategy=none} there)
 *       and build the receiver with
 *       {@link WebhookReceiver.Builder#trustedProxies trustedProxies(TrustedProxies.of(
 *       "10.0.0.0/8"))} naming your proxies. {@code getRemoteAddr()} is then the proxy's address
 *       and {@code isSecure()} whether the proxy's own connection was TLS; only when the peer is
 *       one of the named proxies does the receiver take the client's scheme from {@code
 *       X-Forwarded-Proto} and its address from {@code X-Forwarded-For}: the right-most hop that
 *       is not a trusted proxy, which is the one your proxy wrote, not one the client wrote.
 *   <li><b>The container reads them</b> (Jetty's {@code ForwardedRequestCustomizer}, Tomcat's
 *       {@code RemoteIpValve}, Spring Boot's {@code server.forward-headers-strategy=native} or
 *       {@code framework}). {@code getRemoteAddr()} and {@code isSecure()} are then already what
 *       the container decided, and the receiver must be given <b>no</b> trusted proxies: given
 *       some, it would take that address for a proxy's whenever it lies in a trusted range and
 *       read {@code X-Forwarded-For} a second time, one hop further left, where the client
 *       writes. Mind what the container believes: Jetty's customizer and Spring's {@code
 *       ForwardedHeaderFilter} take the <em>left-most</em> {@code X-Forwarded-For} entry from any
 *       peer, so unless your proxy replaces the header rather than appending to it, a client
 *       chooses its own address and walks through the allow-list. Tomcat's valve walks the header
 *       from the right over its {@code internalProxies} (private address ranges by default): name
 *       your proxies there.
 * </ul>
 *
 * <p>Register it like any servlet, under the exact path the provider posts to; the receiver is
 * not closed with the servlet (the application owns its {@code HookGuard}):
 *
 * <pre>{@code
 * // Jetty 12 (ee10)
 * ServletContextHandler context = new ServletContextHandler();
 * context.addServlet(new ServletHolder(WebhookServlet.of(receiver)), "/webhooks/github");
 *
 * // any container, from a ServletContainerInitializer or ServletContextListener
 * servletContext.addServlet("github-webhooks", WebhookServlet.of(receiver))
 *     .addMapping("/webhooks/github");
 * }</pre>
 *
 * <p>{@link WebhookFilter} does the same as a filter, for an application whose other filters
 * would otherwise run first and might consume the body.
 *
 * <p>Not serializable, although {@link HttpServlet} is: it holds a receiver, and containers do not
 * serialize servlets.
 */
public final class WebhookServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient WebhookReceiver<?> receiver;

  private WebhookServlet(WebhookReceiver<?> receiver) {
    this.receiver = receiver;
  }

  /** A servlet that answers every request through {@code receiver}. */
  public static WebhookServlet of(WebhookReceiver<?> receiver) {
    return new WebhookServlet(Objects.requireNonNull(receiver, "receiver"));
  }

  /** Answers any method, so that the receiver refuses all but {@code POST} with its own 405. */
  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ServletExchange.serve(receiver, request, response);
  }

  private void writeObject(ObjectOutputStream out) throws NotSerializableException {
    throw new NotSerializableException(WebhookServlet.class.getName());
  }

  private void readObject(ObjectInputStream in) throws NotSerializableException {
    throw new NotSerializableException(WebhookServlet.class.getName());
  }

  @Override
  public String toString() {
    return "WebhookServlet[" + receiver + "]";
  }
}
