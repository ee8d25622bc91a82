package dev.hookguard.runtime.outbox;

import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A broker's answer to one {@link OutboxPublisher#publish} call, by {@link
 * OutboxMessage#sequence()}. A message in neither set was not answered and is published again.
 *
 * @param accepted durably accepted by the broker: the relay deletes these rows
 * @param refused refused by the broker: retried with backoff, then dead-lettered
 */
public record PublishResult(Set<Long> accepted, Set<Long> refused) {

  /**
   * Checks and copies the components.
   *
   * @throws IllegalArgumentException if a message is both accepted and refused
   */
  public PublishResult {
    accepted = Set.copyOf(accepted);
    refused = Set.copyOf(refused);
    Set<Long> both = new HashSet<>(accepted);
    both.retainAll(refused);
    if (!both.isEmpty()) {
      throw new IllegalArgumentException("a message is both accepted and refused");
    }
  }

  /** Every one of {@code messages} accepted. */
  public static PublishResult allAccepted(Collection<OutboxMessage> messages) {
    Objects.requireNonNull(messages, "messages");
    Set<Long> all = new HashSet<>();
    messages.forEach(m -> all.add(m.sequence()));
    return new PublishResult(all, Set.of());
  }
}
