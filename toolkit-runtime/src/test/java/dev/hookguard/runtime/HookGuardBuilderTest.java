package dev.hookguard.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookGuardBuilderTest {

  @Test
  void sqliteWithoutAMasterKeyUsesAnOwnerOnlyDevelopmentKeyFileBesideTheDatabase(@TempDir Path dir)
      throws Exception {
    Path database = dir.resolve("hookguard.db");
    try (HookGuard hookGuard = HookGuard.builder().sqlite(database).build()) {
      assertThat(hookGuard.keys().generation()).isEqualTo(1);
    }
    Path key = dir.resolve("hookguard.db.master.key");
    assertThat(key).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    // The same key opens the same keyring again.
    try (HookGuard again = HookGuard.builder().sqlite(database).build()) {
      assertThat(again.keys().generation()).isEqualTo(1);
    }
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
