package dev.hookguard.spring;

import java.util.Objects;

/**
 * HookGuard's settings cannot work as given. Spring Boot reports it at startup as a failure with
 * a description and the action to take ({@link HookGuardFailureAnalyzer}). Its messages name
 * properties and beans, never a secret.
 */
public final class HookGuardConfigurationException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final String action;

  /**
   * @param description what is wrong
   * @param action what to set or define to fix it
   */
  public HookGuardConfigurationException(String description, String action) {
    super(description + " " + action);
    this.action = Objects.requireNonNull(action, "action");
  }

  /** What is wrong, without the action. */
  public String description() {
    String message = getMessage();
    return message.substring(0, message.length() - action.length() - 1);
  }

  /** What to set or define to fix it. */
  public String action() {
    return action;
  }
}
