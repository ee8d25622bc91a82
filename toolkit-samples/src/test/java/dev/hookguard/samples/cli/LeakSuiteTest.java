package dev.hookguard.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditEntry;
import dev.hookguard.runtime.audit.AuditEvent;
import dev.hookguard.runtime.json.JsonLimits;
import dev.hookguard.runtime.receiver.PayloadVerifier;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import dev.hookguard.samples.CanaryPayloads;
import dev.hookguard.samples.CanaryPayloads.Markers;
import dev.hookguard.samples.github.GitHubPushVerifier;
import dev.hookguard.samples.shopify.ShopifyOrderVerifier;
import dev.hookguard.samples.stripe.StripeEventVerifier;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canary leak suite. The sample receiver runs in a child JVM, as {@code hookguard serve}
 * runs it, with every SLF4J logger at TRACE and every {@code java.util.logging} logger at ALL.
 * Each provider gets a valid, a redelivered, a conflicting, a forged, a malformed, an invalid, two
 * oversized and (where the scheme has a timestamp) a stale request, each payload with a unique
 * marker in every property, and canaries in a header and the query string too. Then no secret
 * marker may be found in any log line, response, metric, audit entry or stack trace, and the
 * database files may hold neither an {@code @Encrypt} value of what was accepted nor any byte of
 * what was refused.
 */
@Timeout(300)
class LeakSuiteTest {

  @TempDir
  static Path folder;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int MAX_BODY_BYTES = 32 * 1024; // as CrashReceiverMain sets it

  /** A request sent, what the receiver answered, and the markers its payload carried. */
  record Sent(String what, Provider provider, int expected, Markers markers, Response response) {}

  record Response(int status, String headers, String body) {}

  private static Workspace workspace;
  private static final List<Sent> sent = new ArrayList<>();
  /** Canaries outside any payload (a header, the query string): they may appear nowhere. */
  private static final List<String> loose = new ArrayList<>();
  /** Stack traces of the verifier's refusals of the same bodies, in this JVM. */
  private static final List<String> traces = new ArrayList<>();
  private static String childLog;
  private static List<String> metrics;
  private static List<AuditEntry> audit;
  private static byte[] databaseBytes;

