package dev.hookguard.runtime.posture;

import dev.hookguard.runtime.privacy.PrivacyManifest;
import dev.hookguard.runtime.receiver.WebhookReceiver;
import java.util.Collection;
import java.util.List;

/**
 * The posture audit of one store, from {@code hookGuard.posture()} or {@code
 * hookGuard.posture(policy)}: checks the store and the receivers given to {@link #check} against
 * the practices, and reports what falls short.
 *
 * <pre>{@code
 * PostureReport report = hookGuard.posture().check(orderReceiver, refundReceiver);
 * if (report.hasHigh()) {
 *   report.atLeast(Severity.HIGH).forEach(finding -> log.error("{}", finding));
 * }
 * }</pre>
 *
 * <p>The store's checks: every payload type of the application's privacy manifests under a
 * retention, and no property named like personal data left undecided; the last retention sweep
 * recent; the data keys rotated within the policy; the master key not kept beside the data;
 * the SQLite files (database, WAL, shared memory, retention keys, development master key) owner
 * only; the audit trail intact, through the last exported checkpoint, and nothing in it left
 * uncovered for long. Each receiver's: HTTPS required, a known signature scheme with long enough
 * secrets and a tolerance within the policy, replay protection that outlasts the tolerance (or,
 * without a signed timestamp, the records), an IP allow-list, a rate limit.
 *
 * <p>Thread-safe; every check reads the state of the moment it runs. An audit records nothing
 * of its own (verifying the trail links the entries already queued, as {@code verify()} does).
 */
public interface Posture {

  /** Checks the store and {@code receivers}; with none, the store alone (and says so). */
  PostureReport check(Collection<? extends WebhookReceiver<?>> receivers);

  /** Checks the store and {@code receivers}; see {@link #check(Collection)}. */
  default PostureReport check(WebhookReceiver<?>... receivers) {
    return check(List.of(receivers));
  }

  /** The policy this audit holds the configuration to. */
  PosturePolicy policy();

  /** This audit under {@code policy}. */
  Posture withPolicy(PosturePolicy policy);

  /**
   * This audit reading {@code manifests} instead of those visible to the application ({@code
   * PrivacyManifests.load()}, the default).
   */
  Posture withManifests(List<PrivacyManifest> manifests);
}
