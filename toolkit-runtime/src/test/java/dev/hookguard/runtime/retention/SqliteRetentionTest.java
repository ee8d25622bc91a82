package dev.hookguard.runtime.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.generated.GeneratedStores;
import dev.hookguard.runtime.store.SqliteBackend;
import dev.hookguard.runtime.store.StoreBackend;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The retention suite on a SQLite file, whose day keys live in a file of their own beside it. */
class SqliteRetentionTest extends RetentionContract {

  @Override
  StoreBackend newBackend(Path directory) {
    return new SqliteBackend(directory);
  }

  @Override
  HookGuard.Builder configure(HookGuard.Builder builder) {
    return backend.configure(builder);
  }

  private Path database() {
    return ((SqliteBackend) backend).file();
  }

  private Path keyFile() {
    return Path.of(database() + ".keys");
  }

  @Override
  Backup takeBackup() throws Exception {
    Path copy = work.resolve("backup-" + run + ".db");
    ((SqliteBackend) backend).copyTo(copy);
    return new Backup() {
      @Override
      public HookGuard.Builder configure(HookGuard.Builder builder, boolean liveKeys) {
        return builder
            .sqlite(copy)
            .retentionKeyFile(liveKeys ? keyFile() : work.resolve("foreign.keys"));
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void dayKeysLiveInAFileOfTheirOwnAndLeaveNoTraceThereOnceDestroyed() throws Exception {
    signups.put("a", signup(run), false);
    assertThat(Files.exists(keyFile())).isTrue();
    byte[] wrapped;
    try (Connection keys = DriverManager.getConnection("jdbc:sqlite:" + keyFile());
        PreparedStatement select =
            keys.prepareStatement("SELECT wrapped_key FROM hg_retention_keys WHERE expiry_day = ?")) {
      select.setLong(1, day(FIELD_RETENTION).toEpochDay());
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        wrapped = row.getBytes(1);
      }
    }
    // The record store holds no day key.
    assertThat(found(wrapped)).isFalse();
    assertThat(inKeyFiles(wrapped)).isTrue();

    at(FIELD_RETENTION.plusDays(1));
    hookGuard.retention().sweep();

    assertThat(inKeyFiles(wrapped)).isFalse();
  }

  @Test
  void aKeyStoreOfTheOtherBackendIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                backend
                    .configure(HookGuard.builder())
                    .retentionKeys(new org.sqlite.SQLiteDataSource(), "keys")
                    .masterKey(masterKey)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("retentionKeyFile");
  }

  private boolean inKeyFiles(byte[] needle) throws Exception {
    for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
      Path part = Path.of(keyFile() + suffix);
      if (Files.exists(part) && indexOf(Files.readAllBytes(part), needle) >= 0) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aSweepKilledMidwayIsFinishedByTheNextAndLosesNothingUnexpired() throws Exception {
    int expired = 300;
    int live = 30;
    for (int i = 0; i < expired; i++) {
      signups.put("x" + i, Map.of("status", "\"s\"", "notes", "\"n" + i + "\""), false);
    }
    at(Duration.ofDays(1));
    for (int i = 0; i < live; i++) {
      signups.put("live" + i, signup(run + i), false);
    }
    at(RECORD_RETENTION.plusHours(1));
    hookGuard.close();
    hookGuard = null;

    Path log = work.resolve("child.log");
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                testClassPath(),
                RetentionSweepChild.class.getName(),
                database().toString(),
                work.resolve("keys").resolve("master.key").toString(),
                clock.instant().toString(),
                "10",
                "200")
            .redirectError(log.toFile())
            .start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        lines.add(line);
        if (line.equals("batch 4")) {
          break;
        }
      }
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(lines).as("child output; see %s", log).contains("batch 4").doesNotContain("finished");

    hookGuard = newInstance();
    signups = GeneratedStores.table(hookGuard, SIGNUPS);
    long left = count("SELECT COUNT(*) FROM hg_records WHERE record_id LIKE 'x%'");
    long doneByChild =
        count("SELECT SUM(records_deleted) FROM hg_retention_sweeps WHERE finished_at IS NULL");
    assertThat(left).isBetween(1L, expired - 40L);
    assertThat(doneByChild).isEqualTo(expired - left);

    SweepReport resumed = hookGuard.retention().sweep();

    assertThat(resumed.recordsDeleted()).isEqualTo(left);
    assertThat(resumed.fieldsDeleted()).isEqualTo(3L * live);
    assertThat(count("SELECT COUNT(*) FROM hg_records WHERE record_id LIKE 'x%'")).isZero();
    for (int i = 0; i < live; i++) {
      assertThat(signups.get("live" + i).orElseThrow().fieldJson())
          .containsEntry("notes", "\"NOTE" + run + i + "\"")
          .containsKeys("status", "email");
    }
    RetentionReport report = hookGuard.retention().report();
    assertThat(report.recordsPastExpiry()).isZero();
    assertThat(report.fieldsPastExpiry()).isZero();
    assertThat(report.type(TYPE).orElseThrow().records()).isEqualTo(live);
  }

  private long count(String sql) throws Exception {
    try (Connection raw = backend.rawConnection();
        Statement statement = raw.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  /** The class path of this test run (surefire may hide it behind a manifest-only jar). */
  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank()
        ? surefire
        : System.getProperty("java.class.path");
  }
}
