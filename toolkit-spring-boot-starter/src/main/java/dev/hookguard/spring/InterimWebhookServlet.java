package dev.hookguard.spring;

import dev.hookguard.runtime.receiver.Admission;
import dev.hookguard.runtime.receiver.WebhookReceiver;
import dev.hookguard.runtime.receiver.WebhookResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INTERIM: the minimal servlet adapter the starter needs until {@code hookguard-servlet}'s {@code
 * WebhookServlet} lands; to be replaced by it. Runs the checks that need no body ({@code
 * receiver.admit}) before reading a byte of it, then reads at most the limit plus one byte.
 */
final class InterimWebhookServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger("dev.hookguard.receiver");

  private final transient WebhookReceiver<?> receiver;

  private InterimWebhookServlet(WebhookReceiver<?> receiver) {
    this.receiver = receiver;
  }

  static InterimWebhookServlet of(WebhookReceiver<?> receiver) {
    return new InterimWebhookServlet(receiver);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    WebhookResponse answer;
    try {
      answer = answer(request);
    } catch (RuntimeException e) {
      LOG.error("webhook adapter failed: error={}", e.getClass().getName());
      if (!response.isCommitted()) {
        response.setStatus(500);
      }
      return;
    }
    response.setStatus(answer.status());
    answer.headers().forEach(response::setHeader);
    byte[] body = answer.bodyBytes();
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private WebhookResponse answer(HttpServletRequest request) throws IOException {
    Admission admission = receiver.admit(
        InetAddress.getByName(request.getRemoteAddr()), request.isSecure(), request.getMethod(),
        headers(request));
    if (admission instanceof Admission.Refused refused) {
      return refused.response();
    }
    Admission.Admitted admitted = (Admission.Admitted) admission;
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(admitted.maxBodyBytes() + 1);
    }
    return body.length > admitted.maxBodyBytes() ? admitted.tooLarge() : admitted.receive(body);
  }

  private static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, Collections.list(request.getHeaders(name)));
    }
    return headers;
  }
}
