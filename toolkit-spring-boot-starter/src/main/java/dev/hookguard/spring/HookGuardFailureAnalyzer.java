package dev.hookguard.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows a {@link HookGuardConfigurationException} at startup as a description and an action. */
final class HookGuardFailureAnalyzer extends AbstractFailureAnalyzer<HookGuardConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, HookGuardConfigurationException cause) {
    return new FailureAnalysis(cause.description(), cause.action(), cause);
  }
}
