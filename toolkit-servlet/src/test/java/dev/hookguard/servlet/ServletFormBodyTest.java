package dev.hookguard.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why {@link WebhookFilter} exists: an application filter that asks for a request parameter makes
 * the container parse a form-encoded body (Slack sends those). In front of the servlet, it consumes
 * the body before the servlet can read it; behind the webhook filter, it never runs.
 */
class ServletFormBodyTest {

  @TempDir Path folder;

  private Receipts receipts;

  @BeforeEach
  void open() {
    receipts = new Receipts(folder);
  }

  @AfterEach
  void close() {
    receipts.close();
  }

  private HttpResponse<String> postFormEncoded(Mount mount) throws Exception {
    try (Jetty jetty = Jetty.serve(mount, receipts.receiver().allowPlainHttp().build())
        .applicationFilter(new Filters.ReadsParameters())
        .start()) {
      byte[] body = Receipts.invoice("in_1", "a@example.com", "4242424242424242");
      Map<String, List<String>> headers = receipts.signedHeaders("msg_1", body);
      headers.put("Content-Type", List.of("application/x-www-form-urlencoded"));
      return Http.plain().post(jetty.http(), headers, body);
    }
  }

  @Test
  void behindAFilterThatReadsParametersTheServletFindsTheBodyGone() throws Exception {
    HttpResponse<String> response = postFormEncoded(Mount.SERVLET);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("REJECTED SIGNATURE_MISMATCH\n");
    assertThat(receipts.store.find("msg_1")).isEmpty();
  }

  @Test
  void theWebhookFilterReadsTheBodyBeforeTheApplicationsFilters() throws Exception {
    HttpResponse<String> response = postFormEncoded(Mount.FILTER);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(receipts.store.find("msg_1")).isPresent();
  }
}
