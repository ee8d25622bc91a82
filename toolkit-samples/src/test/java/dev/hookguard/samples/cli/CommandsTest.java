package dev.hookguard.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The maintenance commands on a SQLite working folder, in text and in JSON. */
class CommandsTest {

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

  private String run(String... args) {
    captured.reset();
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data";
    all[args.length + 1] = data.toString();
    int exit = HookGuardCommand.run(all);
    String output = captured.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(output).isZero();
    return output;
  }

  @Test
  void reportListsEveryTypeWithItsProtectionAndRetention() {
    String text = run("report");
    assertThat(text).contains("StripeEvent: kept 90 days", "GitHubPush: kept 30 days",
        "ShopifyOrder: kept 365 days", "DETERMINISTIC", "browser_ip", "30 days");
    String json = run("report", "--json");
    assertThat(json).startsWith("{\"at\":").contains("\"records_past_expiry\":0",
        "\"type\":\"dev.hookguard.samples.shopify.ShopifyOrder\"", "\"protection\":\"DETERMINISTIC\"");
  }

  @Test
  void keysRotateThenReencryptThenDestroyRetired() {
    assertThat(run("keys", "rotate", "--json")).isEqualTo("{\"generation\":2}\n");
    assertThat(run("keys", "reencrypt", "--json"))
        .isEqualTo("{\"reencrypted\":0,\"remaining\":0,\"generation\":2}\n");
    // Generation 1's keys (one per keyset: AEAD, deterministic AEAD, MAC, look-up PRF) go.
    assertThat(run("keys", "destroy-retired")).isEqualTo("Destroyed 4 retired keys.\n");
  }

  @Test
  void demoAnswersEveryRequestAsTheReadmeSaysAndStoresNoEncryptedValue() {
    String text = run("demo");
    assertThat(text).contains(
        "valid                                 200     ACCEPTED",
        "forged: body changed after signing    401     REJECTED SIGNATURE_MISMATCH",
        "replayed: same message sent again     200     DUPLICATE",
        "same id, another signed body          409     CONFLICT",
        "oversized: body over the limit        413     PAYLOAD_TOO_LARGE",
        "delayed: signed 10 minutes ago        401     REJECTED TIMESTAMP_TOO_OLD",
        "no signature                          401     REJECTED MISSING_HEADER",
        "signed, but not JSON                  400     REJECTED MALFORMED_PAYLOAD",
        "from a disallowed address             403     ADDRESS_NOT_ALLOWED",
        "absent: encrypted", "found: a plain property",
        "records past expiry now: 0", "verify: audit trail intact");
    assertThat(text).doesNotContain("FOUND");
  }

  @Test
  void sweepAndAuditVerifyOnAFreshStore() {
    assertThat(run("sweep", "--json")).contains("\"records_deleted\":0");
    String checkpoint = run("audit", "checkpoint").strip();
    assertThat(checkpoint).startsWith("hookguard-audit-v1:");
    assertThat(run("audit", "verify")).contains("intact");
    assertThat(run("audit", "verify", "--since", checkpoint, "--json")).contains("\"ok\":true");
    assertThat(run("audit", "tail", "--json")).startsWith("{\"entries\":[");
  }
}
