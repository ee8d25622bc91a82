package dev.hookguard.runtime.posture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.TestDatabase;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.testsupport.TestPostgres;
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

  @Test
  void aKeyStoreInTheRecordSchemaIsHighInAnotherSchemaOfItsPoolMediumInItsOwnPoolNothing()
      throws Exception {
    assertThat(posture().check().withId("keys.beside-records"))
        .extracting(Finding::severity).containsExactly(Severity.HIGH);

    try (TestPostgres.Schema records = TestPostgres.server().newSchema();
        TestPostgres.Schema keys = TestPostgres.server().newSchema()) {
      MasterKey master = MasterKey.localFile(work.resolve("other").resolve("master.key"));
      var pool = records.newPool(4);
      try (HookGuard samePool = HookGuard.builder().postgres(pool)
          .retentionKeys(pool, keys.name()).masterKey(master).clock(clock).build()) {
        assertThat(samePool.posture().withManifests(Manifests.clean()).check()
            .withId("keys.beside-records"))
            .extracting(Finding::severity).containsExactly(Severity.MEDIUM);
      }
      try (HookGuard ownPool = HookGuard.builder().postgres(records.newPool(4))
          .retentionKeys(keys.newPool(2), keys.name()).masterKey(master).clock(clock).build()) {
        assertThat(ownPool.posture().withManifests(Manifests.clean()).check()
            .has("keys.beside-records")).isFalse();
      }
    }
  }
}
