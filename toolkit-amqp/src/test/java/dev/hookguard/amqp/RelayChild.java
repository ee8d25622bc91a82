package dev.hookguard.amqp;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.outbox.OutboxPublisher;
import dev.hookguard.runtime.outbox.OutboxRelay;
import dev.hookguard.runtime.outbox.PublishResult;
import dev.hookguard.runtime.outbox.RelayOptions;
import java.nio.file.Path;

/**
 * The child JVM of {@link PostgresRelayKillTest}: a relay on the shared PostgreSQL whose broker
 * takes its first batch, after which it says so on standard output and hangs inside its
 * transaction (row locks held, nothing recorded), waiting to be killed.
 *
 * <p>Arguments: JDBC URL, master key file, AMQP URI, exchange.
 */
public final class RelayChild {

  private RelayChild() {}

  public static void main(String[] args) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(args[0]);
    config.setMaximumPoolSize(4);
    HookGuard hookGuard = HookGuard.builder().postgres(new HikariDataSource(config))
        .masterKey(MasterKey.localFile(Path.of(args[1]))).build();
    AmqpOutboxPublisher real = AmqpOutboxPublisher.builder(args[2]).exchange(args[3]).build();
    OutboxPublisher thenHang = messages -> {
      PublishResult result = real.publish(messages);
      System.out.println("PUBLISHED " + result.accepted().size());
      System.out.flush();
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return result;
    };
    OutboxRelay relay = hookGuard.outbox().relay(thenHang, RelayOptions.defaults().withBatchSize(10));
    relay.relayOnce();
  }
}
