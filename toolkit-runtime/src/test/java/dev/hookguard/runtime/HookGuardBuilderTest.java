package dev.hookguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.hookguard.runtime.crypto.KeyException;
import dev.hookguard.runtime.crypto.MasterKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookGuardBuilderTest {

  @Test
  void sqliteWithoutAMasterKeyIsRefusedWithWhatToDo(@TempDir Path dir) {
    Path database = dir.resolve("hookguard.db");
    assertThatThrownBy(() -> HookGuard.builder().sqlite(database).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a master key is required")
        .hasMessageContaining("MasterKey.fromEnv")
        .hasMessageContaining("developmentMasterKey()");
    assertThat(database).as("nothing created").doesNotExist();
    assertThat(dir.resolve("hookguard.db.master.key")).doesNotExist();
  }

  @Test
  void theDevelopmentKeyIsAnOwnerOnlyFileBesideTheDatabaseOnlyWhenAskedFor(@TempDir Path dir)
      throws Exception {
    Path database = dir.resolve("hookguard.db");
    try (HookGuard hookGuard = HookGuard.builder().sqlite(database).developmentMasterKey().build()) {
      assertThat(hookGuard.keys().generation()).isEqualTo(1);
    }
    Path key = dir.resolve("hookguard.db.master.key");
    assertThat(key).exists();
    assertThat(permissions(key)).isEqualTo("rw-------");
    // The same key opens the same keyring again.
    try (HookGuard again = HookGuard.builder().sqlite(database).developmentMasterKey().build()) {
      assertThat(again.keys().generation()).isEqualTo(1);
    }
    assertThatThrownBy(
            () -> HookGuard.builder().postgres(new HikariDataSource()).developmentMasterKey().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("developmentMasterKey() is for SQLite");
  }

  @Test
  void everySqliteFileIsReadableByItsOwnerOnlyWhateverTheUmask(@TempDir Path dir)
      throws Exception {
    Path database = dir.resolve("hookguard.db");
    MasterKey key = MasterKey.localFile(dir.resolve("master.key"));
    try (HookGuard hookGuard = HookGuard.builder().sqlite(database).masterKey(key).build()) {
      hookGuard.keys().rotate(); // writes: the WAL exists now
      assertThat(permissions(database)).isEqualTo("rw-------");
      assertThat(permissions(dir.resolve("hookguard.db-wal"))).isEqualTo("rw-------");
      assertThat(permissions(dir.resolve("hookguard.db.keys"))).isEqualTo("rw-------");
    }
    try (var files = Files.list(dir)) {
      assertThat(files.filter(f -> f.getFileName().toString().startsWith("hookguard.db")))
          .isNotEmpty()
          .allSatisfy(f -> assertThat(permissions(f)).as(f.toString()).isEqualTo("rw-------"));
    }
  }

  @Test
  void aKeyringMadeUnderAKeyGivenAsBytesOpensUnderItsBase64AndNotUnderAnother(@TempDir Path dir) {
    Path database = dir.resolve("hookguard.db");
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    String base64 = Base64.getEncoder().encodeToString(key);
    try (HookGuard hookGuard =
        HookGuard.builder().sqlite(database).masterKey(MasterKey.fromBytes(key)).build()) {
      hookGuard.keys().rotate();
    }
    Arrays.fill(key, (byte) 0);

    try (HookGuard again =
        HookGuard.builder().sqlite(database).masterKey(MasterKey.fromBase64(base64)).build()) {
      assertThat(again.keys().generation()).isEqualTo(2);
    }
    assertThatThrownBy(
            () -> HookGuard.builder().sqlite(database).masterKey(MasterKey.fromBytes(key)).build())
        .as("the wiped array is another key")
        .isInstanceOf(KeyException.class)
        .satisfies(e -> assertThat(((KeyException) e).reason())
            .isEqualTo(KeyException.Reason.KEYSET_UNREADABLE));
  }

  private static String permissions(Path file) throws java.io.IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  @Test
  void postgresWithoutAMasterKeyIsRefusedBeforeConnecting() {
    assertThatThrownBy(() -> HookGuard.builder().postgres(new HikariDataSource()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("master key is required with PostgreSQL");
  }

  @Test
  void aDatabaseIsRequired() {
    assertThatThrownBy(() -> HookGuard.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a database is required");
  }
}
