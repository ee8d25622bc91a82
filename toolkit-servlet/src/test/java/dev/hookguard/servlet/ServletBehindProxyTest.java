package dev.hookguard.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.receiver.IpAllowList;
import dev.hookguard.runtime.receiver.TrustedProxies;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two ways, documented on {@link WebhookServlet}, for the client's address and scheme to
 * reach the receiver behind a TLS-terminating proxy, here played by the test client on loopback
 * sending plain HTTP with {@code X-Forwarded-For} and {@code X-Forwarded-Proto}. The receiver
 * requires HTTPS and allows only the client's range, 198.51.100.0/24.
 */
class ServletBehindProxyTest {

  private static final IpAllowList CLIENTS = IpAllowList.of("198.51.100.0/24");

  @TempDir Path folder;

  private Receipts receipts;
  private Jetty jetty;

  @BeforeEach
  void open() {
    receipts = new Receipts(folder);
  }

  @AfterEach
  void close() throws Exception {
    if (jetty != null) {
      jetty.close();
    }
    receipts.close();
  }

  private HttpResponse<String> postForwarded(String id, String forwardedFor) throws Exception {
    byte[] body = Receipts.invoice("in_" + id, "a@example.com", "4242424242424242");
    Map<String, List<String>> headers = receipts.signedHeaders(id, body);
    headers.put("X-Forwarded-For", List.of(forwardedFor));
    headers.put("X-Forwarded-Proto", List.of("https"));
    return Http.plain().post(jetty.http(), headers, body);
  }

  @ParameterizedTest
  @EnumSource(Mount.class)
  void theReceiverReadsForwardedHeadersFromTheProxiesItTrusts(Mount mount) throws Exception {
    jetty = Jetty.serve(mount, receipts.receiver()
            .trustedProxies(TrustedProxies.of("127.0.0.1/32"))
            .allowList(CLIENTS)
            .build())
        .start();

    assertThat(postForwarded("msg_1", "198.51.100.7").statusCode()).isEqualTo(200);
    // The client's own hop is the right-most one the proxy did not add: 203.0.113.5 here.
    HttpResponse<String> forged = postForwarded("msg_2", "198.51.100.7, 203.0.113.5");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).isEqualTo("ADDRESS_NOT_ALLOWED\n");
    assertThat(receipts.handled).containsExactly("msg_1");
  }

  @ParameterizedTest
  @EnumSource(Mount.class)
  void theContainerReadsThemAndTheReceiverTrustsNoProxy(Mount mount) throws Exception {
    jetty = Jetty.serve(mount, receipts.receiver().allowList(CLIENTS).build())
        .forwardedHeaders()
        .start();

    // Jetty's ForwardedRequestCustomizer made getRemoteAddr() 198.51.100.7 and isSecure() true.
    HttpResponse<String> response = postForwarded("msg_1", "198.51.100.7");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(receipts.handled).containsExactly("msg_1");
  }

  @ParameterizedTest
  @EnumSource(Mount.class)
  void jettysCustomizerBelievesTheLeftMostHopWhichTheClientWrites(Mount mount) throws Exception {
    jetty = Jetty.serve(mount, receipts.receiver().allowList(CLIENTS).build())
        .forwardedHeaders()
        .start();

    // The client wrote 198.51.100.7; the proxy appended the client's real address, 203.0.113.5.
    // Jetty takes the left-most entry, so the allow-list lets the forged one through: why the
    // servlet's documentation prefers the receiver's TrustedProxies (compare the first test).
    HttpResponse<String> response = postForwarded("msg_1", "198.51.100.7, 203.0.113.5");

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @EnumSource(Mount.class)
  void aForwardedHostNameIsNeverLookedUp(Mount mount) throws Exception {
    jetty = Jetty.serve(mount, receipts.receiver().build())
        .forwardedHeaders()
        .start();

    // Jetty hands the name over as the remote address; resolving it would reach 127.0.0.1.
    HttpResponse<String> response = postForwarded("msg_1", "localhost");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("ADDRESS_UNRESOLVED\n");
    assertThat(response.headers().firstValue("Connection")).contains("close");
    assertThat(receipts.handled).isEmpty();
  }
}
