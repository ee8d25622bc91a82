package dev.hookguard.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One Jetty with a TLS connector (a self-signed certificate made for the test) and a plain one,
 * both serving one {@link WebhookServlet} whose receiver requires HTTPS: the servlet passes the
 * container's {@code isSecure()} on, so the same request is accepted over TLS and refused in the
 * clear.
 */
class ServletHttpsTest {

  @TempDir static Path folder;

  private static Receipts receipts;
  private static Jetty jetty;
  private static Http https;

  @BeforeAll
  static void start() throws Exception {
    TestCertificate certificate = TestCertificate.create(folder);
    receipts = new Receipts(folder);
    jetty = Jetty.serve(WebhookServlet.of(receipts.receiver().build())).tls(certificate).start();
    https = Http.trusting(certificate.clientContext());
  }

  @AfterAll
  static void stop() throws Exception {
    jetty.close();
    receipts.close();
  }

  @Test
  void aSignedDeliveryOverTlsIsAccepted() throws Exception {
    byte[] body = Receipts.invoice("in_tls", "jenny.rosen@example.com", "4242424242424242");

    HttpResponse<String> response =
        https.post(jetty.https(), receipts.signedHeaders("msg_tls", body), body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ACCEPTED\n");
    assertThat(receipts.store.find("msg_tls")).map(Invoice::id).contains("in_tls");
  }

  @Test
  void theSameDeliveryInTheClearIsRefusedNotHttps() throws Exception {
    byte[] body = Receipts.invoice("in_clear", "jenny.rosen@example.com", "4242424242424242");
    Map<String, List<String>> headers = receipts.signedHeaders("msg_clear", body);

    HttpResponse<String> response = Http.plain().post(jetty.http(), headers, body);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("NOT_HTTPS\n");
    assertThat(receipts.store.find("msg_clear")).isEmpty();
  }
}
