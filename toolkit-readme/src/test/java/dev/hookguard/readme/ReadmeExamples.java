package dev.hookguard.readme;

import com.sun.net.httpserver.HttpsServer;
import dev.hookguard.api.Sensitive.Category;
import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.audit.AuditCheckpoint;
import dev.hookguard.runtime.audit.AuditVerification;
import dev.hookguard.runtime.crypto.MasterKey;
import dev.hookguard.runtime.receiver.IpAllowList;
import dev.hookguard.runtime.receiver.JdkWebhookHandler;
import dev.hookguard.runtime.receiver.MicrometerReceiverMetrics;
import dev.hookguard.runtime.receiver.RateLimit;
import dev.hookguard.runtime.receiver.RateLimiter;
import dev.hookguard.runtime.receiver.TrustedProxies;
import dev.hookguard.runtime.receiver.WebhookReceiver;
import dev.hookguard.runtime.receiver.WebhookRequest;
import dev.hookguard.runtime.retention.RetentionReport;
import dev.hookguard.runtime.retention.SweepReport;
import dev.hookguard.runtime.signature.ReplayGuard;
import dev.hookguard.runtime.signature.Signatures;
import dev.hookguard.runtime.signature.WebhookSignature;
import dev.hookguard.runtime.signature.WebhookVerificationException;
import dev.hookguard.runtime.store.Accessor;
import dev.hookguard.samples.github.GitHubPush;
import dev.hookguard.samples.github.GitHubPushRedactor;
import dev.hookguard.samples.github.GitHubPushStore;
import dev.hookguard.samples.github.GitHubPushVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;

/**
 * The README's Java examples that are statements, each in a method whose parameters are what the
 * README leaves to the reader ({@code headers}, {@code body}, a secret, a pool). Compiled, not
 * run: {@link ReadmeExamplesTest} checks that every README block is here, line for line.
 */
@SuppressWarnings({"unused", "UnusedVariable"})
final class ReadmeExamples {

  private ReadmeExamples() {}

  // "Annotate, build, use"

  static void verifyAndRedact(
      String secret, Map<String, List<String>> headers, byte[] body, Logger log)
      throws WebhookVerificationException {
    Customer customer = CustomerVerifier.create(Signatures.stripe(secret)).verify(headers, body);
    CustomerRedactor redactor = CustomerRedactor.create();
    log.info("received {}", redactor.toLogString(customer));
    // Customer{id="cus_123", email=j***@example.com, cardNumber=****4242, customerId=hg_5d1c…, created="2025-01-14T16:00:00Z"}
    forward(redactor.toRedactedJson(customer));   // {"id":"cus_123","email":"j***@example.com",…}
    Customer safe = redactor.redact(customer);    // a copy safe to hand to other systems
  }

  static void verifierOptions(String secret, Map<String, List<String>> headers, byte[] body)
      throws WebhookVerificationException {
    CustomerVerifier verifier = CustomerVerifier.builder(Signatures.standardWebhooks(secret))
        .replayGuard(ReplayGuard.inMemory(Duration.ofMinutes(10), 100_000))   // keyed on webhook-id
        .maxBodyBytes(256 * 1024)
        .build();
    Customer customer = verifier.verify(headers, body);   // or WebhookVerificationException.reason()
    String json = CustomerVerifier.toJson(customer);      // the full JSON; readTrusted(bytes) reads it back
  }

  static void store(String messageId, Customer customer) {
    try (HookGuard hookGuard = HookGuard.builder()
        .sqlite(Path.of("hookguard.db"))                  // or .postgres(dataSource)
        .masterKey(MasterKey.fromEnv("HOOKGUARD_MASTER_KEY"))
        .build()) {
      CustomerStore store = CustomerStore.create(hookGuard);
      store.put(messageId, customer);                     // one transaction; a duplicate id is refused
      store.find(messageId);                              // sensitive values masked, as the redactor does
      store.findByEmail("jenny.rosen@example.com");       // deterministic fields: an index look-up
      // Customer's sensitive categories: CONTACT, FINANCIAL, PERSONAL, CREDENTIAL; all must be granted.
      store.reveal(messageId, Accessor.of("support", Category.values()), "refund #77");
    }
  }

