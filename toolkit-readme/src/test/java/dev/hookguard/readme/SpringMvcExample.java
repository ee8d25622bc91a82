package dev.hookguard.readme;

import dev.hookguard.runtime.receiver.WebhookReceiver;
import dev.hookguard.runtime.receiver.WebhookRequest;
import dev.hookguard.runtime.receiver.WebhookResponse;
import dev.hookguard.samples.github.GitHubPush;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;

/** README, "Receiving webhooks": the Spring MVC controller method and its header helper. */
final class SpringMvcExample {

  private final WebhookReceiver<GitHubPush> receiver;

  SpringMvcExample(WebhookReceiver<GitHubPush> receiver) {
    this.receiver = receiver;
  }

  @PostMapping("/webhooks/github")
  ResponseEntity<String> github(HttpServletRequest request) throws IOException {
    byte[] body = request.getInputStream().readNBytes(receiver.maxBodyBytes() + 1);
    WebhookResponse answer = receiver.handle(new WebhookRequest(
        InetAddress.getByName(request.getRemoteAddr()), request.isSecure(), request.getMethod(),
        request.getRequestURI(), headers(request), body));
    return ResponseEntity.status(answer.status())
        .headers(h -> answer.headers().forEach(h::add)).body(answer.body());
  }

  static Map<String, List<String>> headers(HttpServletRequest request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, Collections.list(request.getHeaders(name)));
    }
    return headers;
  }
}
