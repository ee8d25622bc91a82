package dev.hookguard.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.samples.shopify.ShopifyOrderVerifier;
import dev.hookguard.samples.stripe.StripeEventVerifier;
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

  private static byte[] bundled(String name) throws java.io.IOException {
    try (var in = dev.hookguard.samples.Main.class.getResourceAsStream("payloads/" + name)) {
      return in.readAllBytes();
    }
  }

  private String run(String... args) {
    return runIn(data, args);
  }

  private String runIn(Path folder, String... args) {
    captured.reset();
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data";
    all[args.length + 1] = folder.toString();
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
    assertThat(text).startsWith("Records of processing (GDPR Article 30) from 1 privacy manifest");
    String json = run("report", "--json");
    assertThat(json).startsWith("{\"at\":").contains("\"records_past_expiry\":0",
        "\"type\":\"dev.hookguard.samples.shopify.ShopifyOrder\"", "\"protection\":\"DETERMINISTIC\"",
        "\"records_of_processing\":[{");
  }

  @Test
  void recordsOfProcessingComeFromTheManifestOnTheClassPath() {
    String text = run("report", "--records-only");
    assertThat(text)
        .startsWith("Records of processing (GDPR Article 30) from 1 privacy manifest: 4 payload types")
        // In this test the samples are on the class path: the manifest is found as a resource.
        .contains("dev.hookguard.samples.stripe.StripeEvent  [file:")
        .contains("target/classes/META-INF/hookguard/privacy-manifest.json]")
        .contains("  Purpose:        Receiving customer.created webhooks\n"
            + "  Data subjects:  identified by data.object.email (found, exported and erased per"
            + " person; each record sealed for them)\n"
            + "  Retention:      records kept 90 days\n")
        .contains("      data.object.email (mask EMAIL, encryption deterministic, kept 90 days)")
        // Deterministic on its own, but stored inside the sealed 'data' field: no look-up by it.
        .contains("encrypted at rest (AES256-GCM): data.object.name, ")
        .contains(", data.object.email, data.object.phone, ")
        .contains("Purpose:        Receiving push webhooks\n"
            + "  Data subjects:  none marked (no @Subject property: records are not found,"
            + " exported or erased per person)\n")
        .doesNotContain("Stored now", "records past expiry");
  }

  @Test
  void recordsOfProcessingInMarkdown() {
    String markdown = run("report", "--records-only", "--format", "markdown");
    assertThat(markdown)
        .startsWith("# Records of processing (GDPR Article 30)\n")
        .contains("## `dev.hookguard.samples.shopify.ShopifyOrder`\n\n"
            + "- **Purpose:** Receiving orders/create webhooks\n")
        .contains("| CONTACT | `data.object.email` | EMAIL | deterministic | randomized | 90 days |")
        .contains("| Category | JSON path | Mask | Encryption | At rest | Kept |");
  }

  @Test
  void recordsOfProcessingInJson() throws Exception {
    String json = run("report", "--records-only", "--format", "json");
    tools.jackson.databind.JsonNode records = tools.jackson.databind.json.JsonMapper.builder().build()
        .readTree(json).get("records_of_processing");
    assertThat(records).hasSize(4);
    tools.jackson.databind.JsonNode stripe = records.get(3);
    assertThat(stripe.get("type").asString()).isEqualTo("dev.hookguard.samples.stripe.StripeEvent");
    assertThat(stripe.get("purpose").asString()).isEqualTo("Receiving customer.created webhooks");
    assertThat(stripe.get("retention_days").asInt()).isEqualTo(90);
    assertThat(stripe.get("data_subjects")).hasSize(1);
    assertThat(stripe.get("data_subjects").get(0).asString()).isEqualTo("data.object.email");
    tools.jackson.databind.JsonNode email = stripe.get("personal_data").get("CONTACT").get(0);
    assertThat(email.get("path").asString()).isEqualTo("data.object.email");
    assertThat(email.get("encryption").asString()).isEqualTo("deterministic");
    assertThat(email.get("mask").asString()).isEqualTo("EMAIL");
  }

  @Test
  void anUnknownReportFormatIsAUsageError() {
    assertThat(HookGuardCommand.run("report", "--records-only", "--format", "pdf")).isEqualTo(2);
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
  void subjectFindExportAndEraseOnePersonAcrossPayloadTypes() throws Exception {
    // What the receivers would store: the bundled Stripe customer and Shopify order, both about
    // jenny.rosen@example.com (the order's e-mail changed to hers), and the order as it is.
    try (HookGuard hookGuard = new Workspace(data).open(null, java.time.Clock.systemUTC())) {
      SampleReceivers.Stores stores = SampleReceivers.Stores.of(hookGuard);
      stores.stripe().put("evt_1", StripeEventVerifier.create(Signatures.stripe("whsec_unused"))
          .readTrusted(bundled("stripe-customer.created.json")));
      String order = new String(bundled("shopify-orders.create.json"), StandardCharsets.UTF_8);
      stores.shopify().put("order-1", ShopifyOrderVerifier.create(Signatures.shopify("unused"))
          .readTrusted(order.replace("jon.doe@example.com", "jenny.rosen@example.com")
              .getBytes(StandardCharsets.UTF_8)));
      stores.shopify().put("order-2", ShopifyOrderVerifier.create(Signatures.shopify("unused"))
          .readTrusted(order.getBytes(StandardCharsets.UTF_8)));
    }
    String found = run("subject", "find", " Jenny.Rosen@Example.com ", "--json");
    assertThat(found).startsWith("{\"records\":[{")
        .contains("\"payload_type\":\"dev.hookguard.samples.shopify.ShopifyOrder\",\"id\":\"order-1\"")
        .contains("\"payload_type\":\"dev.hookguard.samples.stripe.StripeEvent\",\"id\":\"evt_1\"")
        .doesNotContain("order-2", "jenny");
    assertThat(run("subject", "find", "jenny.rosen@example.com"))
        .startsWith("2 records about this person.");

    String export = run("subject", "export", "jenny.rosen@example.com", "--purpose", "request 1");
    assertThat(export).startsWith("{\"records\":[{").contains("\"jenny.rosen@example.com\"")
        .doesNotContain("jon.doe");

    String erased = run("subject", "erase", "jenny.rosen@example.com", "--reason", "request 2",
        "--json");
    assertThat(erased).contains("\"records_erased\":2", "\"keys_destroyed\":1",
        "\"resumed\":[]");
    assertThat(run("subject", "find", "jenny.rosen@example.com"))
        .startsWith("0 records about this person.");
    assertThat(run("subject", "find", "jon.doe@example.com"))
        .startsWith("1 records about this person.");
    assertThat(run("audit", "verify")).contains("intact");
    assertThat(run("audit", "tail", "--json")).contains("SUBJECT_ERASED").doesNotContain("jenny");
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
