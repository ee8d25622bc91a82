package dev.hookguard.samples.cli;

import dev.hookguard.api.Sensitive;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.receiver.ReceiptEvent;
import dev.hookguard.runtime.store.Accessor;
import dev.hookguard.samples.github.GitHubPushRedactor;
import dev.hookguard.samples.shopify.ShopifyOrderRedactor;
import dev.hookguard.samples.stripe.StripeEventRedactor;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code hookguard demo}: the whole toolkit in a few seconds on the embedded default. Starts the
 * HTTPS receiver on a fresh SQLite database, sends a mixed batch of signed, forged, replayed,
 * oversized, delayed, unsigned and disallowed requests, and shows what happened to each, what
 * the logs and the database hold, and what retention does as time passes.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start the receiver, send a mixed batch, show outcomes, logs, storage and retention.")
final class DemoCommand implements Callable<Integer> {

  private static final int MAX_BODY_BYTES = 32 * 1024;

  /** The batch: each provider's sample event, sent as it should be and as it should not be. */
  private static final List<Object[]> BATCH = List.of(
      new Object[] {Provider.STRIPE, Scenario.VALID},
      new Object[] {Provider.GITHUB, Scenario.VALID},
      new Object[] {Provider.SHOPIFY, Scenario.VALID},
      new Object[] {Provider.STRIPE, Scenario.FORGED},
      new Object[] {Provider.GITHUB, Scenario.REPLAYED},
      new Object[] {Provider.GITHUB, Scenario.CONFLICTING},
      new Object[] {Provider.SHOPIFY, Scenario.OVERSIZED},
      new Object[] {Provider.STRIPE, Scenario.STALE},
      new Object[] {Provider.GITHUB, Scenario.UNSIGNED},
      new Object[] {Provider.GITHUB, Scenario.MALFORMED},
      new Object[] {Provider.SHOPIFY, Scenario.DISALLOWED});

  /** Values the sample events carry in @Encrypt properties (some nested): none may be stored. */
  private static final List<String> ENCRYPTED_VALUES = List.of(
      "jenny.rosen@example.com", "Jenny Rosen", "+14155550132", "mona.octocat@example.com",
      "Mona Lisa Octocat", "jon.doe@example.com", "+16135551212", "123 Billing Street",
      "203.0.113.77", "leave the parcel with the neighbour");

  /**
   * A value stored in plain text (the push's repository), to show the scan does see stored text.
   * (Not one of the order's: an order names its customer, a data subject, so every field of it is
   * sealed for them, plain ones included.)
   */
  private static final String PLAIN_VALUE = "octo-org/hello-world";

  /** An accessor granted every category, whose reveals the audit trail records. */
  private static final Accessor SUPPORT = Accessor.of("demo-support", Sensitive.Category.values());

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    Path folder = common.data.resolve("demo");
    deleteRecursively(folder);
    Workspace workspace = new Workspace(folder);
    // The receiver's log goes to a file, shown below: the table stays readable.
    Path log = folder.resolve("receiver.log");
    System.setProperty("org.slf4j.simpleLogger.logFile", log.toString());
    DemoClock clock = new DemoClock();
    List<ReceiptEvent> receipts = new CopyOnWriteArrayList<>();

