package dev.hookguard.runtime.receiver;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger with every level enabled that keeps each formatted line, throwables included. */
final class CapturingLogger extends LegacyAbstractLogger {

  private static final long serialVersionUID = 1L;

  private final List<String> lines = new ArrayList<>();

  CapturingLogger() {
    this.name = "test";
  }

  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  protected synchronized void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    String line = level + " " + MessageFormatter.basicArrayFormat(pattern, arguments);
    if (throwable != null) {
      line += " " + throwable;
    }
    lines.add(line);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  public boolean isTraceEnabled() {
    return true;
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }
}
