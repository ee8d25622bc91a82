package dev.hookguard.readme;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditCheckpoint;
import dev.hookguard.runtime.posture.Finding;
import dev.hookguard.runtime.posture.PosturePolicy;
import dev.hookguard.runtime.posture.PostureReport;
import dev.hookguard.runtime.posture.Severity;
import dev.hookguard.runtime.receiver.WebhookReceiver;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The README's posture audit example, run by {@link PostureExampleTest}. */
final class PostureExample {

  private static final Logger log = LoggerFactory.getLogger(PostureExample.class);

  private PostureExample() {}

  static boolean healthy(HookGuard hookGuard, WebhookReceiver<?> stripeReceiver,
      WebhookReceiver<?> githubReceiver, String lastExported) {
    PostureReport report = hookGuard.posture(PosturePolicy.defaults()
            .withKeyRotation(Duration.ofDays(180))
            .withLastExportedCheckpoint(AuditCheckpoint.parse(lastExported)))
        .check(stripeReceiver, githubReceiver);
    for (Finding finding : report.atLeast(Severity.MEDIUM)) {
      log.warn("{}", finding);   // HIGH https.not-required (receiver …): … Fix: …
    }
    return !report.hasHigh();
  }
}
