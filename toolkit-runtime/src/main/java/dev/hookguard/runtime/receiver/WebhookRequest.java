package dev.hookguard.runtime.receiver;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A webhook request as a web framework hands it over, before anything about it is trusted.
 *
 * <p>The header map is copied (names and order kept, {@code null} names and values dropped) and
 * unmodifiable. The body array is not copied, to spare a copy of every payload: the request takes
 * it over, and neither the caller nor a reader should change it. {@link #toString()} shows only
 * the method, the TLS flag and sizes: never the address, the path (a query string may hold a
 * token), a header value or the body.
 *
 * @param remoteAddress the address of the connection's peer (a proxy, if there is one)
 * @param secure whether the connection itself was TLS
 * @param method the HTTP method, such as {@code POST}
 * @param path the request path, as received
 * @param headers header names (any letter case) to their values, in order
 * @param body the raw body, exactly as received
 */
public record WebhookRequest(
    InetAddress remoteAddress,
    boolean secure,
    String method,
    String path,
    Map<String, List<String>> headers,
    byte[] body) {

  /** Checks that every component is present and copies the headers. */
  public WebhookRequest {
    Objects.requireNonNull(remoteAddress, "remoteAddress");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    headers = copy(Objects.requireNonNull(headers, "headers"));
    Objects.requireNonNull(body, "body");
  }

  static Map<String, List<String>> copy(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach(
        (name, values) -> {
          if (name != null && values != null) {
            List<String> kept = new ArrayList<>(values.size());
            for (String value : values) {
              if (value != null) {
                kept.add(value);
              }
            }
            copy.put(name, List.copyOf(kept));
          }
        });
    return Collections.unmodifiableMap(copy);
  }

  @Override
  public String toString() {
    return "WebhookRequest[method=" + method + ", secure=" + secure + ", headers=" + headers.size()
        + ", body=" + body.length + " bytes]";
  }
}
