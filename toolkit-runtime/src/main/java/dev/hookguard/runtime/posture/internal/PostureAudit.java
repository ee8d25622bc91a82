package dev.hookguard.runtime.posture.internal;

import dev.hookguard.runtime.posture.Finding;
import dev.hookguard.runtime.posture.Posture;
import dev.hookguard.runtime.posture.PosturePolicy;
import dev.hookguard.runtime.posture.PostureReport;
import dev.hookguard.runtime.posture.Severity;
import dev.hookguard.runtime.privacy.PrivacyManifest;
import dev.hookguard.runtime.privacy.PrivacyManifests;
import dev.hookguard.runtime.receiver.WebhookReceiver;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link Posture} of one store: the store's checks, then each receiver's. */
public final class PostureAudit implements Posture {

  private final StoreSetup store;
  private final PosturePolicy policy;
  private final Supplier<List<PrivacyManifest>> manifests;

  /** An audit of {@code store} under {@code policy}, reading the application's manifests. */
  public PostureAudit(StoreSetup store, PosturePolicy policy) {
    this(store, policy, PrivacyManifests::load);
  }

  private PostureAudit(
      StoreSetup store, PosturePolicy policy, Supplier<List<PrivacyManifest>> manifests) {
    this.store = Objects.requireNonNull(store, "store");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.manifests = manifests;
  }

  @Override
  public PostureReport check(Collection<? extends WebhookReceiver<?>> receivers) {
    Objects.requireNonNull(receivers, "receivers");
    List<PrivacyManifest> known = manifests.get();
    List<Finding> findings = new ArrayList<>();
    findings.addAll(ManifestChecks.check(known, policy));
    findings.addAll(new StoreChecks(store, policy).check());
    if (receivers.isEmpty()) {
      findings.add(new Finding("receiver.none-checked", Severity.INFO, "receivers",
          "No receiver was given, so HTTPS, signatures, replay protection, allow-lists and rate"
              + " limits were not checked.",
          "Pass the application's receivers: posture().check(receiver, ...)."));
    }
    for (WebhookReceiver<?> receiver : receivers) {
      findings.addAll(
          ReceiverChecks.check(receiver, policy, retentionOf(known, receiver.payloadType())));
    }
    return PostureReport.of(store.clock().instant(), findings);
  }

  /**
   * The retention of the payload type a receiver names (qualified, as receipts name it, or simple,
   * as a sink's receiver does): empty if the manifests do not know it, else its days (an empty
   * inner value: kept without limit).
   */
  private static Optional<java.util.OptionalInt> retentionOf(
      List<PrivacyManifest> manifests, String payloadType) {
    return manifests.stream()
        .flatMap(m -> m.types().stream())
        .filter(t -> t.name().equals(payloadType) || t.simpleName().equals(payloadType))
        .map(PrivacyManifest.PayloadType::retentionDays)
        .findFirst();
  }

  @Override
  public PosturePolicy policy() {
    return policy;
  }

  @Override
  public Posture withPolicy(PosturePolicy policy) {
    return new PostureAudit(store, Objects.requireNonNull(policy, "policy"), manifests);
  }

  @Override
  public Posture withManifests(List<PrivacyManifest> manifests) {
    List<PrivacyManifest> copy = List.copyOf(manifests);
    return new PostureAudit(store, policy, () -> copy);
  }

  @Override
  public String toString() {
    return "Posture[" + store.database() + "]";
  }
}
