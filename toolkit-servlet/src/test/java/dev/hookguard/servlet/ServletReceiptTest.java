package dev.hookguard.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.receiver.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter ({@link WebhookServlet}, and {@link WebhookFilter}: each test runs with both) on
 * embedded Jetty over real HTTP, with a real receiver: the generated
 * verifier and receipts on a SQLite file. Plain HTTP is allowed here (except where a test says
 * otherwise); {@link ServletHttpsTest} serves the same over TLS.
 */
class ServletReceiptTest {

  private static final String EMAIL = "jenny.rosen@example.com";
  private static final String CARD = "4242424242424242";

  @TempDir Path folder;

  private Receipts receipts;
  private Jetty jetty;
  private final Http http = Http.plain();

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

  private URI serve(Mount mount, WebhookReceiver<Invoice> receiver) throws Exception {
    jetty = Jetty.serve(mount, receiver).start();
    return jetty.http();
  }

  @ParameterizedTest
  @EnumSource(Mount.class)
  void aSignedDeliveryIsAcceptedAndStoredOnceWithItsEncryptedFieldsNotInTheDatabaseFiles(
      Mount mount) throws Exception {
    URI uri = serve(mount, receipts.receiver().allowPlainHttp().build());
    byte[] body = Receipts.invoice("in_plain_1001", EMAIL, CARD);

    HttpResponse<String> response = http.post(uri, receipts.signedHeaders("msg_1", body), body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ACCEPTED\n");
    // Jetty writes the receiver's "text/plain; charset=utf-8" without the space.
    assertThat(response.headers().firstValue("Content-Type")).contains("text/plain;charset=utf-8");
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(receipts.handled).containsExactly("msg_1");
    Invoice stored = receipts.store.find("msg_1").orElseThrow();
    assertThat(stored.id()).isEqualTo("in_plain_1001");
    assertThat(stored.email()).isEqualTo("j***@example.com");
    assertThat(stored.cardNumber()).isEqualTo("****4242");
    assertThat(receipts.hookGuard.audit().tail(10))
        .extracting(entry -> entry.event().kind())
        .containsExactly(AuditEvent.Kind.RECEIVED);
    // The plain id is in the files (so the scan can find a value), the encrypted values are not.
    assertThat(receipts.databaseFilesContain("in_plain_1001")).isTrue();
    assertThat(receipts.databaseFilesContain(EMAIL)).isFalse();
    assertThat(receipts.databaseFilesContain(CARD)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Mount.class)
  void aForgedSignatureIs401AndStoresNothing(Mount mount) throws Exception {
    URI uri = serve(mount, receipts.receiver().allowPlainHttp().build());
    byte[] signed = Receipts.invoice("in_1", EMAIL, CARD);
    byte[] forged = Receipts.invoice("in_1", "mallory@example.com", CARD);

    HttpResponse<String> response = http.post(uri, receipts.signedHeaders("msg_1", signed), forged);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("REJECTED SIGNATURE_MISMATCH\n");
    assertThat(receipts.store.find("msg_1")).isEmpty();
    assertThat(receipts.handled).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Mount.class)
  void aRedeliveryIs200DuplicateAndNeitherHandledNorStoredAgain(Mount mount) throws Exception {
    URI uri = serve(mount, receipts.receiver().allowPlainHttp().build());
    byte[] body = Receipts.invoice("in_1", EMAIL, CARD);
    Map<String, List<String>> headers = receipts.signedHeaders("msg_1", body);

    HttpResponse<String> first = http.post(uri, headers, body);
    HttpResponse<String> again = http.post(uri, headers, body);

    assertThat(first.body()).isEqualTo("ACCEPTED\n");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEqualTo("DUPLICATE\n");
    assertThat(receipts.handled).containsExactly("msg_1");
    assertThat(receipts.hookGuard.audit().tail(10))
        .extracting(entry -> entry.event().kind())
        .containsExactly(AuditEvent.Kind.RECEIVED);
  }

  @ParameterizedTest
  @EnumSource(Mount.class)
  void theSameIdWithAnotherBodyIs409AndTheStoredRecordStays(Mount mount) throws Exception {
    URI uri = serve(mount, receipts.receiver().allowPlainHttp().build());
    byte[] body = Receipts.invoice("in_1", EMAIL, CARD);
    byte[] other = Receipts.invoice("in_2", EMAIL, CARD);

    http.post(uri, receipts.signedHeaders("msg_1", body), body);
    HttpResponse<String> conflict = http.post(uri, receipts.signedHeaders("msg_1", other), other);

    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.body()).isEqualTo("CONFLICT\n");
    assertThat(receipts.store.find("msg_1")).map(Invoice::id).contains("in_1");
    assertThat(receipts.handled).containsExactly("msg_1");
  }

  @ParameterizedTest
  @EnumSource(Mount.class)
  void everyMethodButPostIs405WithAllowPost(Mount mount) throws Exception {
    URI uri = serve(mount, receipts.receiver().allowPlainHttp().build());

    HttpResponse<String> get = http.send(HttpRequest.newBuilder(uri).GET().build());
    HttpResponse<String> put =
        http.send(HttpRequest.newBuilder(uri).PUT(HttpRequest.BodyPublishers.ofString("{}")).build());

    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).contains("POST");
    assertThat(get.body()).isEqualTo("METHOD_NOT_ALLOWED\n");
    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(put.headers().firstValue("Allow")).contains("POST");
  }

  @ParameterizedTest
  @EnumSource(Mount.class)
  void plainHttpIs403NotHttpsUnlessAllowed(Mount mount) throws Exception {
    URI uri = serve(mount, receipts.receiver().build());
    byte[] body = Receipts.invoice("in_1", EMAIL, CARD);

    HttpResponse<String> response = http.post(uri, receipts.signedHeaders("msg_1", body), body);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).isEqualTo("NOT_HTTPS\n");
    assertThat(response.headers().firstValue("Connection")).contains("close");
    assertThat(receipts.store.find("msg_1")).isEmpty();
  }

  @Test
  void toStringNamesTheReceiverOnly() {
    WebhookReceiver<Invoice> receiver = receipts.receiver().allowPlainHttp().build();

    assertThat(WebhookServlet.of(receiver).toString())
        .isEqualTo("WebhookServlet[WebhookReceiver[type=dev.hookguard.servlet.Invoice,"
            + " httpsRequired=false, maxBodyBytes=1048576]]");
    assertThat(WebhookFilter.of(receiver).toString())
        .isEqualTo("WebhookFilter[WebhookReceiver[type=dev.hookguard.servlet.Invoice,"
            + " httpsRequired=false, maxBodyBytes=1048576]]");
  }
}
