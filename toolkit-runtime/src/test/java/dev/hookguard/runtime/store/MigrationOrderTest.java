package dev.hookguard.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.internal.jdbc.Database;
import dev.hookguard.runtime.internal.schema.Migrations;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations added on parallel branches: a version missing below an applied one is applied. */
class MigrationOrderTest {

  @TempDir Path work;

  @Test
  void theRetentionMigrationIsAppliedOverADatabaseThatHasALaterVersionAlready() {
    try (Database database = Database.sqlite(work.resolve("order.db"))) {
      assertThat(Migrations.migrate(database, Clock.systemUTC())).contains(1, 2);
      // As if a branch with version 3 (but not 2) had migrated this database first.
      database.inTransaction(
          "forgetting version 2",
          connection -> {
            try (Statement statement = connection.createStatement()) {
              statement.execute("DELETE FROM hg_schema_migrations WHERE version = 2");
              statement.execute("DROP TABLE hg_retention_sweeps");
            }
            return null;
          });

      List<Integer> applied = Migrations.migrate(database, Clock.systemUTC());

      assertThat(applied).containsExactly(2);
      assertThat(Migrations.migrate(database, Clock.systemUTC())).isEmpty();
      // Version 2 applied after version 7 does not bring back the indexes 7 replaced.
      assertThat(indexes(database, "hg_records")).contains("hg_records_expiry")
          .doesNotContain("hg_records_type_expires_at", "hg_records_expires_at");
      assertThat(indexes(database, "hg_fields")).contains("hg_fields_expiry")
          .doesNotContain("hg_fields_type_path_expires_at", "hg_fields_expires_at");
    }
  }

  private static List<String> indexes(Database database, String table) {
    return database.inTransaction("listing indexes", connection -> {
      List<String> names = new java.util.ArrayList<>();
      try (Statement statement = connection.createStatement();
          java.sql.ResultSet rows = statement.executeQuery(
              "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '" + table + "'")) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      return names;
    });
  }
}
