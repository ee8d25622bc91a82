package dev.hookguard.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.receiver.RateLimit;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.samples.Databases;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample server over real loopback HTTPS, one request per status code, on SQLite and on
 * PostgreSQL: 200 only once the record is stored, and each refusal with its status and reason.
 */
@org.junit.jupiter.api.extension.ExtendWith(ThreadDumpOnTimeout.class)
class SampleServerTest {

  private static final int MAX_BODY = 32 * 1024;

  @TempDir
  static Path folder;

  static Stream<Arguments> backends() throws Exception {
    return Stream.of(
        Arguments.of(new Databases.Sqlite(folder.resolve("sqlite-" + System.nanoTime()))),
        Arguments.of(new Databases.Postgres(folder.resolve("pg-" + System.nanoTime()))));
  }

  private record Running(HookGuard hookGuard, SampleReceivers.Stores stores, SampleServer server,
      Sender sender) implements AutoCloseable {
    @Override
    public void close() {
      server.close();
      hookGuard.close();
    }
  }

  private static Running start(Databases db, Workspace workspace, RateLimit perSource)
      throws Exception {
    HookGuard hookGuard = db.open();
    SampleReceivers.Stores stores = SampleReceivers.Stores.of(hookGuard);
    SampleReceivers.Settings settings = new SampleReceivers.Settings(
        List.of("127.0.0.0/8", "::1/128"), List.of("127.0.0.1/32", "::1/128"), false, MAX_BODY,
        perSource, hookGuard.audit().receiptListener());
    SampleServer server = SampleServer.start(new InetSocketAddress("localhost", 0),
        workspace.serverTls(), SampleReceivers.create(hookGuard, stores, workspace.secrets(),
            settings));
    return new Running(hookGuard, stores, server,
        new Sender(server.baseUri(), workspace.clientTls(), workspace.secrets()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void everyStatusCodeOverHttps(Databases db) throws Exception {
    Workspace workspace = new Workspace(folder.resolve("workspace"));
    try (Running running = start(db, workspace, RateLimit.of(100, Duration.ofSeconds(1)))) {
      Sender sender = running.sender();
      assertThat(sender.send(Provider.SHOPIFY, Scenario.VALID, MAX_BODY))
          .isEqualTo(new Sender.Result(200, "ACCEPTED"));
      assertThat(running.stores().shopify().findByEmail("jon.doe@example.com")).hasSize(1);
      assertThat(sender.send(Provider.STRIPE, Scenario.VALID, MAX_BODY).status()).isEqualTo(200);
      assertThat(running.stores().stripe().find("evt_1QhgTm2eZvKYlo2CxW4h0nMd")).isPresent();

      assertThat(sender.send(Provider.GITHUB, Scenario.MALFORMED, MAX_BODY))
          .isEqualTo(new Sender.Result(400, "REJECTED MALFORMED_PAYLOAD"));
      assertThat(sender.send(Provider.STRIPE, Scenario.FORGED, MAX_BODY))
          .isEqualTo(new Sender.Result(401, "REJECTED SIGNATURE_MISMATCH"));
      assertThat(sender.send(Provider.STRIPE, Scenario.STALE, MAX_BODY))
          .isEqualTo(new Sender.Result(401, "REJECTED TIMESTAMP_TOO_OLD"));
      assertThat(sender.send(Provider.GITHUB, Scenario.UNSIGNED, MAX_BODY))
          .isEqualTo(new Sender.Result(401, "REJECTED MISSING_HEADER"));
      assertThat(sender.send(Provider.SHOPIFY, Scenario.DISALLOWED, MAX_BODY).status()).isEqualTo(403);
      // A replay of a stored event changes nothing and is answered 2xx, so a provider whose
      // earlier 2xx was lost stops retrying; another body under a stored id is a conflict.
      assertThat(sender.send(Provider.GITHUB, Scenario.REPLAYED, MAX_BODY))
          .isEqualTo(new Sender.Result(200, "DUPLICATE"));
      assertThat(sender.send(Provider.GITHUB, Scenario.CONFLICTING, MAX_BODY))
          .isEqualTo(new Sender.Result(409, "CONFLICT"));
      // Stripe has no message id header: the event id, already stored above, is the key.
      assertThat(sender.send(Provider.STRIPE, Scenario.VALID, MAX_BODY))
          .isEqualTo(new Sender.Result(200, "DUPLICATE"));
      assertThat(sender.send(Provider.SHOPIFY, Scenario.OVERSIZED, MAX_BODY).status()).isEqualTo(413);

      // Every answer but the rate limit's is on the audit trail, and the chain verifies.
      assertThat(running.hookGuard().audit().tail(100))
          .extracting(entry -> entry.event().kind())
          .contains(AuditEvent.Kind.RECEIVED, AuditEvent.Kind.REJECTED);
      assertThat(running.hookGuard().audit().verify().ok()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("postgres")
  void twoInstancesOnOneDatabaseAcceptAMessageIdOnce(Databases db) throws Exception {
    Workspace workspace = new Workspace(folder.resolve("workspace"));
    try (Running first = start(db, workspace, RateLimit.of(100, Duration.ofSeconds(1)));
        Running second = start(db, workspace, RateLimit.of(100, Duration.ofSeconds(1)))) {
      for (Provider provider : Provider.values()) {
        Sender.Signed signed = first.sender().sign(provider, Scenario.VALID, MAX_BODY);
        assertThat(first.sender().post(signed).status()).as(provider.label()).isEqualTo(200);
        assertThat(second.sender().post(signed))
            .as(provider.label()).isEqualTo(new Sender.Result(200, "DUPLICATE"));
      }
      // One record and one RECEIVED entry per event, whichever instance answered.
      assertThat(second.hookGuard().audit().tail(100))
          .filteredOn(entry -> entry.event().kind() == AuditEvent.Kind.RECEIVED)
          .hasSize(Provider.values().length);
      assertThat(second.hookGuard().audit().verify().ok()).isTrue();
    }
  }

  static Stream<Arguments> postgres() throws Exception {
    return Stream.of(Arguments.of(new Databases.Postgres(folder.resolve("pg2-" + System.nanoTime()))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void burstOverTheRateLimitIsRefusedWithRetryAfter(Databases db) throws Exception {
    Workspace workspace = new Workspace(folder.resolve("workspace"));
    try (Running running = start(db, workspace, RateLimit.of(2, Duration.ofMinutes(1)))) {
      Sender sender = running.sender();
      assertThat(sender.send(Provider.GITHUB, Scenario.VALID, MAX_BODY).status()).isEqualTo(200);
      assertThat(sender.send(Provider.GITHUB, Scenario.VALID, MAX_BODY).status()).isEqualTo(200);
      assertThat(sender.send(Provider.GITHUB, Scenario.VALID, MAX_BODY).status()).isEqualTo(429);
    }
  }
}
