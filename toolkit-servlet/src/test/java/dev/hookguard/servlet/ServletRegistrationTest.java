package dev.hookguard.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.receiver.WebhookReceiver;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter registered as the README shows for any container: through the Servlet API's {@code
 * ServletContext.addServlet} or {@code addFilter}, from a listener, rather than through Jetty's own
 * classes.
 */
class ServletRegistrationTest {

  @TempDir Path folder;

  /** What an application's {@code @WebListener} does. */
  private record InvoiceWebhooks(WebhookReceiver<Invoice> receiver)
      implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
      event.getServletContext()
          .addServlet("invoice-webhooks", WebhookServlet.of(receiver))
          .addMapping(Jetty.PATH);
    }
  }

  /** The same with the filter, ahead of any filter declared in web.xml. */
  private record InvoiceWebhookFilter(WebhookReceiver<Invoice> receiver)
      implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
      event.getServletContext()
          .addFilter("invoice-webhooks", WebhookFilter.of(receiver))
          .addMappingForUrlPatterns(null, false, Jetty.PATH);
    }
  }

  @Test
  void aFilterAddedThroughTheServletContextReceives() throws Exception {
    try (Receipts receipts = new Receipts(folder);
        Jetty jetty =
            Jetty.serve(new InvoiceWebhookFilter(receipts.receiver().allowPlainHttp().build()))
                .start()) {
      byte[] body = Receipts.invoice("in_1", "a@example.com", "4242424242424242");

      HttpResponse<String> response =
          Http.plain().post(jetty.http(), receipts.signedHeaders("msg_1", body), body);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(receipts.store.find("msg_1")).isPresent();
    }
  }

  @Test
  void aServletAddedThroughTheServletContextReceives() throws Exception {
    try (Receipts receipts = new Receipts(folder);
        Jetty jetty =
            Jetty.serve(new InvoiceWebhooks(receipts.receiver().allowPlainHttp().build())).start()) {
      byte[] body = Receipts.invoice("in_1", "a@example.com", "4242424242424242");

      HttpResponse<String> response =
          Http.plain().post(jetty.http(), receipts.signedHeaders("msg_1", body), body);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(receipts.store.find("msg_1")).isPresent();
    }
  }
}
