package dev.hookguard.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one kept-alive socket, for one benchmark thread: it writes a whole
 * request in one {@code write} (TCP_NODELAY on) and reads the status line, the headers and a
 * {@code Content-Length} body. No pool, no selector thread, no per-request objects beyond the
 * request buffer: on a 2-core machine the client must cost the server as little CPU as possible,
 * and each thread must keep exactly one connection open (the JDK's {@code HttpURLConnection}
 * caches only {@code http.maxConnections}, 5 by default, idle connections per host; {@code
 * java.net.http.HttpClient} adds a selector thread per client).
 *
 * <p>It speaks only what the JDK's {@code HttpServer} answers a webhook with (a fixed-length
 * body); anything else, such as a chunked answer, is an error, not silently mis-read. A response
 * with {@code Connection: close} closes the socket and the next request opens a new one. A
 * request is never retried: a retry would be a redelivery, which a receiver may answer without
 * storing anything.
 */
final class LoopbackClient implements AutoCloseable {

  /** A response: its status and body (the body is short text, kept for error messages). */
  record Response(int status, String body) {}

  private static final int MAX_HEADER_BYTES = 16 * 1024;
  private static final int MAX_BODY_BYTES = 64 * 1024;

  private final InetSocketAddress address;
  private Socket socket;
  private OutputStream out;
  private InputStream in;
  private byte[] buffer = new byte[8 * 1024];
  private long connections;

  LoopbackClient(InetSocketAddress address) {
    this.address = address;
  }

  /** How many connections this client has opened so far (1 when keep-alive holds throughout). */
  long connections() {
    return connections;
  }

  /**
   * Sends {@code head} (request line and headers, each ending in CRLF, without the blank line)
   * and {@code body}, then reads the response.
   */
  Response post(byte[] head, byte[] body) throws IOException {
    if (socket == null) {
      connect();
    }
    int length = head.length + 2 + body.length;
    if (buffer.length < length) {
      buffer = new byte[length];
    }
    System.arraycopy(head, 0, buffer, 0, head.length);
    buffer[head.length] = '\r';
    buffer[head.length + 1] = '\n';
    System.arraycopy(body, 0, buffer, head.length + 2, body.length);
    try {
      out.write(buffer, 0, length);
      out.flush();
      return read();
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  private void connect() throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.setKeepAlive(true);
    s.connect(address, 5_000);
    s.setSoTimeout(60_000);
    socket = s;
    out = s.getOutputStream();
    in = new BufferedInputStream(s.getInputStream(), 8 * 1024);
    connections++;
  }

  private Response read() throws IOException {
    String statusLine = line();
    // "HTTP/1.1 200 OK"
    if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
      throw new IOException("not an HTTP/1.x status line: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long contentLength = -1;
    boolean close = statusLine.startsWith("HTTP/1.0");
    int headerBytes = statusLine.length();
    for (String line = line(); !line.isEmpty(); line = line()) {
      headerBytes += line.length();
      if (headerBytes > MAX_HEADER_BYTES) {
        throw new IOException("response headers too large");
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IOException("malformed response header: " + line);
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> contentLength = Long.parseLong(value);
        case "transfer-encoding" ->
            throw new IOException("unexpected Transfer-Encoding: " + value);
        case "connection" -> close |= value.equalsIgnoreCase("close");
        default -> {}
      }
    }
    if (contentLength < 0 || contentLength > MAX_BODY_BYTES) {
      throw new IOException("unexpected Content-Length: " + contentLength);
    }
    byte[] body = in.readNBytes((int) contentLength);
    if (body.length != contentLength) {
      throw new EOFException("response body cut short");
    }
    if (close) {
      close();
    }
    return new Response(status, new String(body, StandardCharsets.UTF_8));
  }

  /** One CRLF-terminated line, without the CRLF. */
  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed by the server");
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
      }
      if (line.size() > MAX_HEADER_BYTES) {
        throw new IOException("response line too long");
      }
      line.write(b);
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing: nothing to do.
      }
      socket = null;
      out = null;
      in = null;
    }
  }
}
