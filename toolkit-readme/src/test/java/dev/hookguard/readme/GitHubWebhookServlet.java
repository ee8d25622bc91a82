package dev.hookguard.readme;

import static dev.hookguard.readme.Receivers.receiver;
import static dev.hookguard.readme.SpringMvcExample.headers;

import dev.hookguard.runtime.receiver.WebhookRequest;
import dev.hookguard.runtime.receiver.WebhookResponse;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;

/**
 * README, "Receiving webhooks": the Jakarta servlet, line for line; {@code receiver} comes from
 * {@link Receivers}, which the README leaves to the reader.
 */
@SuppressWarnings("serial")
@WebServlet("/webhooks/github")
public class GitHubWebhookServlet extends HttpServlet {
  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    byte[] body = request.getInputStream().readNBytes(receiver.maxBodyBytes() + 1);
    WebhookResponse answer = receiver.handle(new WebhookRequest(
        InetAddress.getByName(request.getRemoteAddr()), request.isSecure(), request.getMethod(),
        request.getRequestURI(), headers(request), body));   // headers(...) as above
    response.setStatus(answer.status());
    answer.headers().forEach(response::setHeader);
    response.getOutputStream().write(answer.bodyBytes());
  }
}