    out.println("HookGuard demo: the receiver on SQLite (" + workspace.database() + ")");
    try (HookGuard hookGuard = workspace.open(null, clock)) {
      SampleReceivers.Stores stores = SampleReceivers.Stores.of(hookGuard);
      SampleReceivers.Settings settings = new SampleReceivers.Settings(
          List.of("127.0.0.0/8", "::1/128"), List.of("127.0.0.1/32", "::1/128"), false,
          MAX_BODY_BYTES, dev.hookguard.runtime.receiver.RateLimit.of(100, Duration.ofSeconds(1)),
          receipt -> {
            hookGuard.audit().receiptListener().onReceipt(receipt);
            receipts.add(receipt);
          });
      var receivers = SampleReceivers.create(hookGuard, stores, workspace.secrets(), settings);
      try (SampleServer server = SampleServer.start(new InetSocketAddress("localhost", 0),
          workspace.serverTls(), receivers)) {
        out.println("Listening on " + server.baseUri() + " (HTTPS, self-signed development certificate)");
        out.println();
        sendBatch(out, new Sender(server.baseUri(), workspace.clientTls(), workspace.secrets()));
      }
      out.println();
      showLogLines(out, log);
      out.println();
      showRedactedLogLines(out, stores, receipts);
      out.println();
      showStorageHoldsNoPlaintext(out, folder);
      out.println();
      showRetention(out, hookGuard, clock, stores, receipts);
      out.println();
      showAudit(out, hookGuard);
    }
    return 0;
  }

  /** Moves the demo clock past each retention period and shows reads, the sweep and the report. */
  private static void showRetention(PrintStream out, HookGuard hookGuard, DemoClock clock,
      SampleReceivers.Stores stores, List<ReceiptEvent> receipts) {
    String push = acceptedId(receipts, stores.github().schema().payloadType());
    String order = acceptedId(receipts, stores.shopify().schema().payloadType());
    out.println("Retention: GitHubPush is kept 30 days, StripeEvent 90, ShopifyOrder 365 (its");
    out.println("browser_ip and note 30). The demo clock now moves ahead.");
    clock.advance(Duration.ofDays(31));
    out.println("  +31 days, before any sweep:");
    out.println("    GitHub push " + (stores.github().find(push).isPresent() ? "still readable" : "gone: expired"));
    stores.shopify().reveal(order, SUPPORT, "demo: show what expired").ifPresent(o -> out.println(
        "    Shopify order revealed to support: browser_ip=" + o.browserIp() + ", note=" + o.note()
            + " (expired fields are absent), email=" + o.email()));
    out.println("    sweep: " + SweepCommand.describe(hookGuard.retention().sweep()));
    clock.advance(Duration.ofDays(400 - 31));
    out.println("  +400 days:");
    out.println("    sweep: " + SweepCommand.describe(hookGuard.retention().sweep()));
    out.println("    records past expiry now: " + hookGuard.retention().report().recordsPastExpiry());
  }

  private static void showAudit(PrintStream out, HookGuard hookGuard) {
    out.println("Audit trail (hash-chained; receipts, reveals, sweeps; never a value):");
    hookGuard.audit().tail(4).forEach(entry -> out.printf("  %4d  %-22s %-14s %s%n",
        entry.sequence(), entry.event().kind(), entry.event().payloadType(),
        entry.event().reason() == null ? "" : entry.event().reason()));
    out.println("  verify: " + hookGuard.audit().verify());
    out.println("  checkpoint to keep elsewhere: " + hookGuard.audit().checkpoint());
  }

  private static String acceptedId(List<ReceiptEvent> receipts, String type) {
    return receipts.stream()
        .filter(r -> r.outcome() == ReceiptEvent.Outcome.ACCEPTED && r.payloadType().equals(type))
        .map(r -> r.messageId().orElseThrow())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + type + " was accepted"));
  }

  private static void sendBatch(PrintStream out, Sender sender) throws IOException, InterruptedException {
    out.println("Outcomes:");
    out.printf("  %-2s  %-8s  %-36s  %-6s  %s%n", "#", "provider", "request", "status", "answer");
    int row = 1;
    for (Object[] item : BATCH) {
      Provider provider = (Provider) item[0];
      Scenario scenario = (Scenario) item[1];
      Sender.Result result = sender.send(provider, scenario, MAX_BODY_BYTES);
      out.printf("  %-2d  %-8s  %-36s  %-6d  %s%n", row++, provider.label(),
          scenario.description(), result.status(), result.answer());
    }
  }

  private static void showLogLines(PrintStream out, Path log) throws IOException {
    out.println("The receiver's log (" + log + "), first lines: payloads only ever redacted:");
    if (!Files.exists(log)) {
      // SLF4J was set up before the demo started (the demo runs inside another program).
      out.println("  (the log went to the logger configured before the demo started)");
      return;
    }
    try (Stream<String> lines = Files.lines(log)) {
      lines.filter(line -> line.contains("dev.hookguard.receiver")).limit(4)
          .forEach(line -> out.println("  " + abbreviate(line, 190)));
    }
  }

  private static void showRedactedLogLines(
      PrintStream out, SampleReceivers.Stores stores, List<ReceiptEvent> receipts) {
    out.println("Stored records, read back with find(): sensitive values masked:");
    for (ReceiptEvent receipt : receipts) {
      if (receipt.outcome() != ReceiptEvent.Outcome.ACCEPTED || receipt.messageId().isEmpty()) {
        continue;
      }
      String id = receipt.messageId().get();
      String type = receipt.payloadType();
      String line;
      if (type.equals(stores.stripe().schema().payloadType())) {
        line = stores.stripe().find(id).map(StripeEventRedactor.create()::toLogString).orElse("");
      } else if (type.equals(stores.github().schema().payloadType())) {
        line = stores.github().find(id).map(GitHubPushRedactor.create()::toLogString).orElse("");
      } else {
        line = stores.shopify().find(id).map(ShopifyOrderRedactor.create()::toLogString).orElse("");
      }
      out.println("  " + abbreviate(line, 150));
    }
  }

  private static void showStorageHoldsNoPlaintext(PrintStream out, Path folder) throws IOException {
    String stored = storedBytes(folder);
    out.println("The database files (hookguard.db, -wal, -shm) scanned for the events' values:");
    for (String value : ENCRYPTED_VALUES) {
      out.printf("  %-36s %s%n", value, contains(stored, value) ? "FOUND (must not happen)" : "absent: encrypted");
    }
    out.printf("  %-36s %s%n", PLAIN_VALUE, contains(stored, PLAIN_VALUE)
        ? "found: a plain property, as expected" : "absent");
  }

  private static String storedBytes(Path folder) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("hookguard.db")).toList()) {
        all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }

  private static boolean contains(String stored, String value) {
    return stored.contains(new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
        || stored.contains(HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)));
  }

  private static String abbreviate(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 3) + "...";
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
      for (Path path : all) {
        Files.delete(path);
      }
    }
  }
}
