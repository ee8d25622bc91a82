package dev.hookguard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.generated.GeneratedStores;
import dev.hookguard.runtime.generated.StoreSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The behavioural suite on a SQLite file in a temporary directory. */
class SqlitePayloadTableTest extends PayloadTableContract {

  @Override
  StoreBackend newBackend(Path directory) {
    return new SqliteBackend(directory);
  }

  @Test
  void databaseIsInWalMode() throws Exception {
    try (Connection raw = backend.rawConnection();
        Statement statement = raw.createStatement();
        ResultSet row = statement.executeQuery("PRAGMA journal_mode")) {
      row.next();
      assertThat(row.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void lookUpByValueIsAnIndexSearchNotATableScan() throws Exception {
    String token = "X'" + "00".repeat(32) + "'";
    try (Connection raw = backend.rawConnection();
        Statement explain = raw.createStatement()) {
      StringBuilder plan = new StringBuilder();
      try (ResultSet rows =
          explain.executeQuery(
              "EXPLAIN QUERY PLAN SELECT record_id FROM hg_fields WHERE payload_type = '"
                  + TYPE
                  + "' AND path = 'email' AND lookup_token IN ("
                  + token
                  + ", "
                  + token
                  + ")")) {
        while (rows.next()) {
          plan.append(rows.getString(4)).append('\n');
        }
      }
      assertThat(plan.toString()).contains("hg_fields_lookup").doesNotContain("SCAN hg_fields");
    }
  }

  @Test
  void aPayloadTypeOpensWithOneSchemaOnly() {
    assertThat(GeneratedStores.table(hookGuard, SCHEMA).schema()).isEqualTo(SCHEMA);
    StoreSchema changed =
        new StoreSchema(TYPE, java.util.OptionalInt.empty(), SCHEMA.fields());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GeneratedStores.table(hookGuard, changed))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(TYPE);
  }

  @Test
  void builderNeedsADatabaseAndTheDatabasesMasterKey() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> dev.hookguard.runtime.HookGuard.builder().masterKey(masterKey).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("database");
    // A development key file cannot unwrap the keyring this database was created with:
    // refused, nothing opened.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> backend.configure(dev.hookguard.runtime.HookGuard.builder())
                .developmentMasterKey().build())
        .isInstanceOfSatisfying(dev.hookguard.runtime.crypto.KeyException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.reason())
                .isEqualTo(dev.hookguard.runtime.crypto.KeyException.Reason.KEYSET_UNREADABLE));
  }

  @Test
  void migratingAgainChangesNothing() throws Exception {
    try (var second = newInstance();
        Connection raw = backend.rawConnection();
        java.sql.Statement statement = raw.createStatement();
        ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM hg_schema_migrations")) {
      row.next();
      assertThat(row.getInt(1))
          .isEqualTo(dev.hookguard.runtime.internal.schema.Migrations.latestVersion());
      assertThat(second.keys().generation()).isEqualTo(1);
    }
  }

  @Test
  void canariesAreAbsentFromTheFilesAfterCloseToo() throws Exception {
    orders.put("c1", order("CANARYCLOSE@example.com", "CANARYCLOSECARD", "CANARYCLOSENOTE"), false);
    hookGuard.close();
    hookGuard = null;

    var stored = backend.everythingStored();
    assertThat(stored).isNotEmpty();
    for (String canary : new String[] {"CANARYCLOSE@", "CANARYCLOSECARD", "CANARYCLOSENOTE"}) {
      assertThat(containsAnywhere(stored, canary)).isFalse();
    }
  }
}
