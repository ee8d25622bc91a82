package dev.hookguard.readme;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditEntry;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.store.Accessor;
import dev.hookguard.runtime.store.Revealed;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The README's examples of the core API's finer points (keys handed over in code, reveals that
 * tell expired fields, the whole audit trail, proxies, drivers, clocks), each in a method whose
 * parameters are what the README leaves to the reader. {@link ReadmeExamplesTest} checks that
 * every README block is here, line for line.
 */
@SuppressWarnings({"unused", "UnusedVariable"})
final class CoreApiExamples {

  private CoreApiExamples() {}

  // "What the store does"

  static void revealWithExpiry(CustomerStore store, String messageId, Accessor support) {
    Revealed<Customer> revealed = store.revealWithExpiry(messageId, support, "refund #77").orElseThrow();
    if (revealed.isExpired("note")) {           // past its 30 days: gone, not a null from the sender
      show(revealed.value(), "note: expired");
    }
  }

  // "The audit trail"

  static void auditEntries(HookGuard hookGuard, Consumer<AuditEntry> export, long lastExported) {
    try (Stream<AuditEntry> entries = hookGuard.audit().entries()) {   // the whole trail, 500 at a time
      entries.filter(e -> e.event().kind() == AuditEvent.Kind.REVEAL_DENIED).forEach(export);
    }
    List<AuditEntry> next = hookGuard.audit().page(lastExported, 1_000);   // resume an export
  }

  private static void show(Customer customer, String remark) {}
}
