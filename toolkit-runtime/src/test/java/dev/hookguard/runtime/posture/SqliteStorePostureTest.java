package dev.hookguard.runtime.posture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.TestDatabase;
import dev.hookguard.runtime.crypto.MasterKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store checks on SQLite, and those only SQLite has: where the master key file is, and the
 * permissions of the database, its WAL and shared memory, the retention key file and the key file
 * (real files, real permissions).
 */
class SqliteStorePostureTest extends StorePostureContract {

  @Override
  TestDatabase newDatabase(Path directory) {
    return TestDatabase.sqlite(directory);
  }

  @Test
  void aDevelopmentKeyFileBesideTheDatabaseIsHigh() throws Exception {
    Path folder = Files.createDirectory(work.resolve("beside"));
    try (HookGuard beside = HookGuard.builder().sqlite(folder.resolve("hookguard.db"))
        .developmentMasterKey().clock(clock).build()) {
      Finding finding = beside.posture().withManifests(Manifests.clean()).check()
          .withId("masterkey.beside-data").get(0);

      assertThat(finding.severity()).isEqualTo(Severity.HIGH);
      assertThat(finding.found()).contains("hookguard.db.master.key");
      String key = Files.readString(folder.resolve("hookguard.db.master.key")).strip();
      assertThat(beside.posture().withManifests(Manifests.clean()).check().toString())
          .doesNotContain(key);
    }
  }

  @Test
  void aKeyFileElsewhereIsMediumAndAKeyFromASecretManagerIsNothing() throws Exception {
    // The test database keeps its key file in keys/, apart from the database.
    PostureReport elsewhere = posture().check();
    assertThat(elsewhere.has("masterkey.beside-data")).isFalse();
    assertThat(elsewhere.withId("masterkey.local-file")).extracting(Finding::severity)
        .containsExactly(Severity.MEDIUM);

    Path folder = Files.createDirectory(work.resolve("managed"));
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    try (HookGuard managed = HookGuard.builder().sqlite(folder.resolve("hookguard.db"))
        .masterKey(MasterKey.fromBytes(key)).clock(clock).build()) {
      PostureReport report = managed.posture().withManifests(Manifests.clean()).check();
      assertThat(report.has("masterkey.beside-data")).isFalse();
      assertThat(report.has("masterkey.local-file")).isFalse();
    }
  }

  @Test
  void filesOfTheStoreAreOwnerOnlyByDefault() {
    storeANote("n1");
    assertThat(Files.exists(work.resolve("hookguard.db-wal"))).isTrue();

    assertThat(posture().check().has("files.not-owner-only")).isFalse();
  }

  @Test
  void eachFileOpenToOthersIsHigh() throws Exception {
    storeANote("n1");
    List<Path> files = List.of(work.resolve("hookguard.db"), work.resolve("hookguard.db-wal"),
        work.resolve("hookguard.db.keys"), work.resolve("keys").resolve("master.key"));
    for (Path file : files) {
      assertThat(file).exists();
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    List<Finding> findings = posture().check().withId("files.not-owner-only");

    assertThat(findings).extracting(Finding::subject).containsExactlyInAnyOrderElementsOf(
        files.stream().map(f -> "file " + f.toAbsolutePath()).toList());
    assertThat(findings).allSatisfy(f -> {
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.found()).contains("rw-r--r--");
    });

    Files.setPosixFilePermissions(files.get(1), PosixFilePermissions.fromString("rw-------"));
    assertThat(posture().check().withId("files.not-owner-only")).hasSize(files.size() - 1);
  }

  @Test
  void aDatabaseReachedThroughASymbolicLinkIsJudgedByItsTarget() throws Exception {
    Path real = Files.createDirectory(work.resolve("real"));
    Path linked = Files.createDirectory(work.resolve("linked"));
    Path target = real.resolve("hookguard.db");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    try (HookGuard first = HookGuard.builder().sqlite(target).masterKey(MasterKey.fromBytes(key.clone()))
        .clock(clock).build()) {
      first.retention().sweep();
    }
    Files.createSymbolicLink(linked.resolve("hookguard.db"), target);
    try (HookGuard throughLink = HookGuard.builder().sqlite(linked.resolve("hookguard.db"))
        .masterKey(MasterKey.fromBytes(key)).clock(clock).build()) {
      assertThat(throughLink.posture().withManifests(Manifests.clean()).check()
          .has("files.not-owner-only")).isFalse();
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
      assertThat(throughLink.posture().withManifests(Manifests.clean()).check()
          .withId("files.not-owner-only")).extracting(Finding::subject)
          .containsExactly("file " + linked.resolve("hookguard.db").toAbsolutePath());
    }
  }

  @Test
  void aRetentionKeyFileGivenElsewhereIsChecked() throws Exception {
    Path other = Files.createDirectory(work.resolve("elsewhere"));
    Path keys = other.resolve("day.keys");
    try (HookGuard separate = database.builder().retentionKeyFile(keys).clock(clock).build()) {
      assertThat(separate.posture().withManifests(Manifests.clean()).check()
          .has("files.not-owner-only")).isFalse();
      Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-rw-rw-"));

      assertThat(separate.posture().withManifests(Manifests.clean()).check()
          .withId("files.not-owner-only")).extracting(Finding::subject)
          .containsExactly("file " + keys.toAbsolutePath());
    }
  }

  @Test
  void aKeyFileInTheFolderOfTheDatabaseIsLowAndOneElsewhereIsNothing() throws Exception {
    Finding beside = posture().check().withId("keys.beside-records").get(0);
    assertThat(beside.severity()).isEqualTo(Severity.LOW);
    assertThat(beside.found()).contains(".keys").contains("folder of the database");

    Path other = Files.createDirectory(work.resolve("keys-elsewhere"));
    try (HookGuard separate = database.builder().retentionKeyFile(other.resolve("day.keys"))
        .clock(clock).build()) {
      assertThat(separate.posture().withManifests(Manifests.clean()).check()
          .has("keys.beside-records")).isFalse();
    }
  }
}
