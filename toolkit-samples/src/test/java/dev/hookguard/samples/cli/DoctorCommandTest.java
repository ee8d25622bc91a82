package dev.hookguard.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.samples.Main;
import dev.hookguard.testsupport.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code hookguard doctor} on a SQLite working folder: the sample's development setup (a master
 * key file beside the database) is a HIGH finding and exit code 1, text and JSON; a master key
 * from the environment, in a child JVM, passes with exit code 0.
 */
class DoctorCommandTest {

  @TempDir
  Path data;

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private PrintStream originalOut;

  @BeforeEach
  void captureOutput() {
    originalOut = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreOutput() {
    System.setOut(originalOut);
  }

  private int run(String... args) {
    captured.reset();
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--data", data.toString()));
    return HookGuardCommand.run(all.toArray(String[]::new));
  }

  private String output() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theDevelopmentKeyFileBesideTheDatabaseIsHighAndExitsOne() {
    assertThat(run("doctor")).as(output()).isEqualTo(1);

    String text = output();
    assertThat(text).startsWith("Posture at ").contains("HIGH   masterkey.beside-data  (master key)")
        .contains("Fix: Give the master key from a KMS");
    // The sample receivers require HTTPS, an allow-list, a rate limit and keep receipts.
    assertThat(text).doesNotContain("https.not-required", "allowlist.missing",
        "ratelimit.missing", "replay.", "signature.", "files.not-owner-only",
        "privacy.undecided-name", "retention.unbounded", "subjects.");
  }

  @Test
  void jsonListsEveryFindingWithSeverityAndFix() throws Exception {
    assertThat(run("doctor", "--http", "--json")).isEqualTo(1);

    JsonNode report = JsonMapper.builder().build().readTree(output());
    assertThat(report.get("highest").asString()).isEqualTo("HIGH");
    List<String> ids = new ArrayList<>();
    for (JsonNode finding : report.get("findings")) {
      ids.add(finding.get("id").asString());
      assertThat(finding.get("severity").asString()).isIn("HIGH", "MEDIUM", "LOW", "INFO");
      assertThat(finding.get("found").asString()).isNotBlank();
      assertThat(finding.get("fix").asString()).isNotBlank();
    }
    assertThat(ids).contains("masterkey.beside-data", "https.not-required", "sweep.never-run");
    // Three receivers, each on plain HTTP.
    assertThat(ids.stream().filter("https.not-required"::equals)).hasSize(3);
    assertThat(report.get("findings").get(0).get("severity").asString()).isEqualTo("HIGH");
  }

  @Test
  void noFindingShowsASecretOfTheWorkspace() throws Exception {
    run("doctor", "--http", "--json");
    String json = output();
    run("doctor");
    String text = output();

    List<String> secrets = new ArrayList<>();
    for (String line : Files.readAllLines(data.resolve("secrets.properties"))) {
      if (!line.startsWith("#") && line.contains("=")) {
        secrets.add(line.substring(line.indexOf('=') + 1).replace("\\", ""));
      }
    }
    secrets.add(Files.readString(data.resolve("master.key")).strip());
    assertThat(secrets).hasSize(4);
    for (String secret : secrets) {
      assertThat(json).doesNotContain(secret);
      assertThat(text).doesNotContain(secret);
    }
  }

  @Test
  void aDatabaseOpenToOthersAndAStaleCheckpointAreReported() throws Exception {
    assertThat(run("sweep")).isZero();
    Files.setPosixFilePermissions(data.resolve("hookguard.db"),
        PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(run("audit", "checkpoint")).isZero();
    String checkpoint = output().strip();

    assertThat(run("doctor", "--checkpoint", checkpoint)).isEqualTo(1);
    assertThat(output()).contains("files.not-owner-only").contains("hookguard.db")
        .doesNotContain("sweep.never-run").doesNotContain("audit.broken");

    String forged = checkpoint.substring(0, checkpoint.lastIndexOf(':') + 1) + "0".repeat(64);
    assertThat(run("doctor", "--checkpoint", forged)).isEqualTo(1);
    assertThat(output()).contains("audit.broken");
  }

  @Test
  void onPostgresTheKeyFileIsApartFromTheDataButTheKeyStoreIsInTheRecordsSchema()
      throws Exception {
    try (TestPostgres.Schema schema = TestPostgres.server().newSchema()) {
      // The sample keeps its key store in the record store's schema (HookGuard's default): a
      // dump of the records takes the keys along, which the audit reports as HIGH.
      assertThat(run("doctor", "--postgres", schema.jdbcUrl(), "--json")).as(output()).isOne();

      JsonNode report = JsonMapper.builder().build().readTree(output());
      List<String> ids = new ArrayList<>();
      report.get("findings").forEach(f -> ids.add(f.get("id").asString()));
      assertThat(ids).contains("keys.beside-records", "masterkey.local-file", "sweep.never-run")
          .doesNotContain("masterkey.beside-data", "files.not-owner-only");
      assertThat(report.get("highest").asString()).isEqualTo("HIGH");
      assertThat(report.get("findings").get(0).get("id").asString())
          .isEqualTo("keys.beside-records");
    }
  }

  @Test
  void aMasterKeyFromTheEnvironmentPassesWithExitZero() throws Exception {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    List<String> command = CrashTest.childCommand(System.getProperty("java.class.path"),
        List.of(), Main.class, "doctor", "--data", data.toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("HOOKGUARD_MASTER_KEY", Base64.getEncoder().encodeToString(key));
    Process child = builder.start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(child.exitValue()).as(out).isZero();
    assertThat(out).contains("Posture at ").doesNotContain("HIGH ")
        .doesNotContain("masterkey.").contains("sweep.never-run");
    assertThat(Files.exists(data.resolve("master.key"))).isFalse();
  }
}
