package dev.hookguard.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** What the adapter does when something unexpected throws, and what it logs then. */
class ServletFailureTest {

  private static final String MARKER = "SENSITIVE-5521";

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(Mount.class)
  void anUnexpectedExceptionIs500AndItsMessageIsNeitherAnsweredNorLogged(Mount mount)
      throws Exception {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    HttpResponse<String> response;
    try (Receipts receipts = new Receipts(folder);
        Jetty jetty =
            Jetty.serve(mount, receipts.receiver().allowPlainHttp().build())
                .filter(new Filters.FailingBody(MARKER))
                .start()) {
      byte[] body = Receipts.invoice("in_1", "a@example.com", "4242424242424242");
      // slf4j-simple writes to whatever System.err is when it logs.
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      try {
        response = Http.plain().post(jetty.http(), receipts.signedHeaders("msg_1", body), body);
      } finally {
        System.setErr(err);
      }
      assertThat(receipts.store.find("msg_1")).isEmpty();
    }

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("Connection")).contains("close");
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("webhook adapter failed: error=java.lang.IllegalStateException");
    assertThat(log).doesNotContain(MARKER);
  }

  @ParameterizedTest
  @EnumSource(Mount.class)
  void aMalformedChunkedBodyIsLeftToTheContainerAndNothingIsStored(Mount mount) throws Exception {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    String head;
    try (Receipts receipts = new Receipts(folder);
        Jetty jetty = Jetty.serve(mount, receipts.receiver().allowPlainHttp().build()).start();
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), jetty.httpPort())) {
      socket.setSoTimeout(10_000);
      byte[] body = Receipts.invoice("in_1", "a@example.com", "4242424242424242");
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      try {
        OutputStream out = socket.getOutputStream();
        out.write(Http.head("POST " + Jetty.PATH + " HTTP/1.1", receipts.signedHeaders("msg_1", body),
            "Transfer-Encoding: chunked"));
        // A chunk, then a chunk size that is not hexadecimal.
        out.write("10\r\n0123456789abcdef\r\nzz\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        head = Http.readHead(socket.getInputStream());
      } finally {
        System.setErr(err);
      }
      assertThat(receipts.store.find("msg_1")).isEmpty();
      assertThat(receipts.handled).isEmpty();
    }

    // The body could not be read (an IOException): Jetty answers it, the adapter logs nothing.
    assertThat(head).startsWith("HTTP/1.1 400 ");
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("webhook adapter failed");
  }
}
