package dev.hookguard.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/** Test filters that stand between Jetty and the servlet, to see or break what it reads. */
final class Filters {

  private Filters() {}

  /** Counts the body bytes the servlet reads from {@code getInputStream()}. */
  static final class CountingBody implements Filter {

    final AtomicLong bytesRead = new AtomicLong();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      chain.doFilter(
          new HttpServletRequestWrapper((HttpServletRequest) request) {
            @Override
            public ServletInputStream getInputStream() throws IOException {
              return new Counting(super.getInputStream(), bytesRead);
            }
          },
          response);
    }
  }

  /** Asks for a request parameter, as many a logging, security or method-override filter does. */
  static final class ReadsParameters implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      request.getParameter("_method");
      chain.doFilter(request, response);
    }
  }

  /** Makes {@code getInputStream()} fail with an exception whose message holds {@code secret}. */
  static final class FailingBody implements Filter {

    private final String secret;

    FailingBody(String secret) {
      this.secret = secret;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      chain.doFilter(
          new HttpServletRequestWrapper((HttpServletRequest) request) {
            @Override
            public ServletInputStream getInputStream() {
              throw new IllegalStateException("body begins with " + secret);
            }
          },
          response);
    }
  }

  private static final class Counting extends ServletInputStream {

    private final ServletInputStream in;
    private final AtomicLong count;

    Counting(ServletInputStream in, AtomicLong count) {
      this.in = in;
      this.count = count;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count.addAndGet(n);
      }
      return n;
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}
