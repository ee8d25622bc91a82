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
              statement.execute("DROP INDEX hg_records_type_expires_at");
              statement.execute("DROP INDEX hg_fields_type_path_expires_at");
            }
            return null;
          });

      List<Integer> applied = Migrations.migrate(database, Clock.systemUTC());

      assertThat(applied).containsExactly(2);
      assertThat(Migrations.migrate(database, Clock.systemUTC())).isEmpty();
    }
  }
}