  // "Receiving webhooks"

  static HttpsServer receiver(MeterRegistry meterRegistry) throws IOException {
    HookGuard hookGuard = HookGuard.builder().sqlite(Path.of("hookguard.db"))
        .masterKey(MasterKey.fromEnv("HOOKGUARD_MASTER_KEY")).build();
    WebhookSignature github = Signatures.github(System.getenv("GITHUB_WEBHOOK_SECRET"));

    WebhookReceiver<GitHubPush> receiver = WebhookReceiver
        .builder(GitHubPush.class, GitHubPushVerifier.create(github))   // its limit, scheme, ids
        .receipts(hookGuard.receipts(GitHubPushStore.create(hookGuard)))   // one transaction each
        .redactor(GitHubPushRedactor.create())            // what the log shows
        .listener(hookGuard.audit().receiptListener())    // refusals after the signature, audited
        .allowList(IpAllowList.of("140.82.112.0/20", "192.30.252.0/22"))
        .trustedProxies(TrustedProxies.of("10.0.0.0/8"))  // X-Forwarded-* only from these
        .rateLimiter(RateLimiter.builder().perSource(RateLimit.of(50, Duration.ofSeconds(1))).build())
        .metrics(MicrometerReceiverMetrics.of(meterRegistry))   // optional: Micrometer
        .build();

    // Before the first server is created (or -Dsun.net.httpserver.nodelay=true): without it every
    // response of the JDK server waits ~40 ms for the client's delayed ACK.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpsServer server = HttpsServer.create(new InetSocketAddress(8443), 64);
    server.createContext("/webhooks/github", JdkWebhookHandler.of(receiver));
    return server;
  }

  // "Retention"

  static void retention(DataSource pool, DataSource keyPool) {
    try (HookGuard hookGuard = HookGuard.builder()
        .postgres(pool)
        .retentionKeys(keyPool, "hookguard_keys")     // a schema your record-store dumps leave out
        .masterKey(MasterKey.fromEnv("HOOKGUARD_MASTER_KEY"))
        .build()) {
      SweepReport swept = hookGuard.retention().sweep();
      RetentionReport report = hookGuard.retention().report();
      assert report.recordsPastExpiry() == 0;
    }
  }

  // "The audit trail"

  static void audit(HookGuard hookGuard, String saved) {
    AuditVerification result = hookGuard.audit().verify();
    // "audit trail intact: 1204 entries, head 1204", or e.g.
    // "audit trail BROKEN at sequence 37: DELETED (entry 37 is missing); 36 entries intact before it"

    AuditCheckpoint head = hookGuard.audit().checkpoint();   // export head.toString() somewhere else
    // hookguard-audit-v1:1204:5f1c…
    hookGuard.audit().verify(AuditCheckpoint.parse(saved));  // nothing up to it changed
    hookGuard.audit().tail(20);                             // the last 20 entries, oldest first
  }

  // "Verifying webhooks"

  static void signatures(WebhookRequest request, String newClientSecret, String oldClientSecret)
      throws WebhookVerificationException {
    Map<String, List<String>> headers = request.headers(); // e.g. HttpExchange.getRequestHeaders()
    byte[] body = request.body();                           // exactly as received

    WebhookSignature webhooks = Signatures.standardWebhooks(System.getenv("WEBHOOK_SECRET"));
    ReplayGuard seen = ReplayGuard.inMemory(Duration.ofMinutes(10), 100_000);
    webhooks.verify(headers, body, seen); // signature, 5-minute tolerance, then webhook-id replay check
    WebhookSignature stripe = Signatures.stripe(System.getenv("STRIPE_WEBHOOK_SECRET"));
    stripe.verify(headers, body);
    WebhookSignature github = Signatures.github(System.getenv("GITHUB_WEBHOOK_SECRET"));
    github.verify(headers, body);
    Optional<String> delivery = github.messageId(headers);
    WebhookSignature slack = Signatures.slack(System.getenv("SLACK_SIGNING_SECRET"));
    slack.verify(headers, body);
    WebhookSignature shopify = Signatures.shopify(newClientSecret, oldClientSecret);
    shopify.verify(headers, body);
  }

  private static void forward(String json) {}
}
