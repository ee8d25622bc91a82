package dev.hookguard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.crypto.ReencryptionReport;
import dev.hookguard.runtime.generated.FieldSpec;
import dev.hookguard.runtime.generated.GeneratedStores;
import dev.hookguard.runtime.generated.PayloadTable;
import dev.hookguard.runtime.generated.Protection;
import dev.hookguard.runtime.generated.StoreSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-encryption on PostgreSQL with a pool of one connection: records whose fields sit under
 * retention day keys must move to the new keys without a batch ever waiting for a second
 * connection (which, with the pool exhausted, would never come).
 */
class ReencryptionOnOneConnectionTest {

  private static final StoreSchema SCHEMA = new StoreSchema("Order", OptionalInt.of(30), List.of(
      new FieldSpec("id", null, Protection.PLAIN, OptionalInt.empty()),
      new FieldSpec("card", Category.FINANCIAL, Protection.RANDOMIZED, OptionalInt.of(7))));

  @Test
  void reencryptsDayKeyedRecordsWithASingleConnection(@TempDir Path dir) throws Exception {
    try (PostgresBackend backend = new PostgresBackend(dir)) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(backend.jdbcUrl());
      config.setMaximumPoolSize(1);
      config.setConnectionTimeout(3_000); // a nested wait fails in seconds, not never
      MasterKey masterKey = MasterKey.localFile(dir.resolve("master.key"));
      try (HookGuard writer = HookGuard.builder().postgres(backend.dataSource())
          .masterKey(masterKey).build()) {
        PayloadTable table = GeneratedStores.table(writer, SCHEMA);
        for (int i = 0; i < 5; i++) {
          table.put("order-" + i, Map.of("id", "\"order-" + i + "\"", "card", "\"4242-" + i + "\""),
              false);
        }
      }
      // A fresh instance, its day-key cache empty, on a pool of one connection.
      try (HikariDataSource pool = new HikariDataSource(config);
          HookGuard hookGuard = HookGuard.builder().postgres(pool).masterKey(masterKey).build()) {
        PayloadTable table = GeneratedStores.table(hookGuard, SCHEMA);
        hookGuard.keys().rotate();

        ReencryptionReport report = hookGuard.keys().reencrypt(progress -> {});

        assertThat(report.reencrypted()).isEqualTo(5);
        assertThat(report.remaining()).isZero();
        assertThat(table.get("order-3").orElseThrow().fieldJson()).containsEntry("card", "\"4242-3\"");
      }
    }
  }
}
