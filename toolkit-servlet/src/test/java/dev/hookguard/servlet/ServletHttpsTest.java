package dev.hookguard.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Jetty with a TLS connector (a self-signed certificate made for the test) and a plain one, both
 * serving one adapter whose receiver requires HTTPS: the adapter passes the container's {@code
 * isSecure()} on, so the same request is accepted over TLS and refused in the clear. One Jetty
 * per form of the adapter, sharing one store.
 */
class ServletHttpsTest {

  @TempDir static Path folder;

  private static Receipts receipts;
  private static final Map<Mount, Jetty> jetty = new EnumMap<>(Mount.class);
  private static Http https;

  @BeforeAll
  static void start() throws Exception {
    TestCertificate certificate = TestCertificate.create(folder);
    receipts = new Receipts(folder);
    for (Mount mount : Mount.values()) {
      jetty.put(mount, Jetty.serve(mount, receipts.receiver().build()).tls(certificate).start());
    }
    https = Http.trusting(certificate.clientContext());
  }

  @AfterAll
  static void stop() throws Exception {
    for (Jetty server : jetty.values()) {
      server.close();
    }
    receipts.close();
  }

  @ParameterizedTest
  @EnumSource(Mount.class)
  void aSignedDeliveryOverTlsIsAccepted(Mount mount) throws Exception {
    String id = "msg_tls_" + mount;
    byte[] body = Receipts.invoice("in_tls_" + mount, "jenny.rosen@example.com", "4242424242424242");

    HttpResponse<String> response =
        https.post(jetty.get(mount).https(), receipts.signedHeaders(id, body), body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ACCEPTED\n");
    assertThat(receipts.store.find(id)).map(Invoice::id).contains("in_tls_" + mount);
  }

  @ParameterizedTest
  @EnumSource(Mount.class)
  void theSameDeliveryInTheClearIsRefusedNotHttps(Mount mount) throws Exception {
    String id = "msg_clear_" + mount;
    byte[] body = Receipts.invoice("in_clear", "jenny.rosen@example.com", "4242424242424242");
    Map<String, List<String>> headers = receipts.signedHeaders(id, body);

    HttpResponse<String> response = Http.plain().post(jetty.get(mount).http(), headers, body);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("NOT_HTTPS\n");
    assertThat(receipts.store.find(id)).isEmpty();
  }
}
