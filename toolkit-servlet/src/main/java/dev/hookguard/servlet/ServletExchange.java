package dev.hookguard.servlet;

import dev.hookguard.runtime.receiver.Admission;
import dev.hookguard.runtime.receiver.WebhookReceiver;
import dev.hookguard.runtime.receiver.WebhookResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request answered through a receiver, the same for {@link WebhookServlet} and {@link
 * WebhookFilter}: admit on what needs no body, read at most the limit plus one byte, receive,
 * write the answer.
 */
final class ServletExchange {

  private static final Logger LOG = LoggerFactory.getLogger("dev.hookguard.receiver");

  /** What is answered to a peer address that is not an IP literal. */
  private static final WebhookResponse ADDRESS_UNRESOLVED =
      new WebhookResponse(
          403,
          Map.of(
              "Content-Type", "text/plain; charset=utf-8",
              "Cache-Control", "no-store",
              "Connection", "close"),
          "ADDRESS_UNRESOLVED\n");

  private ServletExchange() {}

  /**
   * Answers {@code request} through {@code receiver}. An unexpected {@link RuntimeException} is
   * answered 500 (if nothing was sent yet) and logged by class name only; an {@link IOException}
   * while reading or writing is left to the container.
   */
  static void serve(
      WebhookReceiver<?> receiver, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    WebhookResponse answer;
    try {
      answer = answer(receiver, request);
    } catch (RuntimeException e) {
      failed(response, e);
      return;
    }
    try {
      write(response, answer);
    } catch (RuntimeException e) {
      failed(response, e);
    }
  }

  private static WebhookResponse answer(WebhookReceiver<?> receiver, HttpServletRequest request)
      throws IOException {
    Optional<InetAddress> peer = PeerAddress.parse(request.getRemoteAddr());
    if (peer.isEmpty()) {
      // Debug only: a client that reaches a forwarding container can cause this at will.
      LOG.debug("webhook refused: type={} outcome=ADDRESS_UNRESOLVED status=403 (peer address"
          + " is not an IP literal)", receiver.payloadType());
      return ADDRESS_UNRESOLVED;
    }
    Admission admission =
        receiver.admit(peer.get(), request.isSecure(), request.getMethod(), headers(request));
    if (admission instanceof Admission.Refused refused) {
      return refused.response();
    }
    Admission.Admitted admitted = (Admission.Admitted) admission;
    // readNBytes reads in small chunks: a body is held only as far as it was really sent.
    byte[] body = request.getInputStream().readNBytes(admitted.maxBodyBytes() + 1);
    return body.length > admitted.maxBodyBytes() ? admitted.tooLarge() : admitted.receive(body);
  }

  private static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    Enumeration<String> names = request.getHeaderNames();
    if (names == null) { // a container may refuse to tell
      return headers;
    }
    for (String name : Collections.list(names)) {
      Enumeration<String> values = request.getHeaders(name);
      headers.put(name, values == null ? List.of() : Collections.list(values));
    }
    return headers;
  }

  private static void write(HttpServletResponse response, WebhookResponse answer)
      throws IOException {
    response.setStatus(answer.status());
    answer.headers().forEach(response::setHeader);
    byte[] body = answer.bodyBytes();
    response.setContentLength(body.length);
    OutputStream out = response.getOutputStream();
    out.write(body);
    out.flush();
  }

  private static void failed(HttpServletResponse response, RuntimeException e) {
    LOG.error("webhook adapter failed: error={}", e.getClass().getName());
    if (!response.isCommitted()) {
      response.reset();
      response.setStatus(500);
      response.setHeader("Cache-Control", "no-store");
      // The body may be unread: it must not be taken for the client's next request.
      response.setHeader("Connection", "close");
      response.setContentLength(0);
    }
  }
}