  @BeforeAll
  static void sendEverythingThenCollect() throws Exception {
    String classPath = CrashTest.copyClassPath(folder.resolve("classpath"));
    Path julConfig = folder.resolve("logging.properties");
    Files.writeString(julConfig, String.join("\n",
        "handlers=java.util.logging.ConsoleHandler",
        ".level=ALL",
        "java.util.logging.ConsoleHandler.level=ALL", ""));
    workspace = new Workspace(folder.resolve("workspace"));
    Path run = Files.createDirectories(folder.resolve("run"));
    CrashTest.Child child = CrashTest.Child.start(classPath,
        List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
            "-Djava.util.logging.config.file=" + julConfig),
        run, "leaks", workspace, null);
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      URI base = URI.create("http://127.0.0.1:" + child.port);
      int series = 1;
      for (Provider provider : Provider.values()) {
        sendEveryKind(client, base, provider, series);
        series += 10;
      }
      metrics = child.ask("metrics");
    } finally {
      child.stop();
    }
    childLog = Files.readString(child.log, StandardCharsets.UTF_8);
    try (HookGuard hookGuard = workspace.open(null, Clock.systemUTC())) {
      audit = hookGuard.audit().tail(100_000);
    }
    databaseBytes = allBytesUnder(workspace.directory());
  }

  @AfterAll
  static void forget() {
    sent.clear();
    loose.clear();
    traces.clear();
  }

  private static void sendEveryKind(HttpClient client, URI base, Provider provider, int series)
      throws Exception {
    Secrets secrets = workspace.secrets();
    String headerCanary = "SECRETheader" + series;
    String queryCanary = "SECRETquery" + series;
    loose.add(headerCanary);
    loose.add(queryCanary);

    Markers accepted = new Markers(series);
    byte[] body = json(provider, accepted);
    String messageId = "msg_" + UUID.randomUUID();
    Map<String, String> headers = sign(provider, secrets, messageId, Instant.now(), body);
    Map<String, String> withCanary = new LinkedHashMap<>(headers);
    withCanary.put("X-Canary", headerCanary);
    withCanary.put("X-Forwarded-For", headerCanary);
    send(client, base.resolve(provider.path() + "?token=" + queryCanary), "accepted", provider,
        200, accepted, withCanary, body, false);
    send(client, base.resolve(provider.path()), "redelivered", provider, 200, accepted, headers,
        body, false);

    Markers conflicting = new Markers(series + 1);
    ObjectNode other = (ObjectNode) JSON.readTree(json(provider, conflicting));
    if (provider == Provider.STRIPE) {
      other.put("id", JSON.readTree(body).get("id").asString()); // Stripe's key is the event id
    }
    byte[] otherBody = JSON.writeValueAsBytes(other);
    send(client, base.resolve(provider.path()), "conflicting", provider, 409, conflicting,
        sign(provider, secrets, messageId, Instant.now(), otherBody), otherBody, false);

    Markers forged = new Markers(series + 2);
    byte[] forgedBody = json(provider, forged);
    send(client, base.resolve(provider.path()), "forged", provider, 401, forged,
        sign(provider, secrets, "msg_" + UUID.randomUUID(), Instant.now(), body), forgedBody,
        false);

    Markers malformed = new Markers(series + 3);
    byte[] full = json(provider, malformed);
    byte[] truncated = Arrays.copyOf(full, full.length * 2 / 3);
    signAndSend(client, base, "malformed", provider, 400, malformed, truncated, false);

    Markers invalid = new Markers(series + 4);
    ObjectNode wrong = (ObjectNode) JSON.readTree(json(provider, invalid));
    String unknown = invalid.secret.get(0);
    wrong.putObject("unknown" + unknown).put(unknown + "key", unknown + "value");
    // A property that must be an object given a string: an error with a JSON pointer.
    String objectProperty = switch (provider) {
      case STRIPE -> "data";
      case GITHUB -> "repository";
      case SHOPIFY -> "customer";
    };
    wrong.put(objectProperty, invalid.secret.get(1));
    signAndSend(client, base, "invalid", provider, 400, invalid, JSON.writeValueAsBytes(wrong),
        false);

    Markers declared = new Markers(series + 5);
    signAndSend(client, base, "oversized, declared", provider, 413, declared,
        padded(json(provider, declared)), false);
    Markers streamed = new Markers(series + 6);
    signAndSend(client, base, "oversized, streamed", provider, 413, streamed,
        padded(json(provider, streamed)), true);

    if (provider == Provider.STRIPE) {
      Markers stale = new Markers(series + 7);
      byte[] staleBody = json(provider, stale);
      send(client, base.resolve(provider.path()), "stale", provider, 401, stale,
          sign(provider, secrets, "msg_" + UUID.randomUUID(), Instant.now().minusSeconds(3600),
              staleBody), staleBody, false);
    }
  }

  private static void signAndSend(HttpClient client, URI base, String what, Provider provider,
      int expected, Markers markers, byte[] body, boolean chunked) throws Exception {
    Map<String, String> headers =
        sign(provider, workspace.secrets(), "msg_" + UUID.randomUUID(), Instant.now(), body);
    send(client, base.resolve(provider.path()), what, provider, expected, markers, headers, body,
        chunked);
    // The same body through the verifier in this JVM: its refusal, with every cause.
    try {
      verifier(provider).verify(toLists(headers), body);
    } catch (WebhookVerificationException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      traces.add(trace.toString());
    }
  }

  private static void send(HttpClient client, URI uri, String what, Provider provider,
      int expected, Markers markers, Map<String, String> headers, byte[] body, boolean chunked)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .POST(chunked
            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
            : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    HttpResponse<String> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    sent.add(new Sent(what, provider, expected, markers,
        new Response(response.statusCode(), response.headers().map().toString(),
            response.body())));
  }

  // --- the checks ----------------------------------------------------------------------------

  @Test
  void everyRequestGotTheAnswerItsKindCallsFor() {
    assertThat(sent).hasSize(3 * 8 + 1);
    assertThat(sent).allSatisfy(s ->
        assertThat(s.response().status()).as("%s %s", s.provider(), s.what()).isEqualTo(s.expected()));
  }

  @Test
  void noResponseHoldsAnyMarker() {
    for (Sent s : sent) {
      assertNoneIn(s.response().toString(), everyMarker(), s.provider() + " " + s.what());
    }
  }

  @Test
  void noLogLineAtAnyLevelHoldsASecret() {
    // The child logged at every level: its acceptances, its refusals and the libraries' detail.
    assertThat(childLog).contains("webhook accepted").contains("webhook refused");
    assertThat(childLog.lines().filter(line -> line.contains("DEBUG") || line.contains("TRACE")
        || line.startsWith("FINE") || line.startsWith("FINER") || line.startsWith("FINEST")))
        .as("lines below INFO").isNotEmpty();
    assertNoneIn(childLog, everySecret(), "the child's log");
  }

  @Test
  void noMetricHoldsAnyMarker() {
    assertThat(metrics).anyMatch(line -> line.contains("outcome=ACCEPTED"));
    assertNoneIn(String.join("\n", metrics), everyMarker(), "the metrics");
  }

  @Test
  void noAuditEntryHoldsASecret() {
    assertThat(audit).filteredOn(e -> e.event().kind() == AuditEvent.Kind.RECEIVED).hasSize(3);
    StringBuilder all = new StringBuilder();
    audit.forEach(entry -> all.append(entry).append('\n'));
    assertNoneIn(all.toString(), everySecret(), "the audit trail");
  }

  @Test
  void noStackTraceOfARefusalHoldsAnyMarker() {
    assertThat(traces).hasSizeGreaterThanOrEqualTo(3 * 4);
    for (String trace : traces) {
      assertNoneIn(trace, everyMarker(), "a refusal's stack trace");
    }
  }

  @Test
  void theDatabaseHoldsNoEncryptedValueAndNothingOfWhatWasRefused() {
    List<String> forbidden = new ArrayList<>(loose);
    for (Sent s : sent) {
      forbidden.addAll(s.response().status() == 200 ? s.markers().sealed : s.markers().all());
    }
    String bytes = new String(databaseBytes, StandardCharsets.ISO_8859_1);
    assertNoneIn(bytes, forbidden, "the workspace's files");
    // The scan reads what was stored: the plain values of an accepted GitHub push are there.
    // Stripe events and Shopify orders name their customer (@Subject): every field of theirs is
    // sealed for that person, plain ones included, so none of their values is.
    for (Sent s : sent) {
      if (s.what().equals("accepted")) {
        assertThat(s.markers().sealed).as("%s sealed markers", s.provider()).isNotEmpty();
        if (s.provider() == Provider.GITHUB) {
          assertThat(s.markers().plain).anyMatch(bytes::contains);
        } else {
          // Except a Stripe event's id (marker "…evt"), which is its record's id, the key.
          List<String> values = s.markers().plain.stream()
              .filter(marker -> !(s.provider() == Provider.STRIPE && marker.endsWith("evt")))
              .toList();
          assertNoneIn(bytes, values, s.provider() + " records, sealed for their subject");
        }
      }
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private static List<String> everySecret() {
    List<String> secrets = new ArrayList<>(loose);
    sent.forEach(s -> secrets.addAll(s.markers().secret));
    return secrets;
  }

  private static List<String> everyMarker() {
    List<String> markers = new ArrayList<>(loose);
    sent.forEach(s -> markers.addAll(s.markers().all()));
    return markers;
  }

  private static void assertNoneIn(String text, List<String> markers, String where) {
    List<String> found = markers.stream().filter(text::contains).distinct().toList();
    assertThat(found).as("markers found in %s", where).isEmpty();
  }

  private static byte[] json(Provider provider, Markers markers) {
    String json = switch (provider) {
      case STRIPE -> StripeEventVerifier.toJson(CanaryPayloads.stripeEvent(markers));
      case GITHUB -> GitHubPushVerifier.toJson(CanaryPayloads.gitHubPush(markers));
      case SHOPIFY -> ShopifyOrderVerifier.toJson(CanaryPayloads.shopifyOrder(markers));
    };
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static PayloadVerifier<?> verifier(Provider provider) {
    Secrets secrets = workspace.secrets();
    JsonLimits limits = JsonLimits.defaults().withMaxBodyBytes(MAX_BODY_BYTES);
    return switch (provider) {
      case STRIPE -> StripeEventVerifier.builder(secrets.stripeSignature()).limits(limits).build();
      case GITHUB -> GitHubPushVerifier.builder(secrets.githubSignature()).limits(limits).build();
      case SHOPIFY ->
          ShopifyOrderVerifier.builder(secrets.shopifySignature()).limits(limits).build();
    };
  }

  private static Map<String, String> sign(Provider provider, Secrets secrets, String messageId,
      Instant at, byte[] body) {
    return new LinkedHashMap<>(provider.signature(secrets).sign(messageId, at, body));
  }

  private static Map<String, List<String>> toLists(Map<String, String> headers) {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    headers.forEach((name, value) -> lists.put(name, List.of(value)));
    return lists;
  }

  /** {@code body} with spaces before its closing brace, past the receiver's limit. */
  private static byte[] padded(byte[] body) {
    byte[] padded = new byte[MAX_BODY_BYTES + 4096];
    Arrays.fill(padded, (byte) ' ');
    System.arraycopy(body, 0, padded, 0, body.length - 1);
    padded[padded.length - 1] = '}';
    return padded;
  }

  private static byte[] allBytesUnder(Path directory) throws Exception {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        all.write(Files.readAllBytes(file));
        all.write('\n');
      }
    }
    return all.toByteArray();
  }
}
