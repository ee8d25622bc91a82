package dev.hookguard.servlet;

import dev.hookguard.runtime.receiver.WebhookReceiver;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * An embedded Jetty 12 on loopback with one ee10 servlet context: the adapter, as a servlet or as
 * a filter, at {@link #PATH} (or what a listener registers), with optional test filters, on a
 * plain HTTP connector and, when given a certificate, a TLS connector too.
 */
final class Jetty implements AutoCloseable {

  static final String PATH = "/webhooks/invoices";

  private final Server server;
  private final ServerConnector plain;
  private final ServerConnector tls;

  private Jetty(Server server, ServerConnector plain, ServerConnector tls) {
    this.server = server;
    this.plain = plain;
    this.tls = tls;
  }

  /** The adapter in the given form, answering through {@code receiver}. */
  static Builder serve(Mount mount, WebhookReceiver<?> receiver) {
    return new Builder(mount, receiver);
  }

  /** A context whose servlets or filters {@code listener} registers when the context starts. */
  static Builder serve(ServletContextListener listener) {
    return new Builder(null, null).listener(listener);
  }

  /** The servlet's address on the plain HTTP connector. */
  URI http() {
    return URI.create("http://127.0.0.1:" + plain.getLocalPort() + PATH);
  }

  /** The servlet's address on the TLS connector. */
  URI https() {
    return URI.create("https://127.0.0.1:" + tls.getLocalPort() + PATH);
  }

  int httpPort() {
    return plain.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  /** Behind the filter: answers 418 to any request the filter let through. */
  @SuppressWarnings("serial")
  private static final class Unreachable extends HttpServlet {
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.sendError(418, "passed the webhook filter");
    }
  }

  static final class Builder {
    private final Mount mount;
    private final WebhookReceiver<?> receiver;
    private Filter filter;
    private Filter behind;
    private TestCertificate certificate;
    private boolean forwardedHeaders;
    private ServletContextListener listener;

    private Builder(Mount mount, WebhookReceiver<?> receiver) {
      this.mount = mount;
      this.receiver = receiver;
    }

    private Builder listener(ServletContextListener listener) {
      this.listener = listener;
      return this;
    }

    /** A filter in front of the adapter (for a test that looks at what the adapter reads). */
    Builder filter(Filter filter) {
      this.filter = filter;
      return this;
    }

    /**
     * A filter the application has: in front of the servlet, or behind the filter (which runs
     * first, as it is meant to be registered).
     */
    Builder applicationFilter(Filter filter) {
      this.behind = filter;
      return this;
    }

    /** A TLS connector too, with this certificate. */
    Builder tls(TestCertificate certificate) {
      this.certificate = certificate;
      return this;
    }

    /** Jetty's ForwardedRequestCustomizer on the plain connector: the container reads X-Forwarded-*. */
    Builder forwardedHeaders() {
      this.forwardedHeaders = true;
      return this;
    }

    Jetty start() throws Exception {
      QueuedThreadPool threads = new QueuedThreadPool(16, 4);
      threads.setName("jetty-test");
      Server server = new Server(threads);

      HttpConfiguration http = new HttpConfiguration();
      if (forwardedHeaders) {
        http.addCustomizer(new ForwardedRequestCustomizer());
      }
      ServerConnector plain = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
      plain.setHost("127.0.0.1");
      plain.setPort(0);
      server.addConnector(plain);

      ServerConnector tls = null;
      if (certificate != null) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(certificate.keyStore().toString());
        ssl.setKeyStoreType("PKCS12");
        ssl.setKeyStorePassword(certificate.password());
        HttpConfiguration https = new HttpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false); // the client connects to 127.0.0.1 and sends no SNI
        https.addCustomizer(secure);
        tls = new ServerConnector(server, 1, 1, new SslConnectionFactory(ssl, "http/1.1"),
            new HttpConnectionFactory(https));
        tls.setHost("127.0.0.1");
        tls.setPort(0);
        server.addConnector(tls);
      }

      ServletContextHandler context = new ServletContextHandler("/");
      EnumSet<DispatcherType> requests = EnumSet.of(DispatcherType.REQUEST);
      if (filter != null) {
        context.addFilter(new FilterHolder(filter), PATH, requests);
      }
      if (mount == Mount.SERVLET) {
        if (behind != null) {
          context.addFilter(new FilterHolder(behind), PATH, requests);
        }
        context.addServlet(new ServletHolder(WebhookServlet.of(receiver)), PATH);
      } else if (mount == Mount.FILTER) {
        context.addFilter(new FilterHolder(WebhookFilter.of(receiver)), PATH, requests);
        if (behind != null) {
          context.addFilter(new FilterHolder(behind), PATH, requests);
        }
        context.addServlet(new ServletHolder(new Unreachable()), PATH);
      }
      if (listener != null) {
        context.addEventListener(listener);
      }
      server.setHandler(context);
      server.start();
      return new Jetty(server, plain, tls);
    }
  }
}
