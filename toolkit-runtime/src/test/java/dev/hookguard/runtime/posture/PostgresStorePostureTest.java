package dev.hookguard.runtime.posture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.audit.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The store checks on PostgreSQL: no files to check, the same journal, keyring and trail. */
class PostgresStorePostureTest extends StorePostureContract {

  @Override
  TestDatabase newDatabase(Path directory) {
    return TestDatabase.postgres(directory);
  }

  @Test
  void noFileIsCheckedOnPostgres() {
    PostureReport report = posture().check();

    assertThat(report.has("files.not-owner-only")).isFalse();
    assertThat(report.has("files.unchecked")).isFalse();
    assertThat(report.has("masterkey.beside-data")).isFalse();
    // The test database's key file is a development key, apart from the database.
    assertThat(report.has("masterkey.local-file")).isTrue();
  }
}
